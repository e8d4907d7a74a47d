// The `kamerstuk` command: a thin shell that dispatches to one module per subcommand.
import { commands } from './commands';
import { CliError, type CliIo, nodeIo, UsageError, usageLine } from './io';

export async function main(argv: string[], io: CliIo = nodeIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(usage());
    return name ? 0 : 2;
  }
  if (name === '--version') {
    io.out(VERSION);
    return 0;
  }
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!command) {
    io.err(`kamerstuk: unknown command '${name}'\n${usage()}`);
    return 2;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof CliError) {
      io.err(`kamerstuk ${name}: ${e.message}${e instanceof UsageError ? `\n${usageLine(name, command)}` : ''}`);
      return e.exitCode;
    }
    io.err(`kamerstuk ${name}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return 70;
  }
}

declare const __VERSION__: string | undefined;
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : 'dev';

function usage(): string {
  const lines = Object.entries(commands).map(([n, c]) => `  kamerstuk ${n} ${c.usage}\n      ${c.summary}`);
  return ['Usage:', ...lines, '', "Run 'kamerstuk <command> --help' for a command's options."].join('\n');
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
