/** A Goodreads library export of `rows` read books. */
export function goodreadsExport(rows: number): Buffer<ArrayBuffer>;
