// The team's tag taxonomy from the `kamerstuk.tags` setting, with labels in the display language.
import * as vscode from 'vscode';
import { type TagDefinition, tagLabel, type Taxonomy, taxonomyFromSetting } from '../core/annotations';
import { log } from './log';
import { isDutch, onSettingChanged, settings } from './settings';

export class AnnotationTaxonomy implements vscode.Disposable {
  private current: Taxonomy;
  private readonly emitter = new vscode.EventEmitter<void>();
  private readonly subscription: vscode.Disposable;
  readonly onDidChange = this.emitter.event;

  constructor() {
    this.current = this.read();
    this.subscription = onSettingChanged(['tags'], () => {
      this.current = this.read();
      this.emitter.fire();
    });
  }

  get taxonomy(): Taxonomy {
    return this.current;
  }

  tags(): TagDefinition[] {
    return [...this.current.values()];
  }

  /** The tag's label in the display language: Dutch `label`, else `labelEn`. */
  label(tag: string): string {
    return tagLabel(this.current, tag, !isDutch());
  }

  color(tag: string): string {
    return this.current.get(tag)?.color ?? '#808080';
  }

  private read(): Taxonomy {
    const { taxonomy, problems } = taxonomyFromSetting(settings.tags());
    for (const p of problems) log().warn(vscode.l10n.t(p.template, ...p.args));
    return taxonomy;
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
  }
}
