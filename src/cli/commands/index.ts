// One module per subcommand; add new ones here.
import type { CliCommand } from '../io';
import { resolveCommand } from './resolve';

export const commands: Record<string, CliCommand> = {
  resolve: resolveCommand,
};
