// Tagged passages in the editor: per tag a translucent background in the tag's colour with an under- or
// overline (so overlapping tags stay readable), a gutter icon and an overview ruler mark. A passage whose text
// changed since it was tagged is also outlined, dashed in the theme's warning colour, with "(changed)" after it
// (not told by colour alone). Suggestions not yet accepted get a dotted outline and "(suggestion)" after them.
// Orphans are not shown.
import * as vscode from 'vscode';
import { borderFor, gutterIconDataUri, orderedTags, reviewOf, withAlpha } from '../../../core/annotations';
import { isPendingSuggestion } from '../../../core/suggestions/marker';
import { Disposable } from '../../common/disposable';
import { type LetterAnchors, passageRange } from '../anchors';
import type { AnnotationTaxonomy } from '../taxonomy';

/** The key of the changed passages' ranges in `decorationRanges` (tag keys have no colon). */
export const CHANGED_PASSAGES = ':changed';
/** The key of the ranges of suggestions not yet accepted. */
export const SUGGESTED_PASSAGES = ':suggested';

export class AnnotationDecorations extends Disposable {
  private types = new Map<string, vscode.TextEditorDecorationType>();
  private readonly changedType = this.register(
    vscode.window.createTextEditorDecorationType({
      border: '1px dashed',
      borderColor: new vscode.ThemeColor('editorWarning.foreground'),
      after: { contentText: ` ${vscode.l10n.t('(changed)')}`, color: new vscode.ThemeColor('editorWarning.foreground'), fontStyle: 'italic' },
      overviewRulerColor: new vscode.ThemeColor('editorOverviewRuler.warningForeground'),
      overviewRulerLane: vscode.OverviewRulerLane.Left,
      rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
    }),
  );
  private readonly suggestedType = this.register(
    vscode.window.createTextEditorDecorationType({
      border: '1px dotted',
      borderColor: new vscode.ThemeColor('editorInfo.foreground'),
      after: { contentText: ` ${vscode.l10n.t('(suggestion)')}`, color: new vscode.ThemeColor('descriptionForeground'), fontStyle: 'italic' },
      rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
    }),
  );
  /** What was last passed to setDecorations, per document (for the test API). */
  private readonly applied = new Map<string, Record<string, vscode.Range[]>>();

  constructor(
    private readonly anchors: LetterAnchors,
    private readonly taxonomy: AnnotationTaxonomy,
  ) {
    super();
    this.register(anchors.onDidChange((letter) => this.refreshLetter(letter)));
    this.register(vscode.window.onDidChangeVisibleTextEditors((editors) => editors.forEach((e) => this.apply(e))));
    this.register(
      taxonomy.onDidChange(() => {
        this.disposeTypes();
        vscode.window.visibleTextEditors.forEach((e) => this.apply(e));
      }),
    );
    this.register({ dispose: () => this.disposeTypes() });
    vscode.window.visibleTextEditors.forEach((e) => this.apply(e));
  }

  /** The ranges last decorated in the editor's document, per tag key. */
  decorationRanges(editor: vscode.TextEditor): Record<string, vscode.Range[]> {
    return this.applied.get(editor.document.uri.toString()) ?? {};
  }

  private refreshLetter(letter: vscode.Uri): void {
    const key = letter.toString();
    for (const e of vscode.window.visibleTextEditors) if (e.document.uri.toString() === key) this.apply(e);
  }

  private apply(editor: vscode.TextEditor): void {
    const key = editor.document.uri.toString();
    const anchored = this.anchors.get(editor.document.uri);
    // Anchors for an older version: VS Code has shifted the old decorations with the edit; wait for new anchors.
    if (anchored && anchored.version !== undefined && anchored.version !== editor.document.version) return;
    const byTag: Record<string, vscode.Range[]> = {};
    const changed: vscode.Range[] = [];
    const suggested: vscode.Range[] = [];
    for (const { annotation, result } of anchored?.items ?? []) {
      if (result.status === 'orphaned') continue;
      const range = passageRange(anchored!, editor.document, result.start, result.end);
      (byTag[annotation.tag] ??= []).push(range);
      if (reviewOf(annotation, result).changed) changed.push(range);
      if (isPendingSuggestion(annotation)) suggested.push(range);
    }
    if (!anchored && !this.applied.has(key)) return;
    const tags = orderedTags(this.taxonomy.taxonomy, [...Object.keys(byTag), ...this.types.keys()]);
    for (const tag of tags) {
      const ranges = byTag[tag] ?? [];
      if (!ranges.length && !this.types.has(tag)) continue;
      editor.setDecorations(this.typeFor(tag, tags.indexOf(tag)), ranges);
    }
    editor.setDecorations(this.changedType, changed);
    editor.setDecorations(this.suggestedType, suggested);
    this.applied.set(key, {
      ...byTag,
      ...(changed.length ? { [CHANGED_PASSAGES]: changed } : {}),
      ...(suggested.length ? { [SUGGESTED_PASSAGES]: suggested } : {}),
    });
  }

  private typeFor(tag: string, index: number): vscode.TextEditorDecorationType {
    let type = this.types.get(tag);
    if (!type) {
      const color = this.taxonomy.color(tag);
      type = vscode.window.createTextEditorDecorationType({
        backgroundColor: withAlpha(color, 0.14),
        borderColor: color,
        ...borderFor(index),
        gutterIconPath: vscode.Uri.parse(gutterIconDataUri(color, this.taxonomy.label(tag))),
        gutterIconSize: 'contain',
        overviewRulerColor: withAlpha(color, 0.8),
        overviewRulerLane: vscode.OverviewRulerLane.Right,
        rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
      });
      this.types.set(tag, type);
    }
    return type;
  }

  private disposeTypes(): void {
    for (const t of this.types.values()) t.dispose();
    this.types = new Map();
  }
}
