// The register as markdown and as JSON: the markdown grouped by due month, with counts; the JSON one object per
// commitment with ISO dates, for scripts.

import { groupCommitments } from './grouping';
import { commitmentLabels, type CommitmentLanguage, dueLabel, longDate } from './labels';
import type { Commitment } from './model';

export function commitmentsMarkdown(list: Commitment[], options: { lang: CommitmentLanguage; today: string }): string {
  const l = commitmentLabels(options.lang);
  const open = list.filter((c) => c.state === 'open' || c.state === 'partly').length;
  const overdue = list.filter((c) => c.overdue).length;
  const out = [`# ${l.title}`, '', `${l.counts(list.length, open, overdue)} (${longDate(options.today, options.lang)}).`, ''];
  for (const group of groupCommitments(list, 'month', { lang: options.lang })) {
    out.push(`## ${group.label}`, '');
    for (const c of group.items) {
      const a = c.annotation;
      const state = `${l.states[c.state]}${c.overdue ? `, **${l.overdue}**` : ''}`;
      const due = c.due
        ? `**${c.due.to && !c.due.vague ? longDate(c.due.to, options.lang) : dueLabel(c.due, options.lang)}** ("${oneLine(c.due.text)}")`
        : `**${l.noDue}**`;
      const letter = `[${c.letter.id ?? c.letter.path}](${encodeURI(c.letter.path.replace(/\\/g, '/'))})`;
      out.push(
        `- ${due}: ${state}. ${letter}${c.letter.date ? `, ${longDate(c.letter.date, options.lang)}` : ''}${c.letter.ministry ? `, ${c.letter.ministry}` : ''}`,
      );
      out.push(`  > ${oneLine(a.quote)}`);
      if (a.fulfilledBy?.length || a.fulfilled) {
        const by = a.fulfilledBy?.length ? ` ${a.fulfilledBy.join(', ')}` : '';
        out.push(`  - ${l.fulfilledBy}:${by}${a.fulfilled ? ` (${longDate(a.fulfilled, options.lang)})` : ''}`);
      }
      if (a.fulfilmentNote) out.push(`  - ${l.note}: ${oneLine(a.fulfilmentNote)}`);
    }
    out.push('');
  }
  return out.join('\n');
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

export function commitmentsJson(list: Commitment[], options: { today: string }): string {
  const items = list.map((c) => ({
    letter: { id: c.letter.id, path: c.letter.path, title: c.letter.title, date: c.letter.date, dossier: c.letter.dossier, ministry: c.letter.ministry },
    id: c.annotation.id,
    tag: c.annotation.tag,
    quote: c.annotation.quote,
    due: c.due ?? null,
    dueSource: c.dueSource,
    state: c.state,
    overdue: c.overdue,
    fulfilledBy: c.annotation.fulfilledBy ?? [],
    fulfilled: c.annotation.fulfilled ?? null,
    fulfilmentNote: c.annotation.fulfilmentNote ?? null,
    refs: c.annotation.refs ?? [],
    note: c.annotation.note ?? null,
  }));
  return JSON.stringify({ today: options.today, commitments: items }, null, 2) + '\n';
}
