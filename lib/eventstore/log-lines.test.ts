import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanLines, type LogLine } from './log-lines';
import { tempDir } from './testing/counter';

/** What a line says, read as it comes (the scanner reuses one object); its text is where `source` and `start` say. */
function seen({ lineNo, offset, text, bytes, terminated, source, start, end }: LogLine) {
  expect(source.slice(start, end)).toBe(text);
  return { lineNo, offset, text, bytes, terminated };
}

describe('scanLines', () => {
  it('yields every line with its byte offset, ASCII or not, across chunk boundaries, and a torn last line', () => {
    const lines = ['{"a":1}', '{"title":"Café – Ørsted ✓"}', '', '{"b":"plain ascii again"}', '{"c":"😀"}', '{"d":4}'];
    const file = join(tempDir(), 'log.jsonl');
    writeFileSync(file, lines.map((l) => `${l}\n`).join('') + '{"torn":');
    const expected = [...lines.map((text) => ({ text, terminated: true })), { text: '{"torn":', terminated: false }];
    let offset = 0;
    const withOffsets = expected.map((line, i) => {
      const at = offset;
      offset += Buffer.byteLength(line.text) + 1;
      return { lineNo: i + 1, offset: at, bytes: Buffer.byteLength(line.text), ...line };
    });
    for (const chunkSize of [1, 3, 7, 16, 64, 4096]) {
      expect(Array.from(scanLines(file, { chunkSize }), seen), `chunks of ${chunkSize}`).toEqual(withOffsets);
    }
    const from = withOffsets[3]!;
    expect(Array.from(scanLines(file, { chunkSize: 5, from: from.offset, firstLineNo: 4 }), seen)).toEqual(withOffsets.slice(3));
  });
});
