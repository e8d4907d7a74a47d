// The workspace's letters by id, at hand synchronously for the preview (markdown-it renders synchronously): a copy
// of the letter index, read again in the background when markdown files change.
import * as vscode from 'vscode';
import { Delayer } from '../common/delay';
import { Disposable } from '../common/disposable';
import type { MetadataService } from '../metadata/metadata-service';
import type { LetterIndex } from '../workspace/letter-index';
import type { MarkdownFiles } from '../workspace/markdown-files';

const RELOAD_DELAY_MS = 500;

export class PreviewLetterLinks extends Disposable {
  private byId: Map<string, vscode.Uri> | undefined;
  private loading: Promise<void> | undefined;
  private readonly reload = this.register(new Delayer(RELOAD_DELAY_MS));
  private readonly emitter = this.register(new vscode.EventEmitter<void>());
  /** The letters were read (again): previews may link more citations now. */
  readonly onDidChange = this.emitter.event;

  constructor(
    private readonly letters: LetterIndex,
    private readonly metadata: MetadataService,
    files: MarkdownFiles,
  ) {
    super();
    this.register(files.onDidAny(() => this.byId && this.reload.schedule(() => void this.load())));
  }

  /** The letter with this id (or an alias of it), if the workspace has one; starts reading the index the first time. */
  peek(id: string): vscode.Uri | undefined {
    if (!this.byId) {
      this.loading ??= this.load();
      return undefined;
    }
    return this.byId.get(id) ?? this.byId.get(this.metadata.canonicalId(id));
  }

  private async load(): Promise<void> {
    const all = await this.letters.all();
    if (this.isDisposed) return;
    const byId = new Map<string, vscode.Uri>();
    for (const [id, uri] of all) {
      byId.set(id, uri);
      const canonical = this.metadata.canonicalId(id);
      if (!byId.has(canonical)) byId.set(canonical, uri);
    }
    this.byId = byId;
    this.loading = undefined;
    this.emitter.fire();
  }
}
