// Automatic logging's two documents (lib/eventstore/backend.ts `document`: files in EVENTS_DIR,
// or rows every instance on PostgreSQL shares): `hooks` (how automatic entries are logged, and
// each server's last deliveries: ./hooks-document.ts) and `hooks-secret` (the secret in every
// hook URL, unless HOOKS_SECRET sets it: ./secret.ts). Defined here, apart from the code that
// uses them, so that `npm run migrate` can list them outside Next.
import { z } from 'zod';
import { defineDocument } from '../documents/definition';
import { LOGGED_BY, type LoggedBy } from '../media/logged-by';
import type { HookSettings } from './plan';

/** Deliveries kept per source: the newest first, the oldest dropped past it. */
export const DELIVERIES_KEPT = 10;

export const BECAME = ['logged', 'updated', 'duplicate', 'ignored', 'refused'] as const;
export type Became = (typeof BECAME)[number];

const deliverySchema = z.object({
  at: z.string(),
  event: z.string().max(80),
  became: z.enum(BECAME),
  detail: z.string().max(300),
  title: z.string().max(300).optional(),
  entryId: z.string().max(128).optional(),
});
export type Delivery = z.infer<typeof deliverySchema>;

export const hookSettingsSchema = z.object({
  visibility: z.enum(['public', 'private'], { error: 'Visibility must be public or private' }),
  announce: z.boolean({ error: 'Announce must be on or off' }),
});

const hooksDocumentSchema = z.object({
  settings: hookSettingsSchema,
  deliveries: z.object(Object.fromEntries(LOGGED_BY.map((s) => [s, z.array(deliverySchema).max(DELIVERIES_KEPT)])) as Record<LoggedBy, z.ZodArray<typeof deliverySchema>>),
});
type HooksDocument = z.infer<typeof hooksDocumentSchema>;

/** Public, not announced: what the issue asks of automatic entries until the owner says otherwise. */
export const DEFAULT_HOOK_SETTINGS: HookSettings = { visibility: 'public', announce: false };

/** `events/hooks.json`. */
export const HOOKS_DOCUMENT = defineDocument<HooksDocument>({
  name: 'hooks',
  schema: hooksDocumentSchema,
  defaults: () => ({
    settings: DEFAULT_HOOK_SETTINGS,
    deliveries: Object.fromEntries(LOGGED_BY.map((s) => [s, []])) as unknown as HooksDocument['deliveries'],
  }),
  secret: false,
});

/** `events/hooks-secret.json` (0600): empty until first used. */
export const HOOKS_SECRET_DOCUMENT = defineDocument({ name: 'hooks-secret', schema: z.object({ secret: z.string() }), defaults: () => ({ secret: '' }), secret: true });
