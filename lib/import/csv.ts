// CSV as the exports write it, read with csv-parse (quoted multi-line cells, doubled quotes, a
// byte-order mark, CRLF): hand-written splitting gets those wrong, which is why it earns its place.
import { parse } from 'csv-parse/sync';
import { ImportFormatError } from './format-error';

export interface CsvRow {
  /** 1-based line of the file where the row starts (the header is line 1). */
  line: number;
  cells: Record<string, string>;
}

/** The rows of `text` by header name; refuses a file without the `required` columns, naming them. */
export function readCsv(text: string, required: readonly string[], what: string): CsvRow[] {
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      columns: (header: string[]) => header.map((name) => name.trim()),
      info: true,
      // Goodreads writes ISBNs as ="0553283685" without quoting the cell: a quote inside a bare cell.
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as typeof records;
  } catch (err) {
    throw new ImportFormatError(`${what} is not a readable CSV file: ${(err as Error).message}`);
  }
  const header = records.length > 0 ? Object.keys(records[0]!.record) : headerOf(text);
  const missing = required.filter((column) => !header.includes(column));
  if (missing.length > 0) {
    throw new ImportFormatError(`${what} is missing the column${missing.length > 1 ? 's' : ''} ${missing.map((c) => `"${c}"`).join(', ')}`);
  }
  // info.lines is the line the record ends on; its start is one past the previous record's end.
  let previousEnd = 1;
  return records.map(({ record, info }) => {
    const row = { line: previousEnd + 1, cells: record };
    previousEnd = info.lines;
    return row;
  });
}

function headerOf(text: string): string[] {
  try {
    const [first] = parse(text, { bom: true, to_line: 1, relax_quotes: true }) as string[][];
    return (first ?? []).map((name) => name.trim());
  } catch {
    return [];
  }
}
