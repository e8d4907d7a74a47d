// The tag for a passage: from a command argument (`{ index }`: the nth tag of the taxonomy, `{ tag }`: a key),
// else picked from the team's taxonomy in a quick pick.
import * as vscode from 'vscode';
import { byCount } from '../../common/plural';
import type { AnnotationCommandDeps } from './deps';

/** Tags with a `Ctrl+K n` key binding. */
const KEYED_TAGS = 5;

export async function pickTag(deps: AnnotationCommandDeps, current?: string): Promise<string | undefined> {
  const items = deps.taxonomy.tags().map((t, i) => ({
    label: deps.taxonomy.label(t.id),
    description: [t.id, i < KEYED_TAGS ? `Ctrl+K ${i + 1}` : '', t.id === current ? vscode.l10n.t('current') : ''].filter(Boolean).join(' · '),
    detail: t.description,
    id: t.id,
  }));
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Tag for the selected passage'),
    placeHolder: vscode.l10n.t('Keys: Ctrl+K 1–5 (⌘K 1–5 on macOS)'),
  });
  return picked?.id;
}

export async function tagFromArgument(deps: AnnotationCommandDeps, arg: unknown): Promise<string | undefined> {
  const tags = deps.taxonomy.tags();
  const a = (arg && typeof arg === 'object' ? arg : {}) as { index?: unknown; tag?: unknown };
  if (typeof a.index === 'number') {
    const def = tags[a.index];
    if (!def) {
      const n = tags.length;
      const has = byCount(n, vscode.l10n.t('the kamerstuk.tags setting has {0} tag', n), vscode.l10n.t('the kamerstuk.tags setting has {0} tags', n));
      deps.notifier.notify('warning', vscode.l10n.t('There is no tag number {0}: {1}.', a.index + 1, has));
      return undefined;
    }
    return def.id;
  }
  if (typeof a.tag === 'string') {
    if (!deps.taxonomy.taxonomy.has(a.tag)) {
      deps.notifier.notify('warning', vscode.l10n.t('Unknown tag "{0}"; known tags: {1}', a.tag, tags.map((t) => t.id).join(', ')));
      return undefined;
    }
    return a.tag;
  }
  return pickTag(deps);
}
