// Where an imported entry came from. Recorded on its MediaFinished or MediaStarted event
// (`importedFrom`), which is what keeps it away from the announcer whatever its settings
// (lib/announce/eligibility.ts).
export const IMPORT_SOURCES = ['goodreads', 'letterboxd', 'shelf', 'storygraph', 'imdb'] as const;
export type ImportSource = (typeof IMPORT_SOURCES)[number];

export const isImportSource = (value: unknown): value is ImportSource => IMPORT_SOURCES.includes(value as ImportSource);
