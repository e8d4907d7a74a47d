// Which dossier the editor is about: a letter's own dossier (its `kamerstuk:` key or file name), else the dossier
// a note cites most often (the first cited one on a tie). TK numbers are placed through what the metadata knows.
import type * as vscode from 'vscode';
import type { CitationRef } from '../../core/citations';
import { LETTER_HEAD_LENGTH, letterIdOf } from '../../core/letters';
import { parseCanonicalId } from '../../core/metadata';
import { baseName } from '../common/documents';
import type { MetadataService } from './metadata-service';

export interface DossierRef {
  nummer: string;
  /** Upper case. */
  toevoeging?: string;
}

/** The dossier of the document shown, undefined when it has none. `metadata.resolver.peek` places TK numbers. */
export function dossierOfDocument(document: vscode.TextDocument, refs: readonly CitationRef[], metadata: MetadataService): DossierRef | undefined {
  if (document.languageId !== 'markdown') return undefined;
  const own = letterIdOf(baseName(document.uri), document.getText().slice(0, LETTER_HEAD_LENGTH));
  const ownDossier = own ? dossierOfId(own, metadata) : undefined;
  if (ownDossier) return ownDossier;
  const counts = new Map<string, { ref: DossierRef; n: number; first: number }>();
  refs.forEach((r, i) => {
    const d = r.id ? dossierOfId(r.id, metadata) : undefined;
    if (!d) return;
    const key = `${d.nummer}-${d.toevoeging ?? ''}`;
    const c = counts.get(key);
    if (c) c.n++;
    else counts.set(key, { ref: d, n: 1, first: i });
  });
  return [...counts.values()].sort((a, b) => b.n - a.n || a.first - b.first)[0]?.ref;
}

function dossierOfId(id: string, metadata: MetadataService): DossierRef | undefined {
  const p = parseCanonicalId(metadata.canonicalId(id));
  if (p?.dossier && (p.kind === 'kamerstuk' || p.kind === 'dossier')) return ref(p.dossier, p.toevoeging);
  const d = metadata.resolver.peek(id)?.dossier;
  return d ? ref(d.nummer, d.toevoeging) : undefined;
}

/** A dossier reference, its toevoeging in upper case (as ids write it). */
function ref(nummer: string, toevoeging: string | undefined): DossierRef {
  const t = toevoeging?.trim().toUpperCase();
  return { nummer, ...(t ? { toevoeging: t } : {}) };
}
