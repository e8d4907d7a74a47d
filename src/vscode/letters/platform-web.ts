// The DOCX route in the browser: none (mammoth names Node globals). The web worker cannot reach the Tweede Kamer
// API (it sends no CORS headers), so a document number never gets this far; should it, the analyst is told why.
import { type Conversion, LetterError } from '../../core/letters';
import type { DocumentMetadata } from '../../core/metadata';

export const docxConverter = async (_bytes: Uint8Array, _meta: DocumentMetadata): Promise<Conversion> => {
  throw new LetterError('offline', "the Tweede Kamer's DOCX files are converted only in the desktop editor and the CLI");
};
