import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatMessage, message, MESSAGES } from '../../../src/core/annotations/messages';
import { DEFAULT_TAGS, taxonomyFromSetting } from '../../../src/core/annotations/taxonomy';

describe('annotation messages and taxonomy', () => {
  const nl = JSON.parse(readFileSync(join(__dirname, '../../../l10n/parts/annotations.nl.json'), 'utf8')) as Record<string, string>;

  it('every template has a Dutch translation with the same placeholders', () => {
    for (const template of Object.values(MESSAGES)) {
      assert.ok(nl[template], `missing: ${template}`);
      const holes = (s: string) => (s.match(/\{\d+\}/g) ?? []).sort().join();
      assert.equal(holes(nl[template]), holes(template), template);
    }
  });

  it('formats templates with their arguments', () => {
    assert.equal(formatMessage(message(MESSAGES.duplicateId, 'abc', 7)), 'Duplicate annotation id "abc" (first used on line 7)');
  });

  it('has the three default tags with Dutch labels and colours', () => {
    assert.deepEqual(
      DEFAULT_TAGS.map((t) => [t.id, t.label]),
      [
        ['measure', 'maatregel'],
        ['commitment', 'toezegging'],
        ['conclusion', 'conclusie'],
      ],
    );
    assert.ok(DEFAULT_TAGS.every((t) => /^#[0-9a-f]{6}$/.test(t.color)));
  });

  it('extends, overrides and removes tags from the setting; bad entries are reported', () => {
    const { taxonomy, problems } = taxonomyFromSetting({
      risk: { label: 'risico', color: '#c62828' },
      measure: { label: 'Maatregel' },
      conclusion: null,
      '1bad': {},
    });
    assert.deepEqual([...taxonomy.keys()], ['measure', 'commitment', 'risk']);
    assert.equal(taxonomy.get('measure')!.label, 'Maatregel');
    assert.equal(taxonomy.get('measure')!.color, DEFAULT_TAGS[0].color);
    assert.equal(problems.length, 1);
    assert.ok(taxonomyFromSetting([{ id: 'x', label: 'X' }]).taxonomy.has('x'));
  });
});
