import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { mergeAnnotationTexts } from '../../../src/core/annotations/merge';
import { AnnotationStore } from '../../../src/core/annotations/store';
import { ANNOTATIONS_YAML, loadFixture } from '../annotations/helpers';
import { ENTRY } from './entry';

function load(text: string): AnnotationStore {
  const r = AnnotationStore.parse(text);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => `${d.line}: ${d.code} ${d.message.template}`).join('\n'));
  return r.store;
}

function problems(text: string): string[] {
  const r = AnnotationStore.parse(text);
  return r.ok ? [] : r.diagnostics.map((d) => `${d.line}:${d.code}`);
}

describe('annotation file: the commitment fields (issue 16)', () => {
  it('reads due, fulfilment, fulfilledBy, fulfilled and fulfilmentNote', () => {
    const a = load(
      ENTRY(`    status: agreed
    due: { from: 2025-04-01, to: 2025-06-30, text: "voor de zomer" }
    fulfilment: partly
    fulfilledBy: [kst-29754-720]
    fulfilled: 2025-06-12
    fulfilmentNote: "Alleen het eerste deel"
`),
    ).get('a1b2c3d4e5')!;
    assert.deepEqual(a.due, { from: '2025-04-01', to: '2025-06-30', text: 'voor de zomer' });
    assert.equal(a.fulfilment, 'partly');
    assert.deepEqual(a.fulfilledBy, ['kst-29754-720']);
    assert.equal(a.fulfilled, '2025-06-12');
    assert.equal(a.fulfilmentNote, 'Alleen het eerste deel');
    assert.equal(a.extra, undefined);
  });

  it('reads a vague due without dates, and a due written as a block mapping', () => {
    const vague = load(ENTRY(`    due: { text: "zo spoedig mogelijk", vague: true }\n`)).get('a1b2c3d4e5')!;
    assert.deepEqual(vague.due, { text: 'zo spoedig mogelijk', vague: true });
    const block = load(ENTRY(`    due:\n      to: 2025-12-31\n      text: eind dit jaar\n`)).get('a1b2c3d4e5')!;
    assert.deepEqual(block.due, { to: '2025-12-31', text: 'eind dit jaar' });
  });

  it('an old v1 file reads as before and gains no keys when written (the sample fixture)', () => {
    const store = loadFixture();
    const written = store.toString();
    assert.doesNotMatch(written, /^\s+(?:due|fulfilment|fulfilledBy|fulfilled|fulfilmentNote):/m);
    assert.equal(written.split('\n').length, ANNOTATIONS_YAML.split('\n').length);
    for (const a of store.annotations()) assert.equal(a.due ?? a.fulfilment ?? a.fulfilledBy ?? a.fulfilled, undefined);
  });

  it('reads the Dutch names of a fulfilment (as the registers write them) and writes the key', () => {
    for (const [written, key] of [
      ['nagekomen', 'fulfilled'],
      ['Voldaan', 'fulfilled'],
      ['Afgedaan', 'fulfilled'],
      ['Deels Afgedaan', 'partly'],
      ['deels  voldaan', 'partly'],
      ['vervallen', 'dropped'],
      ['Partly', 'partly'],
    ]) {
      const store = load(ENTRY(`    fulfilment: ${written}\n`));
      assert.equal(store.get('a1b2c3d4e5')!.fulfilment, key, written);
      assert.match(store.toString(), new RegExp(`\\n    fulfilment: ${key}\\n`), written);
    }
  });

  it('refuses wrong values with a diagnostic on their line, and never gives a store to write', () => {
    assert.deepEqual(problems(ENTRY(`    due: voor de zomer\n`)), ['10:due']);
    assert.deepEqual(problems(ENTRY(`    due: { from: 2025-06-31, text: x }\n`)), ['10:due']);
    assert.deepEqual(problems(ENTRY(`    due: { from: 2025-07-01, to: 2025-06-30, text: x }\n`)), ['10:due']);
    assert.deepEqual(problems(ENTRY(`    due: { vague: true }\n`)), ['10:due']);
    assert.deepEqual(problems(ENTRY(`    due: 2025-06-31\n`)), ['10:due']);
    assert.deepEqual(problems(ENTRY(`    due: { to: 2025-06-30, text: [x] }\n`)), ['10:due']);
    assert.deepEqual(problems(ENTRY(`    due: { to: 2025-06-30, text: x, when: soon }\n`)), ['10:due']);
    assert.deepEqual(problems(ENTRY(`    fulfilment: done\n`)), ['10:fulfilment']);
    assert.deepEqual(problems(ENTRY(`    fulfilledBy: kst-29754-720\n`)), ['10:type']);
    assert.deepEqual(problems(ENTRY(`    fulfilled: 12-06-2025\n`)), ['10:date']);
    assert.deepEqual(problems(ENTRY(`    fulfilmentNote: [a]\n`)), ['10:type']);
  });

  it('reads natural hand edits of due: one date, or dates without their phrase', () => {
    const one = load(ENTRY(`    due: 2025-06-30\n`));
    assert.deepEqual(one.get('a1b2c3d4e5')!.due, { to: '2025-06-30', text: '2025-06-30' });
    // Read, not rewritten: the file keeps the analyst's form until the due is changed.
    assert.equal(one.toString(), ENTRY(`    due: 2025-06-30\n`));
    assert.deepEqual(load(ENTRY(`    due: { to: 2025-06-30 }\n`)).get('a1b2c3d4e5')!.due, { to: '2025-06-30', text: '2025-06-30' });
    assert.deepEqual(load(ENTRY(`    due:\n      from: 2025-04-01\n      to: 2025-06-30\n`)).get('a1b2c3d4e5')!.due, {
      from: '2025-04-01',
      to: '2025-06-30',
      text: '2025-04-01 – 2025-06-30',
    });
  });

  it('reads "open" and "Openstaand" as an open commitment (no fulfilment), and keeps them as written', () => {
    for (const written of ['open', 'Open', 'Openstaand', 'openstaand ']) {
      const store = load(ENTRY(`    fulfilment: ${written}\n`));
      assert.equal(store.get('a1b2c3d4e5')!.fulfilment, undefined, written);
      assert.equal(store.toString(), ENTRY(`    fulfilment: ${written}\n`), written);
    }
    // Marking it fulfilled later replaces the word.
    const store = load(ENTRY(`    fulfilment: Openstaand\n`));
    store.update('a1b2c3d4e5', { fulfilment: 'fulfilled' });
    assert.match(store.toString(), /\n {4}fulfilment: fulfilled\n/);
  });

  it('writes new fields after status, due as one line, and removes them with null', () => {
    const store = load(ENTRY(`    status: agreed\n    x-reviewer: jan\n`));
    store.update('a1b2c3d4e5', {
      fulfilmentNote: 'Brief van 12 juni',
      fulfilled: '2025-06-12',
      fulfilledBy: ['kst-29754-720'],
      fulfilment: 'fulfilled',
      due: { from: '2025-04-01', to: '2025-06-30', text: 'voor de zomer' },
    });
    const text = store.toString();
    const lines = text.split('\n').map((l) => l.trim());
    const at = (k: string) => lines.findIndex((l) => l.startsWith(`${k}:`));
    assert.ok(at('status') < at('due') && at('due') < at('fulfilment') && at('fulfilment') < at('fulfilledBy'));
    assert.ok(at('fulfilledBy') < at('fulfilled') && at('fulfilled') < at('fulfilmentNote') && at('fulfilmentNote') < at('x-reviewer'));
    assert.ok(lines.includes('due: {from: 2025-04-01, to: 2025-06-30, text: "voor de zomer"}'), text);
    assert.ok(lines.includes('fulfilledBy: [kst-29754-720]'), text);
    // Written and read back as the same values.
    assert.deepEqual(load(text).get('a1b2c3d4e5'), store.get('a1b2c3d4e5'));
    assert.deepEqual(parse(text).annotations[0].due, { from: '2025-04-01', to: '2025-06-30', text: 'voor de zomer' });
    store.update('a1b2c3d4e5', { due: { text: 'zo spoedig mogelijk', vague: true } });
    assert.deepEqual(load(store.toString()).get('a1b2c3d4e5')!.due, { text: 'zo spoedig mogelijk', vague: true });
    store.update('a1b2c3d4e5', { due: null, fulfilment: null, fulfilledBy: null, fulfilled: null, fulfilmentNote: null });
    assert.equal(store.toString(), ENTRY(`    status: agreed\n    x-reviewer: jan\n`));
  });

  it('due is written as from, to, text, vague whatever order the editor gives', () => {
    const store = load(ENTRY(''));
    store.update('a1b2c3d4e5', { due: { text: 'voor de zomer', to: '2025-07-03', from: '2025-03-10' } });
    assert.match(store.toString(), /\n {4}due: \{from: 2025-03-10, to: 2025-07-03, text: "voor de zomer"\}\n/);
    store.update('a1b2c3d4e5', { due: { vague: true, text: 'zo spoedig mogelijk' } });
    assert.match(store.toString(), /\n {4}due: \{text: "zo spoedig mogelijk", vague: true\}\n/);
  });

  it('a new annotation with a due is written and read back', () => {
    const store = AnnotationStore.create({ id: 'kst-1-2' });
    const a = store.add({ tag: 'commitment', quote: 'q', prefix: '', suffix: '', start: 0, end: 1, due: { to: '2025-12-31', text: 'eind dit jaar' } });
    assert.deepEqual(load(store.toString()).get(a.id)!.due, { to: '2025-12-31', text: 'eind dit jaar' });
  });

  it('merges: one side marks it fulfilled, the other edits the note; fulfilledBy merges as a set', () => {
    const base = ENTRY(`    fulfilledBy: [kst-1-1]\n`);
    const ours = ENTRY(`    note: "n"\n    fulfilledBy: [kst-1-1, kst-1-2]\n`);
    const theirs = ENTRY(`    fulfilment: fulfilled\n    fulfilledBy: [kst-1-1, kst-1-3]\n    fulfilled: 2025-06-12\n`);
    const m = mergeAnnotationTexts(base, ours, theirs);
    assert.ok(m.ok);
    assert.deepEqual(m.conflicts, []);
    const a = load(m.text).get('a1b2c3d4e5')!;
    assert.equal(a.note, 'n');
    assert.equal(a.fulfilment, 'fulfilled');
    assert.equal(a.fulfilled, '2025-06-12');
    assert.deepEqual([...a.fulfilledBy!].sort(), ['kst-1-1', 'kst-1-2', 'kst-1-3']);
  });

  it('the same due changed both ways is a conflict, not a silent pick', () => {
    const base = ENTRY('');
    const m = mergeAnnotationTexts(base, ENTRY(`    due: { to: 2025-06-30, text: a }\n`), ENTRY(`    due: { to: 2025-12-31, text: b }\n`), 'ours');
    assert.ok(m.ok);
    assert.deepEqual(
      m.conflicts.map((c) => c.field),
      ['due'],
    );
  });

  it('the JSON schema knows the new keys', () => {
    const schema = JSON.parse(readFileSync('schemas/annotations.schema.json', 'utf8'));
    const text = JSON.stringify(schema);
    for (const key of ['due', 'fulfilment', 'fulfilledBy', 'fulfilled', 'fulfilmentNote']) assert.ok(text.includes(`"${key}"`), key);
  });
});
