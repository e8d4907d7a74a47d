// The letter's text an annotation file's anchors were made on, for anchoring through its diff: `--previous`
// (a file, or a git revision of the letter), else the recorded version (`document.hash`) from the import's kept
// versions or from git (`git cat-file blob <hash>`: the hash is the blob id). A recorded version is only used
// when its text hashes to the recorded id, so a wrong text never steers the diff.
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { keptVersionPath, letterHash } from '../core/annotations';
import { readIfExists } from './annotation-files';
import { CliError } from './io';

export interface PreviousLetter {
  text: string;
  /** Where it came from, for the user: a path, `git <rev>`, or `git blob <hash>`. */
  source: string;
}

const MAX_LETTER_BYTES = 64 * 1024 * 1024;

/**
 * The previous version for a letter whose current text is `current`. Undefined when the recorded version is the
 * current text (nothing to map) or cannot be found (then everything is searched, as without history).
 */
export async function previousVersionOf(
  letterPath: string,
  current: string,
  recorded: string | undefined,
  explicit?: string,
  cwd = process.cwd(),
): Promise<PreviousLetter | undefined> {
  if (explicit !== undefined) return explicitVersion(letterPath, explicit, cwd);
  if (!recorded || letterHash(current) === recorded) return undefined;
  const kept = join(dirname(letterPath), keptVersionPath(basename(letterPath), recorded));
  const keptText = await readIfExists(kept).catch(() => undefined);
  if (keptText !== undefined && letterHash(keptText) === recorded) return { text: keptText, source: kept };
  const blob = await git(dirname(letterPath), ['cat-file', 'blob', recorded]).catch(() => undefined);
  if (blob !== undefined && letterHash(blob) === recorded) return { text: blob, source: `git blob ${recorded.slice(0, 12)}` };
  return undefined;
}

/** `--previous FILE` (relative to `cwd`) or `--previous REV` (the letter as it was in that git commit). */
async function explicitVersion(letterPath: string, value: string, cwd: string): Promise<PreviousLetter> {
  const file = resolve(cwd, value);
  const stat = await fs.stat(file).catch(() => undefined);
  if (stat?.isFile()) return { text: await fs.readFile(file, 'utf8'), source: value };
  // One commit, not a range or an option: `git rev-parse --verify` says whether it names one.
  if (!/^[\w./~^@{}-]+$/.test(value) || value.startsWith('-') || value.includes('..'))
    throw new CliError(`--previous: '${value}' is neither a file nor a git commit`, 2);
  const folder = dirname(letterPath);
  const commit = await git(folder, ['rev-parse', '--verify', '--quiet', `${value}^{commit}`]).catch(() => '');
  if (!commit.trim()) throw new CliError(`--previous: '${value}' is neither a file nor a git commit`, 1);
  const text = await git(folder, ['show', `${commit.trim()}:./${basename(letterPath)}`]).catch((e: Error) => {
    throw new CliError(`--previous: cannot read the letter at git revision '${value}': ${e.message.split('\n')[0]}`, 1);
  });
  return { text, source: `git ${value}` };
}

function git(cwd: string, args: string[]): Promise<string> {
  return new Promise((resolveText, reject) => {
    execFile('git', args, { cwd, encoding: 'utf8', maxBuffer: MAX_LETTER_BYTES, windowsHide: true }, (error, stdout, stderr) => {
      if (error) reject(new Error(stderr.trim() || error.message));
      else resolveText(stdout);
    });
  });
}
