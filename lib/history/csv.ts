// CSV per RFC 4180, safe to open in a spreadsheet.

/**
 * Cells a spreadsheet would run as a formula (OWASP adds tab and carriage return to =, +, -, @),
 * and text that already starts with quotes before one (`'=x`): those get one more, so reading
 * the file back (unguardCell) removes exactly the one that was added.
 */
const GUARDED = /^'*[=+\-@\t\r]/;

/** One cell: formula-looking text gets a leading `'`; a cell with a comma, quote or line break is quoted. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && GUARDED.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A header line and one line per row, CRLF-terminated as RFC 4180 has it. */
export function toCsv(columns: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return [columns, ...rows].map((row) => row.map(csvCell).join(',') + '\r\n').join('');
}

/** A cell as it was before csvCell guarded it: the one `'` it added is removed (`''=x` is `'=x` again). */
export const unguardCell = (cell: string) => (/^'+[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);
