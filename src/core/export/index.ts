// Public API of the export: a tagged letter as one self-contained HTML page.
export { exportMarkdownOptions, exportTaggedLetter, type LetterExportInput } from './letter-export';
export { frontMatterOf, letterMetadataRows, type LetterMetadataRow, type MetadataField } from './letter-metadata';
