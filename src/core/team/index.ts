// Public API of the team repository setup (no vscode, no node: pure text in, text out). The VS Code command
// "Set up team repository" reads and writes the files and git config these functions compute.

export * from './constants';
export { shellQuote, shellPath, shellWords, escapeGitPercent, unescapeGitPercent } from './shell';
export {
  type CliInvocation,
  type DriverStatus,
  cliPrefix,
  mergeDriverCommand,
  checkCommand,
  mergeDriverConfig,
  parseDriverCommand,
  sameInvocation,
  isOurDriverCommand,
  driverStatus,
} from './cli-invocation';
export {
  type AttributeLine,
  type AttributeConflict,
  type GitattributesUpdate,
  GITATTRIBUTES_COMMENT,
  parseGitattributes,
  namesMergeDriver,
  gitattributesWithMergeDriver,
  lineEnding,
} from './gitattributes';
export {
  type HookRefusal,
  type HookUpdate,
  HOOK_BEGIN,
  HOOK_END,
  CHECKED_PATHSPECS,
  hookBlock,
  preCommitHookWith,
  hasCurrentHookBlock,
  shebangInterpreter,
} from './pre-commit-hook';
export { type TeamSetupState, teamSetupState } from './repository-setup';
