/** The file as a whole cannot be read as the chosen source: a 400 naming what is wrong, nothing appended. */
export class ImportFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportFormatError';
  }
}
