// Text fields as every form and API of Shelf takes them (the entry fields, the site settings).
import { z } from 'zod';

/** One line ending everywhere: a browser's textarea sends `\r\n`, the API `\n`; the log keeps `\n`. */
export const normalizeNewlines = (text: string) => text.replace(/\r\n?/g, '\n');

/** Text with its line endings normalised and its ends trimmed, at most `max` characters; the messages name `what`. */
export const trimmedText = (max: number, what: string) =>
  z
    .string({ error: `${what} must be text` })
    .overwrite(normalizeNewlines)
    .trim()
    .max(max, { error: `${what} must be at most ${max} characters` });
