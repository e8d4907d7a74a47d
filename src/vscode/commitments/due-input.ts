// What the analyst types as a commitment's due date (no vscode import: unit-tested in plain Node):
// `2025-06-30` (no later than), `2025-04-01 – 2025-06-30` (also `..`, `/`, ` tot `), `vague` / `vaag` (no date),
// empty (remove the stored date). Real calendar dates only, the start not after the end.
import type { DueRange } from '../../core/commitments';

export type DueInput = { ok: true; due: DueRange | null } | { ok: false; error: 'notADate' | 'reversed'; value: string };

const ISO = /^\d{4}-\d{2}-\d{2}$/;
const SEPARATOR = /\s*(?:\.\.|–|—|\/|\s-\s|\stot\s|\sto\s)\s*/i;
const VAGUE = /^(?:vague|vaag|\?)$/i;

export function parseDueInput(input: string, phrase: string | undefined): DueInput {
  const value = input.trim();
  if (!value) return { ok: true, due: null };
  const text = phrase?.trim() || value;
  if (VAGUE.test(value)) return { ok: true, due: { text, vague: true } };
  const parts = value.split(SEPARATOR).map((p) => p.trim());
  if (parts.length > 2) return { ok: false, error: 'notADate', value };
  for (const p of parts) if (!isIsoDate(p)) return { ok: false, error: 'notADate', value: p };
  if (parts.length === 1) return { ok: true, due: { to: parts[0], text } };
  const [from, to] = parts;
  if (from > to) return { ok: false, error: 'reversed', value };
  return { ok: true, due: { from, to, text } };
}

/** A due range as the input box shows it: `2025-04-01 – 2025-06-30`, `2025-06-30`, `vague`. */
export function dueInputValue(due: DueRange | undefined): string {
  if (!due) return '';
  if (due.vague || (!due.from && !due.to)) return 'vague';
  if (due.from && due.to && due.from !== due.to) return `${due.from} – ${due.to}`;
  return due.to ?? due.from!;
}

export function isIsoDate(s: string): boolean {
  if (!ISO.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}
