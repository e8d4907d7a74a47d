// The DOCX route in the browser: none. The web worker cannot reach the Tweede Kamer API (it sends no CORS
// headers), so a document number never gets this far; should it, the analyst is told to use the desktop editor.
import { type convertDocx, LetterError } from '../../core/letters';

export const docxConverter: typeof convertDocx = async () => {
  throw new LetterError('offline', "the Tweede Kamer's DOCX files are converted only in the desktop editor and the CLI");
};
