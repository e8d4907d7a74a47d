// The team catalog's side of an import: what the workspace already knows of a publication (its TK numbers, which
// KOOP does not give), and adding the imported record to `.kamerstuk/catalog.yaml` (through the metadata service,
// which never overwrites a catalog that does not parse or has unsaved changes).
import { letterFrontMatter } from '../../core/letters';
import * as vscode from 'vscode';
import { bundledSource, CatalogSource, type DocumentMetadata, MetadataError } from '../../core/metadata';
import { log } from '../common/log';
import { readTextOrEmpty } from '../common/workspace-files';
import type { MetadataService } from '../metadata/metadata-service';

export interface KnownNumbers {
  documentnummer?: string;
  zaaknummer?: string;
}

/** TK numbers known for `id`: the letter's own front matter first, then the team catalog, then the bundled one. */
export async function knownNumbers(metadata: MetadataService, id: string, letterText: string | undefined): Promise<KnownNumbers> {
  const data = letterText === undefined ? undefined : letterFrontMatter(letterText);
  const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
  const record =
    (await catalogRecord(metadata, id)) ??
    bundledSource()
      .records()
      .find((r) => r.id === id);
  const documentnummer = str(data?.documentnummer) ?? record?.documentnummer;
  const zaaknummer = str(data?.zaak) ?? str(data?.zaaknummer) ?? record?.zaaknummer;
  return { ...(documentnummer ? { documentnummer } : {}), ...(zaaknummer ? { zaaknummer } : {}) };
}

async function catalogRecord(metadata: MetadataService, id: string): Promise<DocumentMetadata | undefined> {
  const uri = metadata.catalogUri();
  if (!uri) return undefined;
  try {
    return new CatalogSource(await readTextOrEmpty(uri)).records().find((r) => r.id === id);
  } catch {
    return undefined;
  }
}

/** Adds the record to the team catalog; a failure is a warning (the letter is imported all the same), returned for the message. */
export async function addToCatalog(metadata: MetadataService, meta: DocumentMetadata): Promise<string | undefined> {
  try {
    await metadata.saveToCatalog(meta);
    return undefined;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    log().warn(`import ${meta.id}: the team catalog was not changed: ${message}`);
    // Core's own English detail (a catalog that does not parse) stays in the log; the editor's messages are localized.
    if (e instanceof MetadataError)
      return vscode.l10n.t('.kamerstuk/catalog.yaml has errors; fix them, then import again to add the record (the details are in the log)');
    return message;
  }
}

/** A message with the catalog's problem, if adding the record failed, after it. */
export function withCatalogNote(message: string, catalogProblem: string | undefined): string {
  return catalogProblem ? `${message} ${vscode.l10n.t('The team catalog was not changed: {0}', catalogProblem)}` : message;
}
