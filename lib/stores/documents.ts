// The one list of what a running server keeps beside the logs that must move with an install
// (`npm run migrate`, files -> PostgreSQL): the documents, each defined in its domain
// (defineDocument, opened by lib/eventstore/backend.ts `document`), and the key-value namespaces
// that are not caches. A new document: define it in its domain and add it here
// (lib/stores/documents.test.ts fails for one that is not).
import type { DocumentDefinition } from '../documents/definition';
import { AUTH_DOCUMENT } from '../auth/auth-document';
import { KEYS_NAMESPACE } from '../fediverse/kv';
import { HOOKS_DOCUMENT, HOOKS_SECRET_DOCUMENT } from '../hooks/documents';
import { GRANTS_DOCUMENT } from '../indieauth/grants';
import { SETTINGS_DOCUMENT } from '../settings/schema';

export const DOCUMENTS: readonly DocumentDefinition<unknown>[] = [SETTINGS_DOCUMENT, AUTH_DOCUMENT, GRANTS_DOCUMENT, HOOKS_DOCUMENT, HOOKS_SECRET_DOCUMENT] as DocumentDefinition<unknown>[];

/** Key-value namespaces whose entries cannot be made again (the actor's keys: followers' servers cache the public one). */
export const KEPT_NAMESPACES: readonly string[] = [KEYS_NAMESPACE];
