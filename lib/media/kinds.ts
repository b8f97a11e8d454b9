export const KINDS = ['book', 'article', 'movie', 'show', 'game', 'podcast'] as const;
export type Kind = (typeof KINDS)[number];

interface KindInfo {
  label: string;
  plural: string;
  /** "Finished reading ...": the verb for announcements and summaries. */
  verb: string;
  /** What the creator is called for this kind, for form labels. */
  creatorLabel: string;
  icon: string;
}

export const KIND_INFO: Record<Kind, KindInfo> = {
  book: { label: 'Book', plural: 'books', verb: 'reading', creatorLabel: 'Author', icon: '📖' },
  article: { label: 'Article', plural: 'articles', verb: 'reading', creatorLabel: 'Author', icon: '📰' },
  movie: { label: 'Movie', plural: 'movies', verb: 'watching', creatorLabel: 'Director', icon: '🎬' },
  show: { label: 'Show', plural: 'shows', verb: 'watching', creatorLabel: 'Creator', icon: '📺' },
  game: { label: 'Game', plural: 'games', verb: 'playing', creatorLabel: 'Studio', icon: '🎮' },
  podcast: { label: 'Podcast', plural: 'podcasts', verb: 'listening to', creatorLabel: 'Host', icon: '🎧' },
};

export const isKind = (value: unknown): value is Kind => KINDS.includes(value as Kind);

/** "1 book", "3 games". */
export const countLabel = (kind: Kind, n: number) => `${n} ${n === 1 ? KIND_INFO[kind].label.toLowerCase() : KIND_INFO[kind].plural}`;
