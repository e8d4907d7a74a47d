// The CLI over a generated team repository: `kamerstuk refs --json` (which scans through the workspace index's
// prefilter) gives, file by file, exactly the rows of a full markdown scan, and the files in the walk's order;
// `check` and `report` find the annotation files beside the letters.
import { strict as assert } from 'node:assert';
import { promises as fs, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliIo } from '../../../src/cli/io';
import { main } from '../../../src/cli/main';
import { analyseMarkdown } from '../../../src/core/markdown';
import { LineIndex } from '../../../src/core/text/line-index';
import { generateTeamRepository, writeFiles } from '../../support/generated-notes';

function io(cwd: string): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t), readFile: (p) => fs.readFile(p, 'utf8'), cwd: () => cwd };
}

describe('workspace index: the CLI on a generated team repository', function () {
  this.timeout(60_000);
  const repo = generateTeamRepository({ notes: 60, seed: 3, notesPerLetter: 10, annotatedShare: 1 });
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'kamerstuk-ws-cli-'));
    writeFiles(dir, repo);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('refs --json gives the full scan rows of every markdown file, in path order', async () => {
    const out = io(dir);
    assert.equal(await main(['refs', '.', '--json'], out), 0);
    const rows = JSON.parse(out.stdout.join('')) as Array<{ file: string; line: number; column: number; start: number; id: string | null; text: string }>;
    const expected = repo
      .filter((f) => f.path.endsWith('.md'))
      .sort((a, b) => (a.path < b.path ? -1 : 1))
      .flatMap((f) => {
        const lines = new LineIndex(f.text);
        return analyseMarkdown(f.text).refs.map((r) => {
          const at = lines.position(r.start);
          return { file: f.path, line: at.line + 1, column: at.character + 1, start: r.start, id: r.id, text: r.text };
        });
      });
    assert.ok(expected.length > 200, `only ${expected.length} references: the comparison proves little`);
    assert.deepEqual(
      rows.map((r) => ({ file: r.file, line: r.line, column: r.column, start: r.start, id: r.id, text: r.text })),
      expected,
    );
  });

  it('check and report read every annotation file', async () => {
    const annotationFiles = repo.filter((f) => f.path.endsWith('.annotations.yaml')).length;
    assert.ok(annotationFiles >= 5);
    const checked = io(dir);
    await main(['check', '.'], checked);
    assert.match(checked.stdout.join('\n') + checked.stderr.join('\n'), new RegExp(`\\b${annotationFiles} (?:annotation )?files?\\b`));
    const reported = io(dir);
    assert.equal(await main(['report', '.', '--format', 'json'], reported), 0);
    const letters = new Set((JSON.parse(reported.stdout.join('')) as Array<{ letter?: string; letterPath?: string }>).map((p) => p.letter ?? p.letterPath));
    assert.equal(letters.size, annotationFiles);
  });
});
