// Console and file access for CLI commands, injectable so unit tests can run commands in-process.
import { promises as fs } from 'node:fs';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  readFile(path: string): Promise<string>;
  cwd(): string;
}

export function nodeIo(): CliIo {
  return {
    out: (t) => process.stdout.write(t.endsWith('\n') ? t : t + '\n'),
    err: (t) => process.stderr.write(t.endsWith('\n') ? t : t + '\n'),
    readFile: (p) => fs.readFile(p, 'utf8'),
    cwd: () => process.cwd(),
  };
}

/** An expected failure: printed without a stack trace, with its exit code (2 = usage, 1 = check failed). */
export class CliError extends Error {
  constructor(message: string, readonly exitCode = 2) {
    super(message);
  }
}

export interface CliCommand {
  synopsis: string;
  run(args: string[], io: CliIo): Promise<number>;
}

/** Splits argv into positionals and flags; `--api URL` style options are listed in `withValue`. */
export function parseArgs(args: string[], withValue: string[] = []): { positional: string[]; flags: Map<string, string | true> } {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      positional.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const key = eq > 0 ? a.slice(2, eq) : a.slice(2);
      if (eq > 0) flags.set(key, a.slice(eq + 1));
      else if (withValue.includes(key)) {
        const v = args[++i];
        if (v === undefined) throw new CliError(`option --${key} needs a value`);
        flags.set(key, v);
      } else flags.set(key, true);
    } else positional.push(a);
  }
  return { positional, flags };
}
