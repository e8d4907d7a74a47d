// The register of commitments behind the view, the status bar and the commands: every commitment-tagged passage
// of the workspace's letters (core's collectCommitments), measured against today or the reference-date setting.
// Recomputed shortly after tags, letters, the taxonomy or the settings change, and at midnight.
import * as vscode from 'vscode';
import { collectCommitments, type Commitment, commitmentTags } from '../../core/commitments';
import { isPendingSuggestion } from '../../core/suggestions';
import { Delayer } from '../common/delay';
import { Disposable } from '../common/disposable';
import type { RegisterServices } from './deps';
import { CommitmentLetters, type RegisterLetter } from './commitment-letters';
import { commitmentSettings, onCommitmentSettingChanged } from './settings';

export interface CommitmentRegister {
  /** The reference date (`yyyy-mm-dd`) overdue was measured against. */
  today: string;
  commitments: Commitment[];
  /** The letters read, with those whose annotation file has errors. */
  letters: RegisterLetter[];
  /** The URI of a commitment's letter. */
  uriOf(c: Commitment): vscode.Uri;
}

export class CommitmentsModel extends Disposable {
  readonly letters: CommitmentLetters;
  private readonly emitter = this.register(new vscode.EventEmitter<CommitmentRegister>());
  /** The register was recomputed. */
  readonly onDidChange = this.emitter.event;
  private readonly delayer = this.register(new Delayer(300));
  private computing: Promise<CommitmentRegister> | undefined;
  private last: CommitmentRegister | undefined;
  private stale = true;
  private midnight: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly services: RegisterServices) {
    super();
    this.letters = this.register(new CommitmentLetters(services.stores, services.letters, services.markdownFiles, services.workspaceIndex));
    const soon = () => this.invalidate();
    for (const event of [
      services.stores.onDidChange,
      services.stores.onDidChangeFiles,
      services.taxonomy.onDidChange,
      this.letters.onDidChangeText,
      this.letters.onDidChangeFiles,
    ])
      this.register(event(soon));
    this.register(onCommitmentSettingChanged(soon));
    this.register({ dispose: () => clearTimeout(this.midnight) });
    this.scheduleMidnight();
  }

  /** The tag keys that are commitments in the team's taxonomy. */
  tags(): string[] {
    return commitmentTags([...this.services.taxonomy.taxonomy.keys()]);
  }

  /** The register as last computed, if it was. */
  peek(): CommitmentRegister | undefined {
    return this.last;
  }

  /** The register, up to date with every change seen so far. */
  current(): Promise<CommitmentRegister> {
    if (!this.stale && this.last) return Promise.resolve(this.last);
    // A change during the computation: compute again afterwards.
    return (this.computing ?? this.start()).then((r) => (this.stale ? this.current() : r));
  }

  /**
   * The register to show now: the computation under way, else the last one when nothing changed since (else a new
   * one). Unlike current() it never waits for a computation that follows a change seen meanwhile, so a view answers
   * while changes keep coming (the index's first build tells of annotation files in batches); onDidChange tells of
   * each newer register. Commands that act on the register use current() or complete().
   */
  latest(): Promise<CommitmentRegister> {
    if (this.computing) return this.computing;
    if (this.last && !this.stale) return Promise.resolve(this.last);
    return this.start();
  }

  /** Starts a computation (none runs): what it finds is current as of now. */
  private start(): Promise<CommitmentRegister> {
    this.stale = false;
    return (this.computing = this.compute().finally(() => (this.computing = undefined)));
  }

  /**
   * The register of the whole workspace: after the workspace index's first build (the view shows what was read so
   * far meanwhile, but an export must not miss letters the index has not reached yet).
   */
  async complete(): Promise<CommitmentRegister> {
    // A failed build was said once by the index; the register then holds what the letters read gave.
    await this.services.workspaceIndex.ready().catch(() => undefined);
    return this.current();
  }

  /** Marks the register stale and recomputes it soon (the view and status bar follow). */
  invalidate(): void {
    this.stale = true;
    this.delayer.schedule(() => void this.current().catch(() => undefined));
  }

  private async compute(): Promise<CommitmentRegister> {
    const letters = await this.letters.annotated();
    const today = commitmentSettings.today();
    const byPath = new Map(letters.filter((l) => l.letter).map((l) => [l.letter!.path, l.uri]));
    // Suggested tags nobody accepted yet are proposals, not commitments: they wait in the Annotations view.
    const sources = letters.flatMap((l) => (l.letter ? [{ ...l.letter, annotations: l.letter.annotations.filter((a) => !isPendingSuggestion(a)) }] : []));
    const commitments = collectCommitments(sources, { today, tags: this.tags() });
    const register: CommitmentRegister = {
      today,
      commitments,
      letters,
      uriOf: (c) => byPath.get(c.letter.path) ?? vscode.Uri.parse(c.letter.path),
    };
    this.last = register;
    if (!this.isDisposed) this.emitter.fire(register);
    return register;
  }

  /** Overdue is a matter of the date: recompute when the day changes. */
  private scheduleMidnight(): void {
    const now = new Date();
    const next = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 0, 0, 5);
    this.midnight = setTimeout(() => {
      this.invalidate();
      this.scheduleMidnight();
    }, next.getTime() - now.getTime());
  }
}
