// A file's bytes -> the rows of the chosen source.
import type { ImportCandidate, ImportOptions } from './candidate';
import { goodreadsCandidates } from './goodreads';
import { imdbCandidates } from './imdb';
import { letterboxdCandidates } from './letterboxd';
import { shelfCandidates } from './shelf';
import type { ImportSource } from './sources';
import { storyGraphCandidates } from './storygraph';

/** Throws ImportFormatError when the file is not what the source expects. Reads in slices (./yielding.ts). */
export async function readImportFile(source: ImportSource, bytes: Uint8Array, options: ImportOptions): Promise<ImportCandidate[]> {
  switch (source) {
    case 'goodreads':
      return goodreadsCandidates(new TextDecoder().decode(bytes), options);
    case 'letterboxd':
      return letterboxdCandidates(bytes);
    case 'shelf':
      return shelfCandidates(new TextDecoder().decode(bytes));
    case 'storygraph':
      return storyGraphCandidates(new TextDecoder().decode(bytes), options);
    case 'imdb':
      return imdbCandidates(bytes);
  }
}

/** Where Goodreads and StoryGraph books get their covers (by ISBN): OPENLIBRARY_COVERS_URL, else Open Library's. */
export const importOptionsFromEnv = (): ImportOptions => ({
  coversUrl: process.env.OPENLIBRARY_COVERS_URL || 'https://covers.openlibrary.org',
});
