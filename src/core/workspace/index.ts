// Public API of the workspace index (pure TypeScript: runs in the extension host, a worker thread, a browser
// worker and the CLI). See workspace-index.ts for the index, index-file.ts for what one file contributes.
export type { FileKind, FileStamp, IndexedFile, IndexedRef, IndexStats } from './types';
export { indexFile, contentHash, indexedRefs, isAnnotationFilePath, isMarkdownPath, MAX_INDEXED_LENGTH, type IndexFileOptions } from './index-file';
export { mightCite } from './prefilter';
export { scanCandidates, type CandidateScan } from './candidate-scan';
export { WorkspaceIndex } from './workspace-index';
export { INDEX_FORMAT, INDEX_VERSION } from './serialize';
