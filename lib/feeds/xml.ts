/** Characters XML 1.0 forbids outright (control characters, lone surrogates, U+FFFE/FFFF): escaping cannot save them. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text safe inside an element or a quoted attribute. */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML, '').replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** Text safe inside HTML (the HTML content carried by a feed, escaped once more for XML by the Atom writer). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => (c === "'" ? '&#39;' : ENTITIES[c]!));
}
