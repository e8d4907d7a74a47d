// One module per subcommand; add new ones here.
import type { CliCommand } from '../io';
import { anchorCommand } from './anchor';
import { checkCommand } from './check';
import { exportCommand } from './export';
import { importCommand } from './import';
import { mergeDriverCommand } from './merge-driver';
import { refsCommand } from './refs';
import { reportCommand } from './report';
import { resolveCommand } from './resolve';

export const commands: Record<string, CliCommand> = {
  anchor: anchorCommand,
  check: checkCommand,
  export: exportCommand,
  import: importCommand,
  refs: refsCommand,
  report: reportCommand,
  'merge-driver': mergeDriverCommand,
  resolve: resolveCommand,
};
