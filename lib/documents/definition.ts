// A document the running server keeps (settings, the admin's sessions, IndieAuth's grants, the
// hooks' secret), defined in its domain and opened through the backend
// (lib/eventstore/backend.ts `document`): `<EVENTS_DIR>/<name>.json` on files (0600 for a
// secret), the row `<name>` of shelf_documents on PostgreSQL, one for every instance.
import type { ZodType } from 'zod';

export interface DocumentDefinition<T> {
  /** Lower-case letters, digits and dashes: it names the file and the row. */
  readonly name: string;
  readonly schema: ZodType<T>;
  /** The document before its first write. */
  readonly defaults: () => T;
  /** Secrets (keys, password hashes, token hashes): on files written readable by the owner only. */
  readonly secret: boolean;
}

export function defineDocument<T>(definition: DocumentDefinition<T>): DocumentDefinition<T> {
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(definition.name)) throw new Error(`a document's name is lower-case letters, digits and dashes, not ${JSON.stringify(definition.name)}`);
  return definition;
}
