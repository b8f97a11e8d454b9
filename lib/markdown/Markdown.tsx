// Reviews as Markdown. react-markdown never renders raw HTML (it is dropped, not escaped into
// the DOM), and rehype-sanitize (GitHub's schema) checks what Markdown itself produces: only http(s)
// and mailto links, no event handlers, no styles. Both are small and widely used, which beats a
// hand-written parser on a page any visitor sees.
import ReactMarkdown from 'react-markdown';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import { remarkSpoilers } from './spoilers';

/** GitHub's schema, plus the spoilers' <details class="spoiler"> and <span class="spoiler" tabindex="0">. */
export const reviewSchema = {
  ...defaultSchema,
  attributes: {
    ...defaultSchema.attributes,
    details: [...(defaultSchema.attributes?.details ?? []), ['className', 'spoiler']],
    span: [...(defaultSchema.attributes?.span ?? []), ['className', 'spoiler'], 'tabIndex', 'title'],
  },
};

export function Markdown({ text, className }: { text: string; className?: string }) {
  return (
    <div className={className}>
      <ReactMarkdown
        remarkPlugins={[remarkSpoilers]}
        rehypePlugins={[[rehypeSanitize, reviewSchema]]}
        components={{
          a: ({ node: _node, ...props }) => <a {...props} rel="nofollow ugc noopener noreferrer" />,
          // eslint-disable-next-line @next/next/no-img-element
          img: ({ node: _node, alt, ...props }) => <img {...props} alt={alt ?? ''} loading="lazy" referrerPolicy="no-referrer" />,
        }}
      >
        {text}
      </ReactMarkdown>
    </div>
  );
}
