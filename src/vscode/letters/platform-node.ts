// The DOCX route in the Node extension hosts: core's convertDocx with mammoth as its reader.
import { convertDocx, type Conversion } from '../../core/letters';
import type { DocumentMetadata } from '../../core/metadata';
import { mammothToHtml } from '../../core/letters/docx-mammoth';

export const docxConverter = (bytes: Uint8Array, meta: DocumentMetadata): Promise<Conversion> => convertDocx(bytes, meta, { toHtml: mammothToHtml });
