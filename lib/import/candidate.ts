/**
 * One row of an import file as a source reads it, before it is checked against the log: the entry
 * it would log (validated later by the same schema as the form and the API), or why not.
 */
export interface ImportCandidate {
  /** Line of the file (CSV, JSON lines) or position (entries.json) where the row starts. */
  line: number;
  /** What the preview calls the row: its title, or a stand-in when it has none. */
  title: string;
  /** Derived from the source and the row's own identity: importing the row again finds it. */
  entryId?: string;
  /** The entry's fields as the form or the API would send them (visibility is chosen for all later). */
  input?: Record<string, unknown>;
  /** Why the row is left out on purpose (not read yet, removed in the backup, a repeat in the file). */
  skip?: string;
  /** Why the row cannot be read (no date, no identity). */
  error?: string;
  /** Something worth knowing that does not stop it (a review shortened, a rewatch). */
  note?: string;
}

export interface ImportOptions {
  /** Base of Open Library's covers service, for books with an ISBN. */
  coversUrl: string;
}
