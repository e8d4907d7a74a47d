// Grouping the register for the view and the reports: by due month, ministry, dossier or state.

import type { Commitment } from './model';
import { COMMITMENT_STATES } from './model';
import { commitmentLabels, type CommitmentLanguage, monthLabel } from './labels';

export type CommitmentGrouping = 'month' | 'ministry' | 'dossier' | 'status';
export const COMMITMENT_GROUPINGS: readonly CommitmentGrouping[] = ['month', 'ministry', 'dossier', 'status'];

export interface CommitmentGroup {
  key: string;
  label: string;
  items: Commitment[];
}

/** Keys of commitments without the grouped fact; they come last. */
export const NO_DUE = 'none';
export const VAGUE = 'vague';
export const NO_VALUE = '';

/** The group key of one commitment: `2025-06` (the month of the deadline's last day), a ministry, a dossier, a state. */
export function commitmentGroupKey(c: Commitment, by: CommitmentGrouping): string {
  switch (by) {
    case 'month':
      return c.due?.to && !c.due.vague ? c.due.to.slice(0, 7) : c.due ? VAGUE : NO_DUE;
    case 'ministry':
      return c.letter.ministry ?? NO_VALUE;
    case 'dossier':
      return c.letter.dossier ?? NO_VALUE;
    case 'status':
      return c.state;
  }
}

/** Groups in a stable order (months ascending, names alphabetical, states open first), items in list order. */
export function groupCommitments(list: Commitment[], by: CommitmentGrouping, options: { lang?: CommitmentLanguage } = {}): CommitmentGroup[] {
  const lang = options.lang ?? 'en';
  const l = commitmentLabels(lang);
  const groups = new Map<string, Commitment[]>();
  for (const c of list) {
    const key = commitmentGroupKey(c, by);
    const items = groups.get(key);
    if (items) items.push(c);
    else groups.set(key, [c]);
  }
  const label = (key: string): string => {
    if (by === 'month') return key === NO_DUE ? l.noDue : key === VAGUE ? l.vague : monthLabel(key, lang);
    if (by === 'status') return l.states[key as Commitment['state']] ?? key;
    if (!key) return by === 'ministry' ? l.noMinistry : l.noDossier;
    return key;
  };
  const rank = (key: string): string => {
    if (by === 'status') return String(COMMITMENT_STATES.indexOf(key as Commitment['state']));
    if (by === 'month') return key === VAGUE ? '\uffff0' : key === NO_DUE ? '\uffff1' : key;
    return key ? key.toLowerCase() : '\uffff';
  };
  return [...groups.entries()]
    .sort(([a], [b]) => (rank(a) < rank(b) ? -1 : rank(a) > rank(b) ? 1 : 0))
    .map(([key, items]) => ({ key, label: label(key), items }));
}
