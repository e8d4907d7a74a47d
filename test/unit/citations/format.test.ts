// Leidraad, short and link forms, and official URLs.
import { strict as assert } from 'node:assert';
import { formatCitation, officialUrl, scanText } from '../../../src/core/citations';
import { one } from './helpers';

describe('formatting citations', () => {
  const cases: Array<[string, string, string, string]> = [
    [
      'Kamerstukken II 2022–2023, 29 754, nr. 680',
      'Kamerstukken II 2022/23, 29 754, nr. 680',
      'Kamerstuk 29 754, nr. 680',
      '[Kamerstuk 29 754, nr. 680](https://zoek.officielebekendmakingen.nl/kst-29754-680.html)',
    ],
    [
      'Kamerstukken II 2022-2023, 36200-VI, nr. 45',
      'Kamerstukken II 2022/23, 36 200 VI, nr. 45',
      'Kamerstuk 36 200 VI, nr. 45',
      '[Kamerstuk 36 200 VI, nr. 45](https://zoek.officielebekendmakingen.nl/kst-36200-VI-45.html)',
    ],
    [
      '21501-32-1740',
      'Kamerstukken II 21 501-32, nr. 1740',
      'Kamerstuk 21 501-32, nr. 1740',
      '[Kamerstuk 21 501-32, nr. 1740](https://zoek.officielebekendmakingen.nl/kst-21501-32-1740.html)',
    ],
    [
      'Kamerstukken I 2014/15, 33802, C, p. 3',
      'Kamerstukken I 2014/15, 33 802, C, p. 3',
      'Kamerstuk 33 802, nr. C, p. 3',
      '[Kamerstuk 33 802, nr. C, p. 3](https://zoek.officielebekendmakingen.nl/kst-33802-C.html)',
    ],
    [
      'Handelingen II 2010/11, nr. 108, item 5',
      'Handelingen II 2010/11, nr. 108, item 5',
      'Handelingen II 2010/11, nr. 108, item 5',
      '[Handelingen II 2010/11, nr. 108, item 5](https://zoek.officielebekendmakingen.nl/h-tk-20102011-108-5.html)',
    ],
    [
      'ah-tk-20142015-1241',
      'Aanhangsel Handelingen II 2014/15, nr. 1241',
      'Aanhangsel Handelingen II 2014/15, nr. 1241',
      '[Aanhangsel Handelingen II 2014/15, nr. 1241](https://zoek.officielebekendmakingen.nl/ah-tk-20142015-1241.html)',
    ],
    ['stb-2022-524', 'Stb. 2022, 524', 'Stb. 2022, 524', '[Stb. 2022, 524](https://zoek.officielebekendmakingen.nl/stb-2022-524.html)'],
  ];
  for (const [input, leidraad, short, link] of cases) {
    it(input, () => {
      const r = one(input);
      assert.equal(formatCitation(r, 'leidraad'), leidraad);
      assert.equal(formatCitation(r, 'short'), short);
      assert.equal(formatCitation(r, 'link'), link);
    });
  }

  it('a list stays one citation', () => {
    const refs = scanText('Kamerstukken II 2015/16, 34442, nrs. 520 en 548');
    assert.equal(formatCitation(refs, 'leidraad'), 'Kamerstukken II 2015/16, 34 442, nrs. 520 en 548');
    assert.equal(formatCitation(refs, 'short'), 'Kamerstukken 34 442, nrs. 520 en 548');
  });

  it('a vergaderjaar from elsewhere (metadata) can be supplied', () => {
    assert.equal(formatCitation(one('kst-29754-680'), 'leidraad', { vergaderjaar: '2022-2023' }), 'Kamerstukken II 2022/23, 29 754, nr. 680');
  });

  it('official URLs', () => {
    assert.equal(officialUrl('kst-29754-680'), 'https://zoek.officielebekendmakingen.nl/kst-29754-680.html');
    assert.equal(officialUrl('dossier-36200-VI'), 'https://zoek.officielebekendmakingen.nl/dossier/36200-VI');
    assert.equal(officialUrl('2024Z10806'), 'https://www.tweedekamer.nl/kamerstukken/detail?id=2024Z10806');
    assert.equal(officialUrl(null), null);
    assert.equal(formatCitation(one('de motie Ellian c.s.'), 'link'), null);
  });
});
