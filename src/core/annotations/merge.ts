// Three-way merge of annotation files by annotation id: the git merge driver and the editor's reload of a file
// that changed on disk while it had unsaved changes use the same function.
//
// Per annotation: added on one side → added; deleted on one side and untouched on the other → deleted; fields
// changed on one side → taken. The anchor (quote, prefix, suffix, start, end) is one field, so a passage is never
// stitched from two versions; when both sides re-anchored the same quote differently, ours is kept (positions are
// hints). `refs` merge as sets. The same field changed both ways, or an edit against a deletion, is a conflict.
// Conflicts are rendered, as chosen by `onConflict`:
// - 'markers' (merge driver): git-style markers around the lines where the two resolutions differ — the file does
//   not parse until resolved, so nothing can silently use it, and editors offer accept current / incoming;
// - 'ours' / 'theirs' (editor reload): that side wins on a field, and an edit always beats a deletion, so
//   nothing is lost. Conflicts are also returned as data.
// The result starts from ours: its unknown keys and formatting survive, and comments added or changed on either
// side are carried (both kept where both changed one).

import { mergeCommentSlots } from './comments';
import { renderWithConflictMarkers } from './conflict-markers';
import { type AnnotationDiagnostic, message, MESSAGES, type Message } from './messages';
import type { Annotation } from './model';
import { sameValue as same } from '../text/same-value';
import { AnnotationStore } from './store';

export type ConflictPolicy = 'markers' | 'ours' | 'theirs';

export interface MergeConflict {
  kind: 'field' | 'delete-edit' | 'add-add' | 'document';
  annotationId?: string;
  field?: string;
  message: Message;
}

export type MergeOutcome =
  { ok: true; text: string; conflicts: MergeConflict[] } | { ok: false; side: 'base' | 'ours' | 'theirs'; diagnostics: AnnotationDiagnostic[] };

const ANCHOR = ['quote', 'prefix', 'suffix', 'start', 'end'] as const;
const SIMPLE = ['tag', 'note', 'author', 'created', 'status', 'due', 'fulfilment', 'fulfilled', 'fulfilmentNote'] as const;
/** List fields merged as sets. */
const SETS = ['refs', 'fulfilledBy'] as const;

type Values = Record<string, unknown>;
interface Plan {
  /** Changes to ours that merge cleanly. */
  clean: Map<string, Values>;
  /** Per id, the conflicting fields with ours' and theirs' values. */
  fields: Map<string, { ours: Values; theirs: Values }>;
  /** Entries to add from theirs. */
  additions: string[];
  deletions: string[];
  /** Delete-vs-edit: present on one side only. */
  oursDeleted: string[];
  theirsDeleted: string[];
  conflicts: MergeConflict[];
}

/** Merges texts; an empty (or whitespace-only) text counts as a file without annotations. */
export function mergeAnnotationTexts(base: string, ours: string, theirs: string, onConflict: ConflictPolicy = 'markers'): MergeOutcome {
  const parsed: AnnotationStore[] = [];
  for (const [side, text] of [
    ['base', base],
    ['ours', ours],
    ['theirs', theirs],
  ] as const) {
    if (!text.trim()) {
      parsed.push(AnnotationStore.create({}));
      continue;
    }
    const r = AnnotationStore.parse(text);
    if (!r.ok) return { ok: false, side, diagnostics: r.diagnostics };
    parsed.push(r.store);
  }
  return mergeAnnotationStores(parsed[0], parsed[1], parsed[2], onConflict);
}

export function mergeAnnotationStores(
  base: AnnotationStore,
  ours: AnnotationStore,
  theirs: AnnotationStore,
  onConflict: ConflictPolicy = 'markers',
): MergeOutcome & { ok: true } {
  const plan = planMerge(base, ours, theirs);
  mergeDocument(base, ours, theirs, undefined, 'ours', plan.conflicts);
  const resolve = (side: 'ours' | 'theirs', keepEdited: boolean) => {
    const out = ours.clone();
    mergeDocument(base, ours, theirs, out, side, []);
    for (const id of plan.additions) out.adopt(theirs.get(id)!, theirs.entryNode(id)!);
    for (const id of plan.deletions) out.remove(id);
    for (const [id, values] of plan.clean) out.update(id, changesOf(values));
    for (const [id, f] of plan.fields) out.update(id, changesOf(f[side]));
    if (side === 'theirs' || keepEdited) for (const id of plan.oursDeleted) out.adopt(theirs.get(id)!, theirs.entryNode(id)!);
    if (side === 'theirs' && !keepEdited) for (const id of plan.theirsDeleted) out.remove(id);
    mergeComments(base, ours, theirs, out);
    return out.toString();
  };
  if (!plan.conflicts.length) return { ok: true, text: resolve('ours', false), conflicts: [] };
  if (onConflict !== 'markers') return { ok: true, text: resolve(onConflict, true), conflicts: plan.conflicts };
  return { ok: true, text: renderWithConflictMarkers(resolve('ours', false), resolve('theirs', false)), conflicts: plan.conflicts };
}

/**
 * Carries comments of both sides into `out` (which starts from ours): the file's own comments, and those of every
 * entry both sides have. An entry taken from theirs brought its comments along.
 */
function mergeComments(base: AnnotationStore, ours: AnnotationStore, theirs: AnnotationStore, out: AnnotationStore): void {
  out.setCommentSlots(mergeCommentSlots(base.commentSlots(), ours.commentSlots(), theirs.commentSlots()));
  for (const { id } of out.annotations()) {
    if (!ours.has(id) || !theirs.has(id)) continue;
    out.setCommentSlots(mergeCommentSlots(base.commentSlots(id), ours.commentSlots(id), theirs.commentSlots(id)), id);
  }
}

function planMerge(base: AnnotationStore, ours: AnnotationStore, theirs: AnnotationStore): Plan {
  const plan: Plan = { clean: new Map(), fields: new Map(), additions: [], deletions: [], oursDeleted: [], theirsDeleted: [], conflicts: [] };
  const ids = new Set([...base.annotations(), ...ours.annotations(), ...theirs.annotations()].map((a) => a.id));
  for (const id of ids) {
    const [b, o, t] = [base.get(id), ours.get(id), theirs.get(id)];
    if (!o && !t) continue;
    if (!b && !o) plan.additions.push(id);
    else if (!o || !t) {
      const kept = (o ?? t)!;
      if (b && same(fieldsOf(b), fieldsOf(kept))) {
        if (o) plan.deletions.push(id);
        continue;
      }
      if (!b) continue; // added on ours only
      (o ? plan.theirsDeleted : plan.oursDeleted).push(id);
      plan.conflicts.push({ kind: 'delete-edit', annotationId: id, message: message(MESSAGES.mergeConflictDeleted, id) });
    } else mergeEntry(id, b, o, t, plan);
  }
  return plan;
}

function mergeEntry(id: string, b: Annotation | undefined, o: Annotation, t: Annotation, plan: Plan): void {
  const [fb, fo, ft] = [b ? fieldsOf(b) : {}, fieldsOf(o), fieldsOf(t)];
  const clean: Values = {};
  const conflict = { ours: {} as Values, theirs: {} as Values };
  const keys = new Set([...Object.keys(fb), ...Object.keys(fo), ...Object.keys(ft)]);
  for (const key of keys) {
    const [vb, vo, vt] = [fb[key], fo[key], ft[key]];
    if (same(vo, vt) || same(vt, vb)) continue;
    if (same(vo, vb)) clean[key] = vt ?? null;
    else if ((SETS as readonly string[]).includes(key))
      clean[key] = mergeSets(vb as string[] | undefined, vo as string[] | undefined, vt as string[] | undefined);
    else if (key === 'anchor' && (vo as Values).quote === (vt as Values).quote)
      continue; // both re-anchored: hints
    else {
      conflict.ours[key] = vo ?? null;
      conflict.theirs[key] = vt ?? null;
      const field = key === 'anchor' ? 'quote' : key.replace(/^extra:/, '');
      const msg = b ? message(MESSAGES.mergeConflictField, id, field) : message(MESSAGES.mergeConflictAdded, id);
      plan.conflicts.push({ kind: b ? 'field' : 'add-add', annotationId: id, field, message: msg });
    }
  }
  if (Object.keys(clean).length) plan.clean.set(id, clean);
  if (Object.keys(conflict.ours).length) plan.fields.set(id, conflict);
}

/** The mergeable fields of an annotation; unknown keys as `extra:<key>`. */
function fieldsOf(a: Annotation): Values {
  const f: Values = { anchor: Object.fromEntries(ANCHOR.map((k) => [k, a[k]])) };
  for (const k of SIMPLE) if (a[k] !== undefined) f[k] = a[k];
  for (const k of SETS) if (a[k] !== undefined) f[k] = a[k];
  for (const [k, v] of Object.entries(a.extra ?? {})) f[`extra:${k}`] = v;
  return f;
}

function changesOf(values: Values): Parameters<AnnotationStore['update']>[1] {
  const changes: Record<string, unknown> = {};
  const extra: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) {
    if (k === 'anchor') Object.assign(changes, v);
    else if (k.startsWith('extra:')) extra[k.slice(6)] = v;
    else changes[k] = v;
  }
  return Object.keys(extra).length ? { ...changes, extra } : changes;
}

function mergeSets(b: string[] = [], o: string[] = [], t: string[] = []): string[] | null {
  const removed = new Set(b.filter((x) => !o.includes(x) || !t.includes(x)));
  const out = o.filter((x) => !removed.has(x));
  for (const x of t) if (!b.includes(x) && !out.includes(x)) out.push(x);
  return out.length ? out : null;
}

/** Whether two versions of a file have the same tags at the same places (ids and selectors). */
function sameSelectors(a: AnnotationStore, b: AnnotationStore): boolean {
  const before = new Map(b.annotations().map((x) => [x.id, x]));
  const now = a.annotations();
  return (
    now.length === before.size &&
    now.every((x) => {
      const y = before.get(x.id);
      return !!y && x.quote === y.quote && x.prefix === y.prefix && x.suffix === y.suffix && x.start === y.start && x.end === y.end;
    })
  );
}

/** Merges `document` and unknown top-level keys into `out`; with no `out`, only collects the conflicts. */
function mergeDocument(
  base: AnnotationStore,
  ours: AnnotationStore,
  theirs: AnnotationStore,
  out: AnnotationStore | undefined,
  side: 'ours' | 'theirs',
  conflicts: MergeConflict[],
): void {
  const record = !out;
  const [lb, lo, lt] = [base.letter, ours.letter, theirs.letter];
  // The letter's version the tags were made on: one side's new version holds for the merge only when the other
  // side placed no tag (added none, moved none) — those were made on the old version. Else the merge records none
  // and the next anchoring searches (no conflict: nothing an analyst needs to decide).
  if (out && !same(lo.hash, lt.hash)) {
    const oursOnly = same(lt.hash, lb.hash) && sameSelectors(theirs, base);
    const theirsOnly = same(lo.hash, lb.hash) && sameSelectors(ours, base);
    out.setLetter({ hash: oursOnly ? (lo.hash ?? null) : theirsOnly ? (lt.hash ?? null) : null });
  }
  for (const key of ['id', 'path'] as const) {
    const [vb, vo, vt] = [lb[key], lo[key], lt[key]];
    if (same(vo, vt) || same(vt, vb)) continue;
    if (out && (same(vo, vb) || side === 'theirs')) out.setLetter({ [key]: vt ?? null });
    if (!same(vo, vb) && record)
      conflicts.push({ kind: 'document', field: `document.${key}`, message: message(MESSAGES.mergeConflictDocument, `document.${key}`) });
  }
  const [xb, xo, xt] = [base.topLevelExtras(), ours.topLevelExtras(), theirs.topLevelExtras()];
  for (const key of new Set([...Object.keys(xo), ...Object.keys(xt)])) {
    const [vb, vo, vt] = [xb[key], xo[key], xt[key]];
    if (same(vo, vt) || same(vt, vb)) continue;
    if (out && (same(vo, vb) || side === 'theirs')) out.setTopLevelExtra(key, vt ?? null, theirs.topLevelNode(key));
    if (!same(vo, vb) && record) conflicts.push({ kind: 'document', field: key, message: message(MESSAGES.mergeConflictDocument, key) });
  }
}
