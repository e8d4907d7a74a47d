// How git runs the CLI this extension ships: the command lines for `merge.kamerstuk.driver` and the pre-commit
// hook, and reading a configured driver back to tell whether this setup wrote it and whether it is still current.

import { CLI_FILE_NAME, MERGE_DRIVER_DESCRIPTION, MERGE_DRIVER_KEY, MERGE_DRIVER_NAME_KEY } from './constants';
import { baseName, escapeGitPercent, shellPath, shellQuote, shellWords, unescapeGitPercent } from './shell';

/** A JavaScript runtime and the CLI bundle it runs. */
export interface CliInvocation {
  /** An absolute path. Desktop VS Code: its Electron binary; a remote or code-server host: its Node (`process.execPath`). */
  runtime: string;
  /** The CLI copied to a stable place, e.g. `<globalStorage>/bin/kamerstuk.js`. */
  cli: string;
  /** True when `runtime` is Electron, which behaves as Node only with `ELECTRON_RUN_AS_NODE=1`. */
  electron: boolean;
}

const ELECTRON_AS_NODE = 'ELECTRON_RUN_AS_NODE=1';
const MERGE_ARGS = ['merge-driver', '%O', '%A', '%B'];

/** `[ELECTRON_RUN_AS_NODE=1] '<runtime>' '<cli>'`: the start of every command line, for sh. */
export function cliPrefix(invocation: CliInvocation): string {
  const words = [shellQuote(shellPath(invocation.runtime)), shellQuote(shellPath(invocation.cli))];
  return (invocation.electron ? [ELECTRON_AS_NODE, ...words] : words).join(' ');
}

/** The value of `merge.kamerstuk.driver`: `... '<cli>' merge-driver %O %A %B`, with `%` in paths escaped for git. */
export function mergeDriverCommand(invocation: CliInvocation): string {
  return `${escapeGitPercent(cliPrefix(invocation))} ${MERGE_ARGS.join(' ')}`;
}

/** The command line of `kamerstuk check [dir]` for a sh script (no `%` escaping: git does not expand hooks). */
export function checkCommand(invocation: CliInvocation, dir?: string): string {
  return `${cliPrefix(invocation)} check${dir === undefined ? '' : ` ${shellQuote(shellPath(dir))}`}`;
}

/** The local git config entries to set, in order: `merge.kamerstuk.name` and `merge.kamerstuk.driver`. */
export function mergeDriverConfig(invocation: CliInvocation): Array<[key: string, value: string]> {
  return [
    [MERGE_DRIVER_NAME_KEY, MERGE_DRIVER_DESCRIPTION],
    [MERGE_DRIVER_KEY, mergeDriverCommand(invocation)],
  ];
}

/**
 * Reads a `merge.kamerstuk.driver` value written by `mergeDriverCommand` back into its invocation: an optional
 * `ELECTRON_RUN_AS_NODE=1`, a runtime, a CLI named kamerstuk.js and exactly `merge-driver %O %A %B`. Paths come
 * back in `shellPath` form. Undefined for any other command line.
 */
export function parseDriverCommand(value: string): CliInvocation | undefined {
  const words = shellWords(unescapeGitPercent(value));
  if (!words) return undefined;
  const electron = words[0] === ELECTRON_AS_NODE;
  const rest = electron ? words.slice(1) : words;
  if (rest.length !== 2 + MERGE_ARGS.length || MERGE_ARGS.some((a, i) => rest[2 + i] !== a)) return undefined;
  const [runtime, cli] = rest;
  if (baseName(cli) !== CLI_FILE_NAME || runtime.includes('=')) return undefined;
  return { runtime, cli, electron };
}

/** Whether two invocations run the same CLI the same way (paths compared in `shellPath` form). */
export function sameInvocation(a: CliInvocation, b: CliInvocation): boolean {
  return shellPath(a.runtime) === shellPath(b.runtime) && shellPath(a.cli) === shellPath(b.cli) && a.electron === b.electron;
}

/**
 * Whether a configured driver command is one this setup wrote (`ours`) and, given the invocation it would write
 * now, whether it still runs that (`current`); ours but not current means stale: repair it.
 */
export function isOurDriverCommand(value: string, expected?: CliInvocation): { ours: boolean; current: boolean } {
  const parsed = parseDriverCommand(value);
  return { ours: parsed !== undefined, current: parsed !== undefined && expected !== undefined && sameInvocation(parsed, expected) };
}

/**
 * A configured `merge.kamerstuk.driver`:
 * - `missing`: not set (a fresh clone; git then dies with "custom merge driver kamerstuk lacks command line" if
 *   `merge.kamerstuk.name` is set, else falls back to a line merge that conflicts);
 * - `current`: written by this setup and running `expected`;
 * - `stale`: written by this setup for another runtime or CLI path (VS Code moved, another host);
 * - `package-runner`: runs a package runner (the old `npx kamerstuk ...` recipe), which fetches and runs
 *   whatever npm package is named kamerstuk: not ours, so replace it;
 * - `foreign`: some other command; the user's own choice, not to be replaced without asking.
 */
export type DriverStatus = 'missing' | 'current' | 'stale' | 'package-runner' | 'foreign';

export function driverStatus(value: string | undefined, expected: CliInvocation): DriverStatus {
  if (value === undefined || value.trim() === '') return 'missing';
  const { ours, current } = isOurDriverCommand(value, expected);
  if (ours) return current ? 'current' : 'stale';
  return runsPackageRunner(value) ? 'package-runner' : 'foreign';
}

const RUNNERS = new Set(['npx', 'pnpx', 'bunx']);
const RUNNER_SUBCOMMANDS = new Map([
  ['npm', ['exec', 'x']],
  ['pnpm', ['dlx']],
  ['yarn', ['dlx']],
]);

/** Whether a command line runs `npx`, `npm exec`, `pnpm dlx`, `yarn dlx`, `bunx`... anywhere. */
function runsPackageRunner(value: string): boolean {
  const words = (shellWords(value) ?? value.split(/\s+/)).map((w) => baseName(w).replace(/\.(?:cmd|exe)$/i, ''));
  return words.some((w, i) => RUNNERS.has(w) || (RUNNER_SUBCOMMANDS.get(w)?.includes(words[i + 1] ?? '') ?? false));
}
