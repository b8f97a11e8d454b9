// The import sources are recorded on the media events (`importedFrom`), so the list is the media log's.
export { IMPORT_SOURCES, isImportSource, type ImportSource } from '../media/import-sources';
