// What the preview plugin knows at render time, from the editor's services: the citation index of the open note,
// titles the metadata resolver remembers (titles.ts), workspace letters, and a letter's tags from its annotation file. All
// synchronous; what is not known yet is looked up in the background and the preview is refreshed when it is.
import * as vscode from 'vscode';
import type { Annotation, Taxonomy } from '../../core/annotations';
import { type LetterTags, type PreviewContext, relativeHref } from '../../core/preview';
import type { Services } from '../../services';
import { isWorkspaceDocument, openDocument } from '../common/documents';
import { isDutch } from '../common/settings';
import type { PreviewLetterLinks } from './letter-links';
import type { PreviewTitles } from './titles';

/** The document VS Code's preview renders: `env.currentDocument`, a URI (absent for `markdown.api.render` of a string). */
export function currentDocument(env: unknown): vscode.Uri | undefined {
  const uri = env && typeof env === 'object' ? (env as { currentDocument?: unknown }).currentDocument : undefined;
  if (uri instanceof vscode.Uri) return uri;
  return uri && typeof uri === 'object' && typeof (uri as { scheme?: unknown }).scheme === 'string' ? vscode.Uri.parse(String(uri)) : undefined;
}

/** Lookups a render asked for that were not known; `soon` is called when one of them comes in (the preview is refreshed). */
export interface Pending {
  soon(): void;
}

export function previewContext(s: Services, links: PreviewLetterLinks, titles: PreviewTitles, pending: Pending): PreviewContext {
  const tagsCache = new Map<string, { annotations: readonly Annotation[]; revision: number; taxonomy: Taxonomy; tags: LetterTags }>();
  return {
    citations(src, env) {
      const uri = currentDocument(env);
      const doc = uri && openDocument(uri);
      // The index's offsets are those of the document's text; markdown-it's source has LF line endings.
      return doc && doc.getText() === src ? s.citations.get(doc).refs : undefined;
    },
    title: (id) => titles.title(id),
    letterHref(id, env) {
      const from = currentDocument(env);
      const letter = links.peek(id);
      if (!from || !letter || letter.scheme !== from.scheme || letter.authority !== from.authority) return undefined;
      return relativeHref(from.path, letter.path);
    },
    letter(env) {
      const uri = currentDocument(env);
      if (!uri || !isWorkspaceDocument(uri)) return undefined;
      const state = s.stores.peek(uri);
      if (!state) {
        void s.stores.get(uri).then((loaded) => loaded.store && pending.soon());
        return undefined;
      }
      if (!state.store || state.problems) return undefined;
      const key = uri.toString();
      const taxonomy = s.taxonomy.taxonomy;
      const cached = tagsCache.get(key);
      if (cached && cached.revision === state.revision && cached.taxonomy === taxonomy) return cached.tags;
      const annotations = state.store.annotations();
      const tags = { annotations, taxonomy };
      tagsCache.set(key, { annotations, revision: state.revision, taxonomy, tags });
      return tags;
    },
    language: () => (isDutch() ? 'nl' : 'en'),
  };
}
