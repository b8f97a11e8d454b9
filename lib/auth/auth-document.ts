import { z } from 'zod';
import { defineDocument } from '../documents/definition';
import type { Document } from '../documents/document';
import { backend } from '../eventstore/backend';

/** Live sessions kept at most; past it the oldest is ended (a login flood cannot grow the file). */
export const MAX_SESSIONS = 100;

/**
 * `events/auth.json` (0600), or the row `auth` every instance shares on PostgreSQL: the random secret that signs session and device cookies (generated
 * once, unless SESSION_SECRET overrides it), the generated admin password's hash, and the live sessions. A session not listed here is over,
 * whatever its cookie says: that is how logout ends it for good.
 */
export const authDataSchema = z.object({
  sessionSecret: z.string(),
  /** The password generated at first start when ADMIN_PASSWORD is unset: its salted hash only (lib/auth/password.ts). */
  generatedPassword: z.object({ salt: z.string().min(1), sha256: z.string().min(1) }).optional(),
  /** Client keys that presented the right API token (lib/auth/token-clients.ts). */
  tokenClients: z.array(z.object({ key: z.string().min(1).max(64), seenAt: z.number() })).max(32).optional(),
  sessions: z.array(z.object({ id: z.string().min(1).max(64), expiresAt: z.number() })).max(MAX_SESSIONS),
});
export type AuthData = z.infer<typeof authDataSchema>;

export const emptyAuthData = (): AuthData => ({ sessionSecret: '', sessions: [] });

export const AUTH_DOCUMENT = defineDocument({ name: 'auth', schema: authDataSchema, defaults: emptyAuthData, secret: true });

export const authDocument = (): Document<AuthData> => backend().document(AUTH_DOCUMENT);
