// `extendMarkdownIt`: VS Code's Markdown preview hands its markdown-it instance to every extension that contributes
// `markdown.markdownItPlugins`; the reading view's plugin goes in. The instance's constructor is kept, so the export
// can make a markdown-it of its own (the extension bundles none).
import type MarkdownIt from 'markdown-it';
import * as vscode from 'vscode';
import { kamerstukPreviewPlugin, type PreviewContext } from '../../core/preview';
import { log } from '../common/log';

export type MarkdownItFactory = () => MarkdownIt;

export class PreviewPlugin {
  private factory: MarkdownItFactory | undefined;

  constructor(private readonly context: PreviewContext) {}

  extendMarkdownIt(md: MarkdownIt): MarkdownIt {
    const Constructor = md.constructor as unknown as new () => MarkdownIt;
    this.factory = () => new Constructor();
    try {
      return kamerstukPreviewPlugin(md, this.context);
    } catch (e) {
      log().error(`Markdown preview plugin: ${String(e)}`);
      return md;
    }
  }

  /** A fresh markdown-it from VS Code's Markdown extension, which is asked to load its engine when it has not yet. */
  async markdownIt(): Promise<MarkdownItFactory | undefined> {
    if (!this.factory) await vscode.commands.executeCommand('markdown.api.render', '').then(undefined, () => undefined);
    return this.factory;
  }
}
