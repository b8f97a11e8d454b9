// CSV as the exports write it, read with csv-parse (quoted multi-line cells, doubled quotes, a
// byte-order mark, CRLF): hand-written splitting gets those wrong, which is why it earns its place.
// The text goes to csv-parse's stream parser a slice at a time, handing the event loop back in
// between (./yielding.ts), so a big file never holds up other requests.
import { parse, type Options } from 'csv-parse';
import { ImportFormatError } from './format-error';
import { slicer } from './yielding';

export interface CsvRow {
  /** 1-based line of the file where the row starts (the header is line 1). */
  line: number;
  cells: Record<string, string>;
}

const OPTIONS: Options = {
  bom: true,
  columns: (header: string[]) => header.map((name) => name.trim()),
  info: true,
  // Goodreads writes ISBNs as ="0553283685" without quoting the cell: a quote inside a bare cell.
  relax_quotes: true,
  relax_column_count: true,
  skip_empty_lines: true,
};

/** Characters handed to the parser at a time. */
const TEXT_SLICE = 64 * 1024;

/** The rows of `text` by header name; refuses a file without the `required` columns, naming them. */
export async function readCsv(text: string, required: readonly string[], what: string): Promise<CsvRow[]> {
  const rows: CsvRow[] = [];
  let header: string[] | undefined;
  let failure: Error | undefined;
  // info.lines is the line the record ends on; its start is one past the previous record's end.
  let previousEnd = 1;
  const parser = parse(OPTIONS);
  const drain = () => {
    let item: { record: Record<string, string>; info: { lines: number } } | null;
    while ((item = parser.read()) !== null) {
      header ??= Object.keys(item.record);
      rows.push({ line: previousEnd + 1, cells: item.record });
      previousEnd = item.info.lines;
    }
  };
  parser.on('readable', drain);
  parser.on('error', (err) => (failure ??= err));
  const ended = new Promise<void>((resolve) => parser.on('end', resolve).on('error', () => resolve()));
  const pause = slicer();
  for (let at = 0; at < text.length && !failure; ) {
    let end = Math.min(text.length, at + TEXT_SLICE);
    if (end < text.length && /[\uD800-\uDBFF]/.test(text[end - 1]!)) end--; // never split a surrogate pair
    parser.write(text.slice(at, end));
    at = end;
    drain();
    await pause();
  }
  if (!failure) parser.end();
  await ended;
  drain();
  if (failure) throw new ImportFormatError(`${what} is not a readable CSV file: ${failure.message}`);
  header ??= headerOf(text);
  const missing = required.filter((column) => !header!.includes(column));
  if (missing.length > 0) {
    throw new ImportFormatError(`${what} is missing the column${missing.length > 1 ? 's' : ''} ${missing.map((c) => `"${c}"`).join(', ')}`);
  }
  return rows;
}

/** The header of a file with no rows (a header line alone). */
function headerOf(text: string): string[] {
  const line = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  return line.split(',').map((name) => name.replace(/^"|"$/g, '').trim()).filter(Boolean);
}
