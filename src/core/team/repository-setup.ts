// Whether a repository is set up for the team workflow: its `.gitattributes` names the kamerstuk merge driver,
// and the git config runs this extension's CLI for it. Used to offer the command "Set up team repository" once,
// e.g. in a fresh clone, whose local config has no merge driver yet.

import { type CliInvocation, driverStatus, type DriverStatus } from './cli-invocation';
import { namesMergeDriver } from './gitattributes';

export type TeamSetupState =
  /** `.gitattributes` does not name the driver: not a team repository (or not set up by anyone yet). */
  | { offer: false; reason: 'not-a-team-repository' }
  /** Names it, and the configured driver is this setup's, current, or the user's own command. */
  | { offer: false; reason: 'up-to-date' | 'own-driver'; driver: DriverStatus }
  /** Names it, and the driver is missing, stale or the unsafe `npx kamerstuk` recipe: offer the setup. */
  | { offer: true; reason: 'driver-missing' | 'driver-stale' | 'driver-unsafe'; driver: DriverStatus };

/**
 * `gitattributes`: the text of the repository's `.gitattributes` files (the root one, or several joined with
 * newlines; undefined when there is none). `driver`: `git config --get merge.kamerstuk.driver` (undefined when
 * unset). Reading the effective value, not only `--local`, avoids offering a setup the user made globally.
 * `expected`: the invocation this host would write.
 */
export function teamSetupState(gitattributes: string | undefined, driver: string | undefined, expected: CliInvocation): TeamSetupState {
  if (gitattributes === undefined || !namesMergeDriver(gitattributes)) return { offer: false, reason: 'not-a-team-repository' };
  const status = driverStatus(driver, expected);
  switch (status) {
    case 'missing':
      return { offer: true, reason: 'driver-missing', driver: status };
    case 'stale':
      return { offer: true, reason: 'driver-stale', driver: status };
    case 'package-runner':
      return { offer: true, reason: 'driver-unsafe', driver: status };
    case 'current':
      return { offer: false, reason: 'up-to-date', driver: status };
    case 'foreign':
      return { offer: false, reason: 'own-driver', driver: status };
  }
}
