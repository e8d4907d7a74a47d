// One module per subcommand; add new ones here.
import type { CliCommand } from '../io';

export const commands: Record<string, CliCommand> = {};
