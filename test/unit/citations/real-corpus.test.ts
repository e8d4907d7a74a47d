// The scanner measured on real parliamentary text labelled by hand (test/fixtures/real: passages from stored
// official pages, labels made without running the scanner). Prints recall, id accuracy, numbered-motion recall and
// false positives, and fails below the goal of issue 13: at least 97% of references found with the right id, every
// numbered motion or amendment reported as one, and no reference where the labels have none.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scanMarkdown } from '../../../src/core/markdown';
import type { CitationKind, CitationRef } from '../../../src/core/citations/types';

interface Label {
  text: string;
  kind: string;
  id: string | null;
  occurrence?: number;
  note?: string;
}

interface Passage {
  file: string;
  source: string;
  refs: Label[];
}

const readPassages = (dir: string): Passage[] => (JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8')) as { passages: Passage[] }).passages;

/** Kinds measured here; `toezegging` register numbers are measured apart (toezegging-ek.test.ts: `TO3357` is labelled as written, read as T03357). */
const SCANNED: ReadonlySet<string> = new Set<CitationKind>([
  'kamerstuk',
  'dossier',
  'motie',
  'amendement',
  'tk-document',
  'tk-zaak',
  'handelingen',
  'aanhangsel',
  'staatsblad',
  'staatscourant',
]);
const voted = (kind: string): boolean => kind === 'motie' || kind === 'amendement';

/** A label's span: its `occurrence`-th match after the passage's first line (the source comment). */
function spanOf(text: string, label: Label): { start: number; end: number } {
  let at = text.indexOf('-->') + 3 - 1;
  for (let n = 0; n < (label.occurrence ?? 1); n++) at = text.indexOf(label.text, at + 1);
  assert.ok(at >= 0, `label text ${JSON.stringify(label.text)} not in the passage`);
  return { start: at, end: at + label.text.length };
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean => a.start < b.end && b.start < a.end;

interface Outcome {
  labels: number;
  found: number;
  wrongId: Array<[string, Label, CitationRef]>;
  missed: Array<[string, Label]>;
  numberedVoted: number;
  votedAsVoted: number;
  votedMissed: Array<[string, Label, CitationRef | undefined]>;
  falsePositives: Array<[string, CitationRef]>;
  notMeasured: number;
  ownHeadings: number;
}

/**
 * A publication's own heading (`26 643 Informatie- en communicatietechnologie`, `Nr. 971 MOTIE VAN …`) names the
 * document itself, not a document it cites: in the workspace that identity is the letter's front matter, and the
 * scanner leaves such headings alone by design. The labels mark them; they are counted apart. (Page metadata of
 * data sites, such as tkconv's `kamerstukdossier 26643 -971`, is measured.)
 */
const ownHeading = (label: Label): boolean => /^document heading/.test(label.note ?? '');

function measure(dir: string, passages: Passage[]): Outcome {
  const o: Outcome = {
    labels: 0,
    found: 0,
    wrongId: [],
    missed: [],
    numberedVoted: 0,
    votedAsVoted: 0,
    votedMissed: [],
    falsePositives: [],
    notMeasured: 0,
    ownHeadings: 0,
  };
  for (const p of passages) {
    const text = readFileSync(join(dir, p.file), 'utf8');
    const refs = scanMarkdown(text);
    const spans = p.refs.map((l) => ({ label: l, span: spanOf(text, l) }));
    for (const { label, span } of spans) {
      if (!SCANNED.has(label.kind)) {
        o.notMeasured++;
        continue;
      }
      if (ownHeading(label)) {
        o.ownHeadings++;
        continue;
      }
      o.labels++;
      const near = refs.filter((r) => overlaps(r, span));
      const right = near.find((r) => r.id === label.id && (label.id !== null || r.kind === label.kind));
      if (right) o.found++;
      else if (near.length) o.wrongId.push([p.file, label, near[0]]);
      else o.missed.push([p.file, label]);
      if (voted(label.kind) && label.id) {
        // Reported as a motion (or amendment): the kind; whether its id is right is what recall measures.
        o.numberedVoted++;
        const asVoted = near.find((r) => r.kind === label.kind);
        if (asVoted) o.votedAsVoted++;
        else o.votedMissed.push([p.file, label, right]);
      }
    }
    for (const r of refs) if (!spans.some((s) => overlaps(r, s.span))) o.falsePositives.push([p.file, r]);
  }
  return o;
}

const pct = (a: number, b: number): string => `${((100 * a) / Math.max(1, b)).toFixed(1)}%`;

function report(name: string, passages: Passage[], o: Outcome): string {
  return [
    `${name}: ${passages.length} passages, ${o.labels} references measured (${o.notMeasured} toezegging numbers measured in toezegging-ek.test.ts, ${o.ownHeadings} own headings apart)`,
    `  recall with the right id: ${o.found}/${o.labels} = ${pct(o.found, o.labels)}`,
    `  numbered motions and amendments reported as such: ${o.votedAsVoted}/${o.numberedVoted} = ${pct(o.votedAsVoted, o.numberedVoted)}`,
    `  wrong id: ${o.wrongId.length}, missed: ${o.missed.length}, false positives: ${o.falsePositives.length}`,
    ...o.wrongId.map(([f, l, r]) => `  wrong id  ${f}: ${JSON.stringify(l.text)} labelled ${l.kind} ${l.id}, scanned ${r.kind} ${r.id}`),
    ...o.missed.map(([f, l]) => `  missed    ${f}: ${JSON.stringify(l.text)} (${l.kind} ${l.id})`),
    ...o.votedMissed.filter(([, , r]) => r).map(([f, l, r]) => `  not as ${l.kind} ${f}: ${JSON.stringify(l.text)} scanned as ${r!.kind}`),
    ...o.falsePositives.map(([f, r]) => `  false pos ${f}: ${JSON.stringify(r.text)} (${r.kind} ${r.id})`),
  ].join('\n');
}

describe('citations on real text (test/fixtures/real)', () => {
  const dir = 'test/fixtures/real';
  const passages = readPassages(dir);
  const o = measure(dir, passages);
  after(() => console.log(report('real corpus', passages, o)));

  it('holds enough real text to measure on', () => {
    assert.ok(passages.length >= 20, 'at least 20 passages');
    assert.ok(o.labels >= 150, 'at least 150 references');
    assert.ok(o.numberedVoted >= 25, 'at least 25 numbered motions and amendments');
  });

  it('finds at least 97% of the references with the right id', () => {
    assert.ok(o.found / o.labels >= 0.97, `recall ${pct(o.found, o.labels)}`);
  });

  it('reports every numbered motion and amendment as one', () => {
    assert.equal(o.votedAsVoted, o.numberedVoted, `${o.numberedVoted - o.votedAsVoted} not reported as motion or amendment`);
  });

  it('reports nothing where the labels have no reference', () => {
    assert.equal(o.falsePositives.length, 0);
  });
});

/**
 * A second set (test/fixtures/real-heldout), labelled after the rules were written against the first. Measured once
 * before any change (79.0% recall, 86.4% of numbered motions, 9 false positives), then some general rules were fixed
 * from its misses, so it is a second development set now (its README says so). Its figures are printed, like a
 * bench; the goal is asserted on the first set.
 */
describe('citations on held-out real text (test/fixtures/real-heldout)', () => {
  const dir = 'test/fixtures/real-heldout';
  const passages = readPassages(dir);
  const o = measure(dir, passages);
  after(() => console.log(report('held-out corpus', passages, o)));

  it('is measured: every label is found in its passage', () => {
    assert.ok(passages.length >= 15 && o.labels >= 100, `${passages.length} passages, ${o.labels} references`);
  });
});
