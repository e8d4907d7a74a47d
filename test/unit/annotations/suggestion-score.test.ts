// The score in a suggestion's note (src/vscode/annotations/commands/suggestion-score.ts, no vscode import).
import { strict as assert } from 'node:assert';
import { formatScore } from '../../../src/vscode/annotations/commands/suggestion-score';

describe("a suggestion's score in the display language", () => {
  it('writes a decimal comma in Dutch and a point in English, always two decimals', () => {
    assert.equal(formatScore(0.75, 'nl'), '0,75');
    assert.equal(formatScore(0.5, 'nl-NL'), '0,50');
    assert.equal(formatScore(0.753, 'en'), '0.75');
  });

  it('falls back to two decimals for a language tag Intl refuses', () => {
    assert.equal(formatScore(0.75, 'not a language!'), '0.75');
  });
});
