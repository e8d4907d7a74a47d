// What the import needs that only the Node extension hosts have: the DOCX conversion (mammoth, which uses Node's
// Buffer). This module re-exports the Node implementation; the web bundle swaps it for platform-web at build time
// (scripts/bundles.mjs), where the Tweede Kamer API, and with it the DOCX route, cannot be reached anyway.
export { docxConverter } from './platform-node';
