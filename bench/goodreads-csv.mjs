// A Goodreads library export of `rows` read books (quoted multi-line reviews, ="..." ISBN cells, a
// BOM), as `npm run bench` and `npm run bench:import` import it.
const header =
  'Book Id,Title,Author,Author l-f,Additional Authors,ISBN,ISBN13,My Rating,Average Rating,Publisher,Binding,Number of Pages,Year Published,Original Publication Year,Date Read,Date Added,Bookshelves,Bookshelves with positions,Exclusive Shelf,My Review,Spoiler,Private Notes,Read Count,Owned Copies';
const day = (i) => new Date(Date.UTC(2010, 0, 1) + (i % 5000) * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '/');

/** @param {number} rows */
export function goodreadsExport(rows) {
  const lines = [header];
  for (let i = 0; i < rows; i++) {
    const isbn = String(9780000000000 + i);
    lines.push(`${100000 + i},"Book ${i}, a novel",Author ${i % 300},"${i % 300}, Author",,="${isbn.slice(3)}",="${isbn}",${i % 6},3.9,Publisher,Paperback,300,2001,2001,${day(i)},${day(i)},,,read,"A review of book ${i}.<br/>Second paragraph,
on a new line.",,,1,0`);
  }
  return Buffer.from('\uFEFF' + lines.join('\n') + '\n');
}
