// Spoilers in reviews, without any raw HTML: a remark plugin that marks Markdown nodes so they
// become <details> (block) or a focusable blurred <span> (inline), both allowed by the sanitiser,
// or, where nothing can be hidden (feeds, plain text), leaves them out.
//   >! A whole paragraph (or several lines, each starting with >!) hidden until "Spoiler" is clicked.
//   Inline: ||the butler did it|| is blurred until clicked or focused.
import type { Blockquote, Paragraph, PhrasingContent, Root, Text } from 'mdast';
import type { VFile } from 'vfile';
import { SKIP, visit } from 'unist-util-visit';

const INLINE = /\|\|(.+?)\|\|/g;

/**
 * `hide`: in a box the reader opens (pages, the widget). `omit`: left out, "[spoiler]" inline
 * (feeds, text). `reveal`: as plain text, marks taken out, for a post that sits behind a content
 * warning as a whole (ActivityPub: Mastodon strips <details> and classes).
 */
export type SpoilerMode = 'hide' | 'omit' | 'reveal';

export interface SpoilerOptions {
  mode?: SpoilerMode;
}

const isBlockSpoiler = (node: Blockquote) => {
  const first = node.children[0];
  const text = first?.type === 'paragraph' ? first.children[0] : undefined;
  return text?.type === 'text' && text.value.startsWith('!') ? text : undefined;
};

/** Marks `file.data.spoilers` when the text had any, so a caller can say some were left out. */
export function remarkSpoilers({ mode = 'hide' }: SpoilerOptions = {}) {
  return (tree: Root, file: VFile) => {
    let found = false;
    visit(tree, 'blockquote', (node: Blockquote, index, parent) => {
      const text = isBlockSpoiler(node);
      if (!text) return;
      found = true;
      if (mode === 'omit' && parent && index !== undefined) {
        parent.children.splice(index, 1);
        return [SKIP, index];
      }
      text.value = text.value.replace(/^! ?/gm, '');
      if (mode === 'reveal' && parent && index !== undefined) {
        parent.children.splice(index, 1, ...node.children);
        return [SKIP, index + node.children.length];
      }
      node.data = { hName: 'details', hProperties: { className: ['spoiler'] } };
      const summary: Paragraph = { type: 'paragraph', data: { hName: 'summary' }, children: [{ type: 'text', value: 'Spoiler (click to show)' }] };
      node.children.unshift(summary);
    });
    visit(tree, 'text', (node: Text, index, parent) => {
      if (!parent || index === undefined || !INLINE.test(node.value)) return;
      INLINE.lastIndex = 0;
      found = true;
      const parts: PhrasingContent[] = [];
      let last = 0;
      for (const m of node.value.matchAll(INLINE)) {
        if (m.index > last) parts.push({ type: 'text', value: node.value.slice(last, m.index) });
        parts.push(
          mode === 'omit'
            ? { type: 'text', value: '[spoiler]' }
            : mode === 'reveal'
              ? { type: 'text', value: m[1]! }
              : {
                type: 'emphasis',
                data: { hName: 'span', hProperties: { className: ['spoiler'], tabIndex: 0, title: 'Spoiler: click to show' } },
                children: [{ type: 'text', value: m[1]! }],
              },
        );
        last = m.index + m[0].length;
      }
      if (last < node.value.length) parts.push({ type: 'text', value: node.value.slice(last) });
      (parent.children as PhrasingContent[]).splice(index, 1, ...parts);
      return [SKIP, index + parts.length];
    });
    if (found) file.data.spoilers = true;
  };
}

declare module 'vfile' {
  interface DataMap {
    /** The Markdown had at least one spoiler (hidden or left out). */
    spoilers: boolean;
  }
}
