import { strict as assert } from 'node:assert';
import { letterIdFromFileName, letterIdOf, letterVerdict } from '../../../src/core/letters';

describe('letter identity', () => {
  it('a letter: front matter kamerstuk, an official id as file name, or an annotation file beside it', () => {
    assert.deepEqual(letterVerdict('brief.md', '---\nkamerstuk: kst-29754-716\n---\n', false), { letter: true, id: 'kst-29754-716' });
    assert.deepEqual(letterVerdict('brief.md', '---\nkamerstuk: iets anders\n---\n', false), { letter: true });
    assert.deepEqual(letterVerdict('kst-36200-VI-45.md', '# Brief', false), { letter: true, id: 'kst-36200-VI-45' });
    assert.deepEqual(letterVerdict('notitie.md', '# Notitie', true), { letter: true });
    assert.deepEqual(letterVerdict('notitie.md', '---\ntitle: x\n---\nkamerstuk: not front matter', false), { letter: false });
    assert.deepEqual(letterVerdict('kst-29754-716.txt', '', true), { letter: false });
  });

  it('one file-name rule: the stem must be a whole official id, in any case, and the file .md', () => {
    // The two rules of 0.1.0 disagreed: one ignored case, only the other accepted TK document numbers.
    assert.equal(letterIdFromFileName('kst-29754-716.md'), 'kst-29754-716');
    assert.equal(letterIdFromFileName('KST-29754-716.MD'), 'kst-29754-716');
    assert.equal(letterIdFromFileName('kst-36200-vi-45.md'), 'kst-36200-VI-45');
    // The annotation file's letter is its .md sibling, so a .markdown file is a letter only by its front matter.
    assert.equal(letterIdFromFileName('kst-29754-716.markdown'), undefined);
    assert.equal(letterIdFromFileName('2024D25640.md'), '2024D25640');
    assert.equal(letterIdFromFileName('2024d25640.md'), '2024D25640');
    assert.equal(letterIdFromFileName('h-tk-20102011-108-5.md'), 'h-tk-20102011-108-5');
    assert.equal(letterIdFromFileName('stb-2022-524.md'), 'stb-2022-524');
    assert.equal(letterIdFromFileName('kst-notities.md'), undefined);
    assert.equal(letterIdFromFileName('kst-29754-716-concept.md'), undefined);
    assert.equal(letterIdFromFileName('kst-29754-716.txt'), undefined);
    assert.equal(letterIdFromFileName('2024D2564.md'), undefined);
  });

  it('the declared id wins over the file name; a BOM before the front matter is allowed', () => {
    assert.equal(letterIdOf('kst-29754-716.md', '---\nkamerstuk: kst-29754-680\n---\n'), 'kst-29754-680');
    assert.equal(letterIdOf('brief.md', '\ufeff---\r\nkamerstuk: Kamerstuk 29 754, nr. 680\r\n---\r\n'), undefined);
    assert.equal(letterIdOf('brief.md', '\ufeff---\r\nkamerstuk: kst-29754-680\r\n---\r\n'), 'kst-29754-680');
    assert.equal(letterIdOf('kst-29754-716.md', '---\nkamerstuk: [broken\n---\n'), 'kst-29754-716');
    assert.equal(letterIdOf('brief.md', '# no front matter'), undefined);
  });
});
