// The optional pre-commit hook that runs `kamerstuk check`. Our part of the hook is a block between two marker
// lines, so running the setup again replaces it (a moved VS Code or CLI path is repaired) and nothing else of
// an existing hook is touched.
//
// Policy for an existing hook: the block goes right after its `#!` line (or at the top when it has none: git runs
// such a hook with sh), not at the end, so an `exit 0` or `exec ...` at the end of that hook cannot skip it; on
// success it falls through to the rest of the hook. A hook in another language (`#!/usr/bin/env python3`, node...)
// cannot take sh lines: the update is refused with the interpreter as the reason. So is a hook with a begin
// marker but no end marker (or several blocks): a person should look at it.

import { checkCommand, type CliInvocation } from './cli-invocation';
import { lineEnding } from './gitattributes';
import { shellPath, shellQuote } from './shell';

export const HOOK_BEGIN = '# >>> kamerstuk annotator >>>';
export const HOOK_END = '# <<< kamerstuk annotator <<<';

/** The staged paths that make the hook check: annotation files, letters and the team taxonomy (git pathspecs). */
export const CHECKED_PATHSPECS = ['*.annotations.yaml', '*.md', '.vscode/settings.json'];

export type HookRefusal = { reason: 'not-a-shell-script'; interpreter: string } | { reason: 'damaged-block'; detail: string };

export interface HookUpdate {
  /** The new hook text; the input, unchanged, when refused. */
  text: string;
  changed: boolean;
  /** Why the hook was left alone. */
  refused?: HookRefusal;
}

const SHELLS = new Set(['sh', 'bash', 'dash', 'ash', 'ksh', 'mksh', 'zsh', 'busybox']);

/**
 * The block, one line per entry. It checks only when the commit stages a checked path (so commits that do not
 * touch annotations are not held up by an old problem elsewhere), checks the working tree of the whole
 * repository (not the staged versions; `kamerstuk check` reads files), and skips with a warning instead of
 * blocking every commit when the runtime or the CLI is gone (VS Code moved or uninstalled).
 */
export function hookBlock(invocation: CliInvocation): string[] {
  const runtime = shellQuote(shellPath(invocation.runtime));
  const cli = shellQuote(shellPath(invocation.cli));
  const pathspecs = CHECKED_PATHSPECS.map(shellQuote).join(' ');
  return [
    HOOK_BEGIN,
    '# Written by the Kamerstuk Annotator command "Set up team repository", which replaces this block when run',
    '# again. Checks the annotation files when a commit changes annotations, letters or the tag taxonomy.',
    `if [ -n "$(git diff --cached --name-only -- ${pathspecs})" ]; then`,
    `  if [ -f ${runtime} ] && [ -f ${cli} ]; then`,
    `    ${checkCommand(invocation)} || { echo 'kamerstuk: the annotation check failed; fix the errors above (or commit with --no-verify).' >&2; exit 1; }`,
    '  else',
    `    echo 'kamerstuk: annotation check skipped: the Kamerstuk CLI or its runtime is missing; run "Set up team repository" again.' >&2`,
    '  fi',
    'fi',
    HOOK_END,
  ];
}

/**
 * `.git/hooks/pre-commit` (undefined: no hook yet) with the check block installed or brought up to date.
 * A new hook starts with `#!/bin/sh`; the caller must make it executable. Idempotent.
 */
export function preCommitHookWith(existing: string | undefined, invocation: CliInvocation): HookUpdate {
  const text = existing ?? '';
  const eol = lineEnding(text);
  const block = hookBlock(invocation);
  if (text.trim() === '') return result(text, ['#!/bin/sh', ...block, ''].join(eol));
  const lines = text.split(eol);
  const begins = indexesOf(lines, HOOK_BEGIN);
  const ends = indexesOf(lines, HOOK_END);
  if (begins.length || ends.length) {
    if (begins.length !== 1 || ends.length !== 1 || ends[0] < begins[0]) {
      return { text, changed: false, refused: { reason: 'damaged-block', detail: `${begins.length} begin and ${ends.length} end marker(s)` } };
    }
    return result(text, [...lines.slice(0, begins[0]), ...block, ...lines.slice(ends[0] + 1)].join(eol));
  }
  const interpreter = shebangInterpreter(lines[0]);
  if (interpreter !== undefined && !SHELLS.has(interpreter)) return { text, changed: false, refused: { reason: 'not-a-shell-script', interpreter } };
  const at = interpreter === undefined ? 0 : 1;
  const after = lines.length > at ? lines.slice(at) : [''];
  return result(text, [...lines.slice(0, at), ...block, ...after].join(eol));
}

/** Whether a hook already holds the block this invocation would write. */
export function hasCurrentHookBlock(existing: string | undefined, invocation: CliInvocation): boolean {
  return existing !== undefined && existing.includes(HOOK_BEGIN) && !preCommitHookWith(existing, invocation).changed;
}

function result(before: string, after: string): HookUpdate {
  return { text: after, changed: after !== before };
}

function indexesOf(lines: string[], marker: string): number[] {
  return lines.flatMap((l, i) => (l.trim() === marker ? [i] : []));
}

/**
 * The program a `#!` line runs, by its base name: `#!/bin/sh -e` is sh, `#!/usr/bin/env -S bash -eu` is bash.
 * Undefined when the first line is not a `#!` line.
 */
export function shebangInterpreter(firstLine: string | undefined): string | undefined {
  const match = /^#!\s*(.*)$/.exec(firstLine?.replace(/^\uFEFF/, '') ?? '');
  if (!match) return undefined;
  const words = match[1]
    .trim()
    .split(/\s+/)
    .filter((w) => w !== '');
  const program = (w: string | undefined) => (w ?? '').slice((w ?? '').lastIndexOf('/') + 1);
  if (program(words[0]) !== 'env') return program(words[0]);
  return program(words.slice(1).find((w) => !w.startsWith('-') && !w.includes('=')));
}
