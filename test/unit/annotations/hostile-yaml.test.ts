import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AnnotationDiagnostic } from '../../../src/core/annotations/messages';
import { AnnotationStore } from '../../../src/core/annotations/store';
import { YAML_LIMITS } from '../../../src/core/annotations/yaml-nodes';
import { ANNOTATIONS_YAML, runCli, tempDir } from './helpers';

/** An annotation file with one entry whose unknown key `x-extra` holds `value` (lines indented by six). */
function withExtra(value: string): string {
  return ['version: 1', 'annotations:', '  - id: abc', '    tag: measure', '    quote: "q"', '    start: 0', '    end: 1', '    x-extra:', value, ''].join(
    '\n',
  );
}

/** Billion laughs: `levels` anchors, each a list of `width` aliases of the one before (width^levels strings). */
export function aliasBomb(levels = 9, width = 9): string {
  const lines = ['      l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let i = 1; i <= levels; i++) lines.push(`      l${i}: &l${i} [${Array.from({ length: width }, () => `*l${i - 1}`).join(', ')}]`);
  return lines.join('\n');
}

/** A block mapping nested `depth` levels deep. */
export function deepMapping(depth: number): string {
  const lines: string[] = [];
  for (let i = 0; i < depth; i++) lines.push(`${' '.repeat(6 + i)}k${i}:`);
  return `${lines.join('\n')} leaf`;
}

function diagnosticsOf(text: string): AnnotationDiagnostic[] {
  const r = AnnotationStore.parse(text);
  assert.ok(!r.ok, 'the file must not load');
  return r.diagnostics;
}

/** Parses within `ms` milliseconds, or fails. */
function timed<T>(ms: number, fn: () => T): T {
  const started = performance.now();
  const result = fn();
  const took = performance.now() - started;
  assert.ok(took < ms, `took ${took.toFixed(0)} ms`);
  return result;
}

describe('hostile YAML in annotation files', () => {
  it('an alias bomb in an unknown key is a diagnostic at the alias that breaks the limit, not an exception', () => {
    const text = withExtra(aliasBomb());
    const [d, ...more] = timed(2000, () => diagnosticsOf(text));
    assert.deepEqual(more, []);
    assert.equal(d.code, 'alias-expansion');
    assert.equal(d.severity, 'error');
    assert.deepEqual(d.message.args, [String(YAML_LIMITS.maxAliasValues)]);
    assert.equal(text.slice(d.offset, d.endOffset), '*l3', 'located at the first alias past the limit');
    assert.equal(d.line, text.slice(0, d.offset).split('\n').length);
    assert.ok(d.column > 1);
  });

  it('a mapping nested 3,000 deep is a diagnostic at the first level too deep, in bounded time', () => {
    const text = withExtra(deepMapping(3000));
    const [d, ...more] = timed(2000, () => diagnosticsOf(text));
    assert.deepEqual(more, []);
    assert.equal(d.code, 'nesting-depth');
    assert.deepEqual(d.message.args, [String(YAML_LIMITS.maxDepth)]);
    // Root, annotations and the entry take three levels, k0 opens the fourth: k97 opens level 101.
    assert.equal(d.line, 9 + 97);
    assert.equal(d.column, 6 + 97 + 1);
  });

  it('flow collections nested 100,000 deep stop at the limit', () => {
    const [d] = timed(2000, () => diagnosticsOf(withExtra(`      ${'['.repeat(100_000)}${']'.repeat(100_000)}`)));
    assert.equal(d.code, 'nesting-depth');
    assert.equal(d.line, 9);
  });

  it('nesting up to the limit still loads, and keeps the unknown key; one more level does not', () => {
    // With the root, annotations and the entry, x-extra's mappings reach exactly the limit.
    const text = withExtra(deepMapping(YAML_LIMITS.maxDepth - 3));
    const r = AnnotationStore.parse(text);
    assert.ok(r.ok, JSON.stringify(!r.ok && r.diagnostics));
    let levels = 0;
    for (let v = r.store.get('abc')!.extra!['x-extra']; v && typeof v === 'object'; v = Object.values(v)[0] as unknown) levels++;
    assert.equal(levels, YAML_LIMITS.maxDepth - 3);
    assert.ok(AnnotationStore.parse(r.store.toString()).ok, 'written back, it loads again');
    assert.equal(diagnosticsOf(withExtra(deepMapping(YAML_LIMITS.maxDepth - 2)))[0].code, 'nesting-depth');
  });

  it('an alias whose value would nest too deep where it is used is refused', () => {
    const text = ['version: 1', `deep: &d ${'['.repeat(60)}${']'.repeat(60)}`, 'annotations: []', `again: ${'['.repeat(50)}*d${']'.repeat(50)}`, ''].join('\n');
    const [d] = diagnosticsOf(text);
    assert.equal(d.code, 'alias-depth');
    assert.equal(d.line, 4);
    assert.deepEqual(d.message.args, ['d', String(YAML_LIMITS.maxDepth)]);
  });

  it('an alias inside the value it refers to, and an alias without anchor, are refused', () => {
    const cycle = diagnosticsOf(withExtra('      &self [1, *self]'));
    assert.deepEqual(
      cycle.map((d) => [d.code, d.line, d.column]),
      [['alias-cycle', 9, 17]],
    );
    const unresolved = diagnosticsOf(withExtra('      *nowhere'));
    assert.deepEqual(
      unresolved.map((d) => [d.code, d.message.args[0], d.line, d.column]),
      [['alias-unresolved', 'nowhere', 9, 7]],
    );
  });

  it('ordinary aliases still load, expanded in the unknown key', () => {
    const r = AnnotationStore.parse(withExtra('      first: &who {name: jan}\n      second: *who'));
    assert.ok(r.ok, JSON.stringify(!r.ok && r.diagnostics));
    assert.deepEqual(r.store.get('abc')!.extra, { 'x-extra': { first: { name: 'jan' }, second: { name: 'jan' } } });
  });

  it('a top-level unknown key with a bomb is refused too (merges compare those values)', () => {
    const text = `${ANNOTATIONS_YAML}bomb:\n${aliasBomb().replace(/^ {6}/gm, '  ')}\n`;
    const [d] = diagnosticsOf(text);
    assert.equal(d.code, 'alias-expansion');
  });

  it('a second document is a syntax error, as before', () => {
    const [d] = diagnosticsOf(`${ANNOTATIONS_YAML}---\nversion: 1\n`);
    assert.equal(d.code, 'yaml-syntax');
    assert.match(d.message.args[0], /multiple documents/);
  });
});

describe('hostile YAML through the CLI', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => {
    ({ dir, cleanup } = tempDir('hostile'));
    writeFileSync(join(dir, 'a-bomb.annotations.yaml'), withExtra(aliasBomb()));
    writeFileSync(join(dir, 'b-deep.annotations.yaml'), withExtra(deepMapping(3000)));
    // The last file has an unknown tag: its error shows it was checked after the hostile ones.
    writeFileSync(join(dir, 'c-fine.annotations.yaml'), withExtra('      plain').replace('tag: measure', 'tag: risk'));
    for (const name of ['a-bomb', 'b-deep', 'c-fine']) writeFileSync(join(dir, `${name}.md`), 'q\n');
  });
  afterEach(() => cleanup());

  const noStackTrace = (text: string) => assert.doesNotMatch(text, /^\s+at /m);

  it('check reports both files with line and column, goes on with later files, and exits 1', async () => {
    const r = await timedAsync(10_000, () => runCli(dir, 'check'));
    assert.equal(r.code, 1, r.err);
    assert.match(r.out, /^a-bomb\.annotations\.yaml:\d+:\d+: error: Aliases expand to more than 10000 values in this file \[alias-expansion\]$/m);
    assert.match(r.out, /^b-deep\.annotations\.yaml:106:104: error: Mappings and lists nest more than 100 levels deep here \[nesting-depth\]$/m);
    assert.match(r.out, /^c-fine\.annotations\.yaml:4:10: error: Unknown tag "risk".*\[unknown-tag\]$/m);
    assert.match(r.out, /checked 3 annotation files: 3 errors, 0 warnings/);
    noStackTrace(r.out + r.err);
  });

  it('report names the files that do not load and reports the others', async () => {
    const r = await timedAsync(10_000, () => runCli(dir, 'report', '--format', 'json'));
    assert.equal(r.code, 1);
    assert.match(r.err, /a-bomb\.annotations\.yaml:\d+:\d+: error: .*\[alias-expansion\]/);
    assert.match(r.err, /b-deep\.annotations\.yaml:106:104: error: .*\[nesting-depth\]/);
    assert.deepEqual(
      (JSON.parse(r.out) as { id: string }[]).map((p) => p.id),
      ['abc'],
    );
    noStackTrace(r.out + r.err);
  });

  it('merge-driver refuses a hostile version (exit 2) and leaves %A untouched', async () => {
    const fine = withExtra('      plain');
    for (const hostile of [withExtra(aliasBomb()), withExtra(deepMapping(3000)), withExtra(deepMapping(800))]) {
      writeFileSync(join(dir, 'base.yaml'), fine);
      const ours = fine.replace('end: 1', 'end: 1\n    note: ours');
      writeFileSync(join(dir, 'ours.yaml'), ours);
      writeFileSync(join(dir, 'theirs.yaml'), hostile);
      const r = await timedAsync(10_000, () => runCli(dir, 'merge-driver', 'base.yaml', 'ours.yaml', 'theirs.yaml'));
      assert.equal(r.code, 2, r.err);
      assert.match(r.err, /the theirs version does not parse; not merged/);
      assert.match(r.err, /^theirs:\d+:\d+: error: .*\[(alias-expansion|nesting-depth)\]$/m);
      noStackTrace(r.err);
      assert.equal(readFileSync(join(dir, 'ours.yaml'), 'utf8'), ours);
    }
  });
});

async function timedAsync<T>(ms: number, fn: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await fn();
  const took = performance.now() - started;
  assert.ok(took < ms, `took ${took.toFixed(0)} ms`);
  return result;
}
