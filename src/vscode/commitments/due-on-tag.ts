// When the analyst tags a passage as a commitment (changes a tag to commitment, accepts a suggested one) and it has no
// `due`, the deadline read from the passage is stored with it at once: what the view and hover show is then in the
// file for colleagues, `kamerstuk check --overdue` and later edits (Edit due date…), and a later change of the
// parsing rules never moves it. Only tags made in this window: files read from disk (a pull, a colleague's
// branch) are never rewritten for this.
import * as vscode from 'vscode';
import { isPendingSuggestion } from '../../core/suggestions';
import { Disposable } from '../common/disposable';
import { log } from '../common/log';
import type { AnnotationStores } from '../annotations/store/stores';
import type { AnnotationTaxonomy } from '../annotations/taxonomy';
import type { LetterAnnotationState } from '../annotations/store/state';
import { dueLabel } from './commitment-labels';
import type { CommitmentsModel } from './commitments-model';

export class DueOnTag extends Disposable {
  /** The commitment ids each letter had when last seen; a letter not seen yet is only recorded. */
  private readonly seen = new Map<string, Set<string>>();

  constructor(
    private readonly stores: AnnotationStores,
    private readonly model: CommitmentsModel,
    taxonomy: AnnotationTaxonomy,
  ) {
    super();
    const recordAll = () => {
      for (const s of stores.loaded()) this.record(s);
    };
    recordAll();
    this.register(stores.onDidChange((s) => this.changed(s)));
    // Another taxonomy makes other tags commitments: that is no new tag, so it is only recorded.
    this.register(taxonomy.onDidChange(recordAll));
  }

  private record(state: LetterAnnotationState): Set<string> | undefined {
    if (state.problems) return undefined;
    const tags = this.model.tags();
    // A pending suggestion is no commitment yet: accepting it makes it one (and stores its due date then).
    const ids = new Set((state.store?.annotations() ?? []).filter((a) => tags.includes(a.tag) && !isPendingSuggestion(a)).map((a) => a.id));
    const before = this.seen.get(state.letter.toString());
    this.seen.set(state.letter.toString(), ids);
    return before;
  }

  private changed(state: LetterAnnotationState): void {
    const before = this.record(state);
    // Changes from disk (not dirty) and the first sight of a letter are left alone.
    if (!before || !state.dirty || !state.store) return;
    const fresh = (state.store.annotations() ?? []).filter((a) => this.seen.get(state.letter.toString())!.has(a.id) && !before.has(a.id) && !a.due);
    if (fresh.length) void this.storeDue(state.letter, new Set(fresh.map((a) => a.id))).catch((e) => log().warn(`Storing due dates: ${String(e)}`));
  }

  private async storeDue(letter: vscode.Uri, ids: Set<string>): Promise<void> {
    await this.stores.idle();
    const register = await this.model.current();
    const key = letter.toString();
    const parsed = register.commitments.filter((c) => ids.has(c.annotation.id) && c.dueSource === 'parsed' && c.due && register.uriOf(c).toString() === key);
    if (!parsed.length) return;
    const state = await this.stores.get(letter);
    if (state.problems) return;
    await this.stores.edit(letter, (s) => {
      for (const c of parsed) if (s.get(c.annotation.id) && !s.get(c.annotation.id)!.due) s.update(c.annotation.id, { due: c.due! });
    });
    vscode.window.setStatusBarMessage(vscode.l10n.t('Due date stored with the commitment: {0}', dueLabel(parsed[0].due!)), 5000);
  }
}
