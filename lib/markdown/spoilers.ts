// Spoilers in reviews, without any raw HTML: a remark plugin that marks Markdown nodes so they
// become <details> (block) or a focusable blurred <span> (inline), both allowed by the sanitiser.
//   >! A whole paragraph (or several lines, each starting with >!) hidden until "Spoiler" is clicked.
//   Inline: ||the butler did it|| is blurred until clicked or focused.
import type { Blockquote, Paragraph, PhrasingContent, Root, Text } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';

const INLINE = /\|\|(.+?)\|\|/g;

export function remarkSpoilers() {
  return (tree: Root) => {
    visit(tree, 'blockquote', (node: Blockquote) => {
      const first = node.children[0];
      const text = first?.type === 'paragraph' ? first.children[0] : undefined;
      if (text?.type !== 'text' || !text.value.startsWith('!')) return;
      text.value = text.value.replace(/^! ?/gm, '');
      node.data = { hName: 'details', hProperties: { className: ['spoiler'] } };
      const summary: Paragraph = { type: 'paragraph', data: { hName: 'summary' }, children: [{ type: 'text', value: 'Spoiler (click to show)' }] };
      node.children.unshift(summary);
    });
    visit(tree, 'text', (node: Text, index, parent) => {
      if (!parent || index === undefined || !INLINE.test(node.value)) return;
      INLINE.lastIndex = 0;
      const parts: PhrasingContent[] = [];
      let last = 0;
      for (const m of node.value.matchAll(INLINE)) {
        if (m.index > last) parts.push({ type: 'text', value: node.value.slice(last, m.index) });
        parts.push({
          type: 'emphasis',
          data: { hName: 'span', hProperties: { className: ['spoiler'], tabIndex: 0, title: 'Spoiler: click to show' } },
          children: [{ type: 'text', value: m[1]! }],
        });
        last = m.index + m[0].length;
      }
      if (last < node.value.length) parts.push({ type: 'text', value: node.value.slice(last) });
      (parent.children as PhrasingContent[]).splice(index, 1, ...parts);
      return [SKIP, index + parts.length];
    });
  };
}
