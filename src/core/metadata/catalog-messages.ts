// Problems in the team catalog `.kamerstuk/catalog.yaml`: English templates with {0} placeholders plus their
// arguments. The editor passes `template` and `args` to vscode.l10n.t; l10n/parts/metadata.nl.json holds the
// Dutch text. Problems of one record start with its id, always argument {0}.
import { englishTemplates } from './hover-text';

export const CATALOG_MESSAGES = {
  yamlSyntax: 'YAML syntax error: {0}',
  rootNotMapping: "the catalog should be a mapping with a 'documents' key",
  documentsNotMapping: "'documents' should be a mapping from id to fields",
  entryWithoutId: "each document needs an 'id'",
  duplicateEntry: '{0}: duplicate entry, the first one is used',
  notCanonicalId: "{0}: '{0}' is not a canonical id (e.g. kst-29754-716, 2024D25640)",
  recordNotMapping: '{0}: should be a mapping of fields',
  fieldNotText: "{0}: '{1}' should be text",
  fieldMissing: "{0}: '{1}' is missing",
  resultInvalid: "{0}: 'result' should be one of {1}",
  notList: '{0}: should be a list',
  notMapping: '{0}: should be a mapping',
  signatoryShape: '{0}: should be a name or a mapping with naam',
  voteRowShape: '{0}: should be a mapping with fractie, soort, zetels',
  voteRowIncomplete: '{0}: needs fractie, soort and a number of zetels',
  dossierShape: '{0}: should be a number or a mapping',
} as const;

export type CatalogTemplate = (typeof CATALOG_MESSAGES)[keyof typeof CATALOG_MESSAGES];

/** The English text of a catalog problem; the editor uses vscode.l10n.t(template, ...args) instead. */
export function formatCatalogMessage(template: CatalogTemplate, args: readonly string[]): string {
  return englishTemplates(template, ...args);
}
