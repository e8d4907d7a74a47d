import { strict as assert } from 'node:assert';
import { letterUnits, splitSentences } from '../../../src/core/suggestions';

const sentences = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end));
const withCitations = (text: string) => letterUnits(text).map((u) => u.text);

describe('suggestions: sentence splitting', () => {
  it('keeps abbreviations inside their sentence (o.a., m.b.t., bijv., nr., art., e.d., d.w.z., mr., dhr., etc.)', () => {
    const text =
      'Zie o.a. de brief van dhr. Jansen m.b.t. de Wet. Er zijn bijv. kosten, subsidies e.d. die meetellen. Het gaat om art. 3 van de wet, d.w.z. de kern. ' +
      'Mr. Pietersen schreef het, etc. Dat is alles.';
    assert.deepEqual(sentences(text), [
      'Zie o.a. de brief van dhr. Jansen m.b.t. de Wet.',
      'Er zijn bijv. kosten, subsidies e.d. die meetellen.',
      'Het gaat om art. 3 van de wet, d.w.z. de kern.',
      'Mr. Pietersen schreef het, etc.',
      'Dat is alles.',
    ]);
  });

  it('ends a sentence after jl., a.s., enz., etc., e.v., mln. and mld. when a capital or a new line follows', () => {
    assert.deepEqual(sentences('Het overleg was op 5 juni jl. Ik zal uw Kamer voor de zomer informeren.'), [
      'Het overleg was op 5 juni jl.',
      'Ik zal uw Kamer voor de zomer informeren.',
    ]);
    for (const [end, next] of [
      ['De brief komt op 1 april a.s.', 'Ik zal uw Kamer daarna informeren.'],
      ['Het gaat om scholen, bibliotheken enz.', 'De minister zal uw Kamer informeren.'],
      ['Zie Kamerstukken II 2023/24, 29 754, nr. 716, blz. 3 e.v.', 'Ik zal u voor de zomer informeren.'],
      ['Het bedrag is € 1,5 mln.', 'Ik zal uw Kamer informeren.'],
      ['Het kabinet investeert 3 mld.', '“Wij doen dit,” zegt de minister.'],
    ])
      assert.deepEqual(sentences(`${end} ${next}`), [end, next]);
    assert.deepEqual(
      letterUnits('Het overleg was op 5 juni jl.\n1.000 mensen kwamen.').map((u) => u.text),
      ['Het overleg was op 5 juni jl.', '1.000 mensen kwamen.'],
    );
  });

  it('keeps those abbreviations in the sentence before a lower-case word, and o.a., dhr., mr. even before a capital', () => {
    for (const text of [
      'Zie de brief van 5 juni jl. aan uw Kamer.',
      'Het overleg van 5 juni jl.\naan uw Kamer is verzet.',
      'De heer Van der Burg e.a. zegt toe de brief te sturen.',
      'Het kabinet investeert 3 mld. extra in de IND.',
      'Dit geldt voor o.a. Nederland en België.',
      'Zoals gemeld door dhr. Jansen en mr. Pietersen.',
      'De minister (mr. dr. A.B. Jansen) zal u informeren.',
      'Dit gebeurt o.b.v. Europese regels.',
    ])
      assert.deepEqual(sentences(text), [text]);
  });

  it('splits the reference test sentence as a reader would (shared reference §5.5)', () => {
    const text =
      'Zie o.a. Kamerstuk 29 754, nr. 680, p. 3. De heer Van der Burg e.a. zegt toe … (blz. 4). Art. 3.1 Wet x. Dit is i.v.m. de Wet. Zie bijv. de brief d.d. 5 juni jl. aan uw Kamer.';
    assert.deepEqual(sentences(text), [
      'Zie o.a. Kamerstuk 29 754, nr. 680, p. 3.',
      'De heer Van der Burg e.a. zegt toe … (blz. 4).',
      'Art. 3.1 Wet x.',
      'Dit is i.v.m. de Wet.',
      'Zie bijv. de brief d.d. 5 juni jl. aan uw Kamer.',
    ]);
  });

  it('never splits inside a citation the scanner recognises', () => {
    const text = 'Dit staat in Kamerstukken II 2022/23, 29 754, nr. 680. De minister zal uw Kamer informeren.';
    assert.deepEqual(withCitations(text), ['Dit staat in Kamerstukken II 2022/23, 29 754, nr. 680.', 'De minister zal uw Kamer informeren.']);
    const joint = 'Zie Kamerstukken I 2008/09, 22 112 / 31 544, CK, p. 3. Daarna volgt meer.';
    assert.equal(withCitations(joint)[0], 'Zie Kamerstukken I 2008/09, 22 112 / 31 544, CK, p. 3.');
  });

  it('ends sentences after closing quotes and question marks, and keeps amounts, dates and other citations whole', () => {
    assert.deepEqual(
      withCitations(
        'Het rapport «Ongekend onrecht». Wat nu? Zie Stb. 2022, 524. Zie Handelingen II 2022/23, nr. 22, item 19. Op 1 jan. 2024 kost het 3,5 mld. euro.',
      ),
      [
        'Het rapport «Ongekend onrecht».',
        'Wat nu?',
        'Zie Stb. 2022, 524.',
        'Zie Handelingen II 2022/23, nr. 22, item 19.',
        'Op 1 jan. 2024 kost het 3,5 mld. euro.',
      ],
    );
  });

  it('keeps a markdown footnote marker with the sentence it ends', () => {
    const text = 'Wij informeerden u over de nareisprocedure.[^1] In deze brief informeren wij uw Kamer.';
    assert.deepEqual(sentences(text), ['Wij informeerden u over de nareisprocedure.[^1]', 'In deze brief informeren wij uw Kamer.']);
  });

  it('ends a sentence after a printed footnote number (`(Woo).1 Met …`) but not inside a decimal', () => {
    const text = 'Ik heb u geïnformeerd over de Wet open overheid (Woo).1 Met deze brief informeer ik u opnieuw. Artikel 3.1 geldt.';
    assert.deepEqual(sentences(text), [
      'Ik heb u geïnformeerd over de Wet open overheid (Woo).1',
      'Met deze brief informeer ik u opnieuw.',
      'Artikel 3.1 geldt.',
    ]);
  });

  it('keeps initials with the name and ends a sentence after a letter that is not an initial', () => {
    assert.deepEqual(sentences('De brief is van R.W. Knops. Hij tekende.'), ['De brief is van R.W. Knops.', 'Hij tekende.']);
    assert.deepEqual(sentences('Het staat in bijlage B. Daar staat meer.'), ['Het staat in bijlage B.', 'Daar staat meer.']);
  });

  it('makes headings and list items their own units, with the section they are under', () => {
    const text = '## Maatregelen\n\n### 1. Het versterken van de screening.\n\nDe IND werkt. Dat gaat goed.\n\n- Eerste actie. Met uitleg.\n- Tweede actie\n';
    const units = letterUnits(text);
    assert.deepEqual(
      units.map((u) => [u.kind, u.text, u.section?.text ?? '']),
      [
        ['heading', 'Maatregelen', ''],
        ['heading', 'Het versterken van de screening.', 'Maatregelen'],
        ['sentence', 'De IND werkt.', 'Het versterken van de screening.'],
        ['sentence', 'Dat gaat goed.', 'Het versterken van de screening.'],
        ['item', 'Eerste actie.', 'Het versterken van de screening.'],
        ['item', 'Met uitleg.', 'Het versterken van de screening.'],
        ['item', 'Tweede actie', 'Het versterken van de screening.'],
      ],
    );
    assert.equal(units[1].heading?.number, '1');
    assert.equal(units[2].parentSection?.text, 'Maatregelen');
  });

  it('leaves out front matter and footnote definitions', () => {
    const text = '---\nkamerstuk: kst-1-2\n---\n\nEen zin.[^1]\n\n[^1]: Kamerstukken II 2022–2023, 29 754, nr. 680.\n';
    assert.deepEqual(withCitations(text), ['Een zin.[^1]']);
  });
});
