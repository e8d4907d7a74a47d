// The ids package.json contributes and the code uses: commands, context keys, views. One list, without a vscode
// import, so the manifest test (plain Node) can check package.json against it.

export const COMMANDS = {
  showLog: 'kamerstuk.showLog',
  stopIndexing: 'kamerstuk.stopIndexing',
  openCitedDocument: 'kamerstuk.openCitedDocument',
  insertCitation: 'kamerstuk.insertCitation',
  saveToCatalog: 'kamerstuk.saveToCatalog',
  toggleOnline: 'kamerstuk.toggleOnline',
  refreshCitedDocuments: 'kamerstuk.refreshCitedDocuments',
  refreshDossier: 'kamerstuk.refreshDossier',
  tagSelection: 'kamerstuk.tagSelection',
  changeTag: 'kamerstuk.changeTag',
  editNote: 'kamerstuk.editNote',
  linkReferences: 'kamerstuk.linkReferences',
  setStatus: 'kamerstuk.setStatus',
  removeAnnotation: 'kamerstuk.removeAnnotation',
  reattachOrphan: 'kamerstuk.reattachOrphan',
  acceptChangedText: 'kamerstuk.acceptChangedText',
  refreshAnnotations: 'kamerstuk.refreshAnnotations',
  groupAnnotations: 'kamerstuk.groupAnnotations',
  filterAnnotations: 'kamerstuk.filterAnnotations',
  clearAnnotationFilter: 'kamerstuk.clearAnnotationFilter',
  setUpTeamRepository: 'kamerstuk.setUpTeamRepository',
  exportHtml: 'kamerstuk.exportHtml',
  suggestTags: 'kamerstuk.suggestTags',
  acceptSuggestion: 'kamerstuk.acceptSuggestion',
  rejectSuggestion: 'kamerstuk.rejectSuggestion',
  acceptAllSuggestions: 'kamerstuk.acceptAllSuggestions',
  rejectAllSuggestions: 'kamerstuk.rejectAllSuggestions',
  markCommitmentFulfilled: 'kamerstuk.markCommitmentFulfilled',
  markCommitmentPartlyFulfilled: 'kamerstuk.markCommitmentPartlyFulfilled',
  markCommitmentDropped: 'kamerstuk.markCommitmentDropped',
  reopenCommitment: 'kamerstuk.reopenCommitment',
  editCommitmentDue: 'kamerstuk.editCommitmentDue',
  exportCommitments: 'kamerstuk.exportCommitments',
  groupCommitments: 'kamerstuk.groupCommitments',
  refreshCommitments: 'kamerstuk.refreshCommitments',
  importLetter: 'kamerstuk.importLetter',
} as const;

export type CommandId = (typeof COMMANDS)[keyof typeof COMMANDS];

/** Context keys the extension sets, for `when` clauses. */
export const CONTEXT_KEYS = {
  editorIsLetter: 'kamerstuk.editorIsLetter',
  inTaggedPassage: 'kamerstuk.inTaggedPassage',
  inSuggestion: 'kamerstuk.inSuggestion',
  annotationsFiltered: 'kamerstuk.annotationsFiltered',
  inCommitment: 'kamerstuk.inCommitment',
  indexing: 'kamerstuk.indexing',
} as const;

export const VIEWS = {
  annotations: 'kamerstuk.annotations',
  citedDocuments: 'kamerstuk.citedDocuments',
  dossier: 'kamerstuk.dossier',
  commitments: 'kamerstuk.commitments',
} as const;
