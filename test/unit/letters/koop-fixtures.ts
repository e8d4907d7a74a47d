// The KOOP fixtures of test/fixtures/koop (all reconstructed, none recorded; see each file's header).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const KOOP_FIXTURES = join(__dirname, '../../fixtures/koop');

export function koopFixture(name: string): Buffer {
  return readFileSync(join(KOOP_FIXTURES, name));
}
