// "Set up team repository" in a real VS Code, then real git: a merge of two analysts' branches runs through the
// configured driver (the extension's own CLI, never npx) and keeps both sides; the pre-commit hook refuses a broken
// annotation file.
import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { AnnotationStore, captureSelector } from '../../src/core/annotations';
import { GITATTRIBUTES_LINE, parseDriverCommand } from '../../src/core/team';
import { workspaceRoot } from './helpers';

const LETTER = 'letters/kst-29754-9100.md';
const FILE = 'letters/kst-29754-9100.annotations.yaml';

describe('team repository setup', function () {
  this.timeout(120_000);
  let root: string;
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const read = (relative: string) => readFileSync(join(root, relative), 'utf8');
  const tagged = (text: string, passage: string, tag: string) => {
    const parsed = AnnotationStore.parse(read(FILE));
    assert.ok(parsed.ok);
    const start = text.indexOf(passage);
    assert.ok(start >= 0, passage);
    parsed.store.add({ tag, ...captureSelector(text, start, start + passage.length) });
    return parsed.store.toString();
  };

  before(function () {
    root = workspaceRoot();
    // A repository of its own for this suite: the scratch copy of the sample workspace.
    if (existsSync(join(root, '.git'))) this.skip();
    git('init', '-q', '-b', 'main');
    git('config', 'user.name', 'Analist Een');
    git('config', 'user.email', 'een@example.org');
    git('config', 'commit.gpgsign', 'false');
    const letter = read('letters/kst-29754-716.md').replace('kamerstuk: kst-29754-716', 'kamerstuk: kst-29754-9100');
    writeFileSync(join(root, LETTER), letter);
    const store = AnnotationStore.create({ id: 'kst-29754-9100', path: 'kst-29754-9100.md' });
    writeFileSync(join(root, FILE), store.toString());
    git('add', '-A');
    git('commit', '-q', '-m', 'letters');
  });

  it('writes .gitattributes and a local merge driver that runs the CLI the extension ships', async () => {
    const result = await vscode.commands.executeCommand<{ gitattributesChanged: boolean; hook: string } | undefined>('kamerstuk.setUpTeamRepository', {
      folder: vscode.Uri.file(root),
      hook: true,
    });
    assert.ok(result, 'the command returned nothing (see the messages)');
    assert.equal(result.gitattributesChanged, true);
    assert.equal(result.hook, 'added');
    assert.ok(read('.gitattributes').split(/\r?\n/).includes(GITATTRIBUTES_LINE), read('.gitattributes'));
    const driver = git('config', '--local', '--get', 'merge.kamerstuk.driver').trim();
    assert.ok(!/\bnpx\b|npm exec/.test(driver), driver);
    const invocation = parseDriverCommand(driver);
    assert.ok(invocation, `not a driver this setup writes: ${driver}`);
    assert.ok(existsSync(invocation.cli) && existsSync(invocation.runtime), driver);
    // The copy lives outside the extension's folder, which changes with every update.
    assert.ok(!invocation.cli.includes('dist'), invocation.cli);
    const hook = git('rev-parse', '--git-path', 'hooks/pre-commit').trim();
    assert.ok(statSync(join(root, hook)).mode & 0o100, 'the hook is not executable');

    const again = await vscode.commands.executeCommand<{ gitattributesChanged: boolean; hook: string }>('kamerstuk.setUpTeamRepository', {
      folder: vscode.Uri.file(root),
      hook: true,
    });
    assert.equal(again.gitattributesChanged, false);
    assert.equal(again.hook, 'up-to-date');
    git('add', '.gitattributes');
    git('commit', '-q', '-m', 'merge annotation files by id');
  });

  it('merges two branches that both tagged the letter through the driver: both tags survive', () => {
    const letter = read(LETTER);
    git('checkout', '-q', '-b', 'analyst-b');
    writeFileSync(join(root, FILE), tagged(letter, 'Hiermee versterken we de veiligheid in Nederland.', 'conclusion'));
    git('commit', '-q', '-am', 'b tags a conclusion');
    git('checkout', '-q', 'main');
    writeFileSync(join(root, FILE), tagged(letter, 'De komende periode wordt gewerkt aan een nadere uitwerking hiervan.', 'commitment'));
    git('commit', '-q', '-am', 'a tags a commitment');
    const merge = spawnSync('git', ['merge', '--no-edit', 'analyst-b'], { cwd: root, encoding: 'utf8' });
    assert.equal(merge.status, 0, `${merge.stdout}\n${merge.stderr}`);
    const merged = AnnotationStore.parse(read(FILE));
    assert.ok(merged.ok, read(FILE));
    assert.deepEqual(
      merged.store
        .annotations()
        .map((a) => a.tag)
        .sort(),
      ['commitment', 'conclusion'],
    );
  });

  it('the pre-commit hook refuses an annotation file that does not parse', () => {
    writeFileSync(join(root, FILE), 'version: 1\nannotations: [\n');
    git('add', FILE);
    const refused = spawnSync('git', ['commit', '-m', 'broken'], { cwd: root, encoding: 'utf8' });
    assert.notEqual(refused.status, 0, 'the broken file was committed');
    assert.match(refused.stderr + refused.stdout, /kamerstuk/);
    git('checkout', '-q', 'HEAD', '--', FILE);
  });
});
