// The deadlines as an iCalendar file (RFC 5545): one all-day VEVENT per dated commitment on the last day of its
// range, with a UID that stays the same for the same annotation (so a calendar that imports the file again
// updates the event instead of adding one), text escaped (§3.3.11) and lines folded at 75 octets (§3.1).

import { addDays } from 'date-fns';
import { isoDay, parseIsoDay } from './due';
import { commitmentLabels, type CommitmentLanguage, dueLabel } from './labels';
import type { Commitment } from './model';

const PRODID = '-//Kamerstuk Annotator//Commitments//EN';

export function commitmentsIcs(list: Commitment[], options: { lang: CommitmentLanguage; today: string }): string {
  const l = commitmentLabels(options.lang);
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${PRODID}`, 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', `X-WR-CALNAME:${escapeText(l.title)}`];
  const stamp = `${options.today.replace(/-/g, '')}T000000Z`;
  for (const c of list) {
    const end = c.due?.vague ? undefined : c.due?.to;
    const day = end ? parseIsoDay(end) : undefined;
    if (!day) continue;
    const letter = c.letter.id ?? c.letter.path;
    const description = [
      `${l.passage}: ${c.annotation.quote}`,
      `${l.due}: ${dueLabel(c.due, options.lang)} (${c.due!.text})`,
      `${l.letter}: ${letter}${c.letter.title ? ` - ${c.letter.title}` : ''}`,
      `${l.status}: ${l.states[c.state]}${c.overdue ? `, ${l.overdue}` : ''}`,
      ...(c.annotation.note ? [`${l.note}: ${c.annotation.note}`] : []),
    ].join('\n');
    lines.push(
      'BEGIN:VEVENT',
      `UID:${uidOf(c)}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${end!.replace(/-/g, '')}`,
      `DTEND;VALUE=DATE:${isoDay(addDays(day, 1)).replace(/-/g, '')}`,
      `SUMMARY:${escapeText(`${l.eventPrefix}: ${summaryOf(c)}`)}`,
      `DESCRIPTION:${escapeText(description)}`,
      ...(c.letter.ministry ? [`CATEGORIES:${escapeText(c.letter.ministry)}`] : []),
      `STATUS:${c.state === 'fulfilled' || c.state === 'dropped' ? (c.state === 'dropped' ? 'CANCELLED' : 'CONFIRMED') : 'TENTATIVE'}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

/** Stable per annotation: annotation ids are unique within a letter, so the letter's id (or path) goes with it. */
export function uidOf(c: Commitment): string {
  const letter = (c.letter.id ?? c.letter.path).replace(/[^A-Za-z0-9._-]+/g, '_');
  return `${c.annotation.id}.${letter}@kamerstuk-annotator`;
}

function summaryOf(c: Commitment): string {
  const q = c.annotation.quote.replace(/\s+/g, ' ').trim();
  return q.length > 80 ? `${q.slice(0, 79)}…` : q;
}

/** TEXT values: backslash, semicolon and comma escaped, line ends as `\n` (RFC 5545 §3.3.11). */
export function escapeText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

const encoder = new TextEncoder();

/** Folds a content line so that no line is longer than 75 octets, never inside a UTF-8 character (§3.1). */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  // Continuation lines start with a space, which counts toward their 75 octets.
  let limit = 75;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = 74;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}
