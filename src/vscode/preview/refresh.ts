// The preview renders again when what it shows changed outside the document: a letter's annotation file, the
// taxonomy, the workspace's letters, or metadata that came in after a render asked for it.
import * as vscode from 'vscode';
import { Delayer } from '../common/delay';
import { Disposable } from '../common/disposable';

const REFRESH_DELAY_MS = 200;

export class PreviewRefresh extends Disposable {
  private readonly delayer = this.register(new Delayer(REFRESH_DELAY_MS));

  constructor(events: readonly vscode.Event<unknown>[]) {
    super();
    for (const event of events) this.register(event(() => this.soon()));
  }

  /** `markdown.preview.refresh` (it also drops the preview's token cache) once things are quiet. */
  soon(): void {
    this.delayer.schedule(() => void vscode.commands.executeCommand('markdown.preview.refresh').then(undefined, () => undefined));
  }
}
