/**
 * The file as a whole cannot be read as the chosen source: a 400 naming what is wrong (413 when it
 * is too large once unpacked), nothing appended.
 */
export class ImportFormatError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 413 = 400,
  ) {
    super(message);
    this.name = 'ImportFormatError';
  }
}
