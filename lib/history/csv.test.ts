import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvCell, toCsv, unguardCell } from './csv';
import { ENTRY_COLUMNS, entriesCsv, entriesCsvFile, entriesJson } from './entries-export';
import { finished, fold } from '../media/testing/media-fixtures';

describe('csvCell', () => {
  it('leaves plain text and numbers alone, and empties a missing value', () => {
    expect(csvCell('Dune')).toBe('Dune');
    expect(csvCell(4.5)).toBe('4.5');
    expect(csvCell(false)).toBe('false');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(null)).toBe('');
  });

  it('quotes cells with commas, quotes and line breaks, doubling the quotes', () => {
    expect(csvCell('Dune, Part Two')).toBe('"Dune, Part Two"');
    expect(csvCell('The "best" one')).toBe('"The ""best"" one"');
    expect(csvCell('line one\nline two')).toBe('"line one\nline two"');
    expect(csvCell('a\r\nb')).toBe('"a\r\nb"');
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://evil","x")')).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('a=b')).toBe('a=b');
  });

  it("guards text that already starts with ' before a formula character once more, so reading it back keeps it", () => {
    expect(csvCell("'=not a formula")).toBe("''=not a formula");
    expect(csvCell("'Salem's Lot")).toBe("'Salem's Lot");
    for (const text of ["'=x", "''=x", '=x', "'plain", '-1', "'-1"]) expect(unguardCell(csvCell(text))).toBe(text);
  });

  it('writes a header and CRLF-terminated rows', () => {
    expect(toCsv(['a', 'b'], [[1, 'x,y']])).toBe('a,b\r\n1,"x,y"\r\n');
  });
});

describe('entries export', () => {
  const { states } = fold(
    finished('a', { title: '=cmd|calc', review: 'Good, "very"\ngood', rating: 4 }),
    finished('b', { title: 'Hidden', visibility: 'private' }),
    { type: 'MediaRemoved', data: { entryId: 'b' } },
  );
  const state = states.at(-1)!;

  it('has every entry as CSV, private and removed ones included, in log order', () => {
    const lines = entriesCsv(state).split('\r\n');
    expect(lines[0]).toBe(ENTRY_COLUMNS.join(','));
    expect(lines[1]).toBe(
      `a,book,'=cmd|calc,,,,4,"Good, ""very""\ngood",2026-11-01,public,false,false,2026-11-23T08:00:00.000Z,2026-11-23T08:00:00.000Z,finished,,,,,`,
    );
    expect(lines[2]).toMatch(/^b,book,Hidden,.*,private,false,true,/);
    expect(lines).toHaveLength(4); // header, two rows, and the empty string after the last CRLF
  });

  it('has every entry as JSON, with the fields it has', () => {
    const json = entriesJson(state, 3);
    expect(json.version).toBe(3);
    expect(json.entries.map((e) => e.id)).toEqual(['a', 'b']);
    expect(json.entries[0]).toMatchObject({ title: '=cmd|calc', review: 'Good, "very"\ngood', rating: 4, removed: false });
    expect(json.entries[1]).not.toHaveProperty('rating');
  });
});

describe('entries CSV file', () => {
  const { states } = fold(
    finished('a', { title: '百年の孤独', creator: 'García Márquez', review: 'Línea uno,\n"dos"' }),
    finished('b', { title: 'Plain', rating: 3.5 }),
  );
  const state = states.at(-1)!;
  const bytes = Buffer.from(entriesCsvFile(state), 'utf8');

  it('starts with the UTF-8 byte-order mark, so spreadsheets read it as UTF-8', () => {
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('still round-trips: a CSV reader that honours the BOM gets the columns and every value back', () => {
    const rows = parse(bytes, { bom: true, columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual([...ENTRY_COLUMNS]);
    expect(rows.map((r) => [r.id, r.title, r.creator, r.review, r.rating])).toEqual([
      ['a', '百年の孤独', 'García Márquez', 'Línea uno,\n"dos"', ''],
      ['b', 'Plain', '', '', '3.5'],
    ]);
    expect(bytes.subarray(3).toString('utf8')).toBe(entriesCsv(state));
  });
});
