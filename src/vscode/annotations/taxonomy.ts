// The team's tag taxonomy from the `kamerstuk.tags` setting, with labels in the display language.
import * as vscode from 'vscode';
import { type TagDefinition, tagLabel, type Taxonomy, taxonomyFromSetting } from '../../core/annotations';
import { Disposable } from '../common/disposable';
import { log } from '../common/log';
import { isDutch, onSettingChanged, settings } from '../common/settings';

export class AnnotationTaxonomy extends Disposable {
  private current: Taxonomy;
  private readonly emitter = this.register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.emitter.event;

  constructor() {
    super();
    this.current = this.read();
    this.register(
      onSettingChanged(['tags'], () => {
        this.current = this.read();
        this.emitter.fire();
      }),
    );
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
}
