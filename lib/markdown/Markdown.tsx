// The owner's Markdown on a page or in the widget: the same sanitised tree as every other surface
// (./render.ts), turned into React elements (no innerHTML).
import { toJsxRuntime } from 'hast-util-to-jsx-runtime';
import { Fragment, jsx, jsxs } from 'react/jsx-runtime';
import styles from './markdown.module.css';
import { markdownTree, type SpoilerMode } from './render';

export function Markdown({ text, className, spoilers = 'hide' }: { text: string; className?: string; spoilers?: SpoilerMode }) {
  const tree = markdownTree(text, { spoilers }).tree;
  return <div className={className ? `${styles.markdown} ${className}` : styles.markdown}>{toJsxRuntime(tree, { Fragment, jsx, jsxs })}</div>;
}
