// The scopes Shelf grants (IndieAuth + Micropub's vocabulary). `media` is granted for clients that
// ask for it, though Shelf has no media endpoint: covers are links.

export const SCOPES = ['create', 'update', 'delete', 'media', 'profile'] as const;
export type Scope = (typeof SCOPES)[number];

export const SCOPE_LABELS: Record<Scope, string> = {
  create: 'log new entries',
  update: 'change entries',
  delete: 'remove and restore entries',
  media: 'upload media (Shelf has no media endpoint; covers are links)',
  profile: 'see your name, photo and URL',
};

const isScope = (word: string): word is Scope => (SCOPES as readonly string[]).includes(word);

/**
 * The known scopes of a space-separated list, once each, in Shelf's order. Unknown words are
 * dropped (a client may ask for more than this server offers). `post` is Micropub's old name for
 * `create`.
 */
export function parseScopes(text: string | null | undefined): Scope[] {
  const words = new Set((text ?? '').split(/\s+/).filter(Boolean).map((w) => (w === 'post' ? 'create' : w)));
  return SCOPES.filter((scope) => words.has(scope) && isScope(scope));
}

export const scopeText = (scopes: readonly Scope[]) => scopes.join(' ');
