// Console and file access for CLI commands, injectable so unit tests can run commands in-process, and
// `defineCommand`: each command's options parsed strictly by node:util's parseArgs, with `--help` and usage errors.
import { promises as fs } from 'node:fs';
import { parseArgs } from 'node:util';

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
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

/** Wrong usage (exit 2): printed as one line followed by the command's usage line. */
export class UsageError extends CliError {
  constructor(message: string) {
    super(message, 2);
  }
}

export interface CliCommand {
  /** Arguments and options as in the usage line, e.g. `[dir] [--strict]`. */
  usage: string;
  /** One line for `kamerstuk --help`. */
  summary: string;
  run(args: string[], io: CliIo): Promise<number>;
}

/** `usage: kamerstuk <name> <usage>`, the last line of every usage error. */
export function usageLine(name: string, command: CliCommand): string {
  return `usage: kamerstuk ${name} ${command.usage}`;
}

type OptionSpecs = Readonly<Record<string, { readonly type: 'string' | 'boolean' }>>;

/** What the options parsed to: a string for value options, `true` for flags, absent when not given. */
export type OptionValues<O extends OptionSpecs> = { [K in keyof O]?: O[K]['type'] extends 'string' ? string : boolean };

export interface CommandSpec<O extends OptionSpecs> {
  name: string;
  usage: string;
  summary: string;
  /** Every option the command takes, besides `-h`/`--help`; anything else is a usage error. */
  options: O;
  /** Printed by `--help` below the usage line: what the command does, its options, its exit status. */
  help: string;
  run(args: { positionals: string[]; values: OptionValues<O> }, io: CliIo): Promise<number>;
}

const HELP_OPTION = { help: { type: 'boolean', short: 'h' } } as const;

/** A command whose arguments are parsed strictly; `--help` prints its usage and help text and exits 0. */
export function defineCommand<O extends OptionSpecs>(spec: CommandSpec<O>): CliCommand {
  return {
    usage: spec.usage,
    summary: spec.summary,
    async run(args, io) {
      const { positionals, values } = parseStrict(args, { ...spec.options, ...HELP_OPTION });
      if (values.help === true) {
        io.out(`Usage: kamerstuk ${spec.name} ${spec.usage}\n\n${spec.help}`);
        return 0;
      }
      delete values.help;
      return spec.run({ positionals, values: values as OptionValues<O> }, io);
    },
  };
}

/** node:util parseArgs in strict mode; its errors become a UsageError with one short line of our own. */
function parseStrict(args: string[], options: OptionSpecs): { positionals: string[]; values: Record<string, string | boolean | undefined> } {
  try {
    const { positionals, values } = parseArgs({ args, options, strict: true, allowPositionals: true });
    return { positionals, values: values as Record<string, string | boolean | undefined> };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    if (!code.startsWith('ERR_PARSE_ARGS_')) throw e;
    throw new UsageError(describeParseError(args, options) ?? (e as Error).message.split('\n')[0]);
  }
}

/** Which argument strict parsing rejected, found by re-reading the tokens leniently (Node's wording is long). */
function describeParseError(args: string[], options: OptionSpecs): string | undefined {
  const { tokens } = parseArgs({ args, options, strict: false, allowPositionals: true, tokens: true });
  for (const t of tokens) {
    if (t.kind !== 'option') continue;
    const type = Object.hasOwn(options, t.name) ? options[t.name].type : undefined;
    if (type === undefined) return `unknown option '${t.rawName}'`;
    if (type === 'boolean' && t.value !== undefined) return `option '${t.rawName}' takes no value`;
    // Like strict mode, a separate value that looks like an option is taken as a forgotten value.
    if (type === 'string' && (t.value === undefined || (!t.inlineValue && t.value.length > 1 && t.value.startsWith('-')))) {
      return `option '${t.rawName}' needs a value`;
    }
  }
  return undefined;
}

/** `1 file`, `3 files`: a count with its noun in English (`plural` when it is not the noun with an s). */
export function count(n: number, noun: string, plural = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : plural}`;
}
