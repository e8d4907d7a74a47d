// The reading view area: citations and tags in the Markdown preview (the markdown-it plugin, kept up to date with
// annotation files, the taxonomy and the workspace's letters), and the export of a tagged letter as HTML.
import type MarkdownIt from 'markdown-it';
import type * as vscode from 'vscode';
import type { Services } from '../../services';
import { COMMANDS, registerCommand } from '../common/commands';
import { combine } from '../common/disposable';
import { previewContext } from './context';
import { exportLetterAsHtml } from './export-command';
import { PreviewLetterLinks } from './letter-links';
import { PreviewPlugin } from './markdown-it';
import { PreviewRefresh } from './refresh';
import { PreviewTitles } from './titles';

export interface PreviewArea extends vscode.Disposable {
  /** Returned from activate(): VS Code's Markdown preview calls it with its markdown-it instance. */
  extendMarkdownIt(md: MarkdownIt): MarkdownIt;
}

export function register(s: Services): PreviewArea {
  const links = new PreviewLetterLinks(s.letters, s.metadata, s.markdownFiles);
  const refresh = new PreviewRefresh([s.stores.onDidChange, s.taxonomy.onDidChange, s.metadata.onDidChange, links.onDidChange]);
  const titles = new PreviewTitles(
    () => s.metadata.resolver,
    () => refresh.soon(),
  );
  const plugin = new PreviewPlugin(previewContext(s, links, titles, refresh));
  const disposable = combine(
    // A catalog reload empties the resolver's memory: the titles it had are asked for again.
    s.metadata.onDidChange(() => titles.forget()),
    registerCommand(COMMANDS.exportHtml, (arg?: unknown, to?: unknown) => exportLetterAsHtml(s, plugin, arg, to)),
    refresh,
    links,
  );
  return { extendMarkdownIt: (md) => plugin.extendMarkdownIt(md), dispose: () => disposable.dispose() };
}
