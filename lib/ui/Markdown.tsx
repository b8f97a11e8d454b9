import ReactMarkdown from 'react-markdown';
import rehypeSanitize from 'rehype-sanitize';

/**
 * The owner's Markdown (the bio), rendered on the server. react-markdown builds React elements
 * (no innerHTML) and ignores raw HTML; rehype-sanitize (GitHub's schema) also drops any
 * `javascript:` link or unexpected attribute that Markdown itself can express.
 */
export function Markdown({ children, className }: { children: string; className?: string }) {
  return (
    <div className={className}>
      <ReactMarkdown rehypePlugins={[rehypeSanitize]}>{children}</ReactMarkdown>
    </div>
  );
}
