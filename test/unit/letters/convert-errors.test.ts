// What the converter refuses, and how it says so: broken XML, web pages, other roots, wrong ids, encodings.
import { strict as assert } from 'node:assert';
import { convertPublication, declaredEncoding, decodeXml, LetterError, type LetterErrorCode } from '../../../src/core/letters';
import { koopFixture } from './koop-fixtures';

function refused(run: () => unknown, code: LetterErrorCode, message: RegExp): void {
  assert.throws(run, (e: unknown) => {
    assert.ok(e instanceof LetterError, String(e));
    assert.equal(e.code, code);
    assert.match(e.message, message);
    return true;
  });
}

const MINIMAL = (id = 'kst-29754-999') =>
  `<officiele-publicatie><metadata><meta name="OVERHEIDop.externMetadataRecord" content="https://zoek.officielebekendmakingen.nl/${id}/metadata.xml"/></metadata><kamerstuk><stuk><al>x</al></stuk></kamerstuk></officiele-publicatie>`;

describe('KOOP XML to markdown: refusals', () => {
  it('a truncated file is an error with its line and column, never a partial letter', () => {
    refused(() => convertPublication(koopFixture('kst-29754-716.truncated.xml')), 'malformed', /not well-formed XML \(line 8, column \d+\)/);
  });

  it('an HTML error page is refused with a message that says what it is', () => {
    refused(() => convertPublication(koopFixture('error-page.html')), 'not-xml', /web page, not the publication's XML/);
    refused(() => convertPublication('<?xml version="1.0"?>\n<html><body>Fout</body></html>'), 'not-xml', /web page/);
  });

  it('XML that is not a KOOP publication is refused, naming its root', () => {
    refused(() => convertPublication('<?xml version="1.0"?><feed><entry/></feed>'), 'malformed', /root element is <feed>/);
  });

  it('a DOCTYPE declaring entities is refused (no entity is ever expanded)', () => {
    const xml = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><officiele-publicatie>&e;</officiele-publicatie>';
    refused(() => convertPublication(xml), 'malformed', /not well-formed XML/);
  });

  it('a publication that names itself otherwise than the id asked for is refused', () => {
    refused(() => convertPublication(MINIMAL('kst-29754-998'), { id: 'kst-29754-999' }), 'mismatch', /kst-29754-998, not kst-29754-999/);
    const meta = '<metadata_gegevens><metadata name="DC.identifier" content="kst-1-2"/></metadata_gegevens>';
    refused(() => convertPublication(MINIMAL(), { id: 'kst-29754-999', metadataXml: meta }), 'mismatch', /metadata is of kst-1-2/);
    assert.equal(convertPublication(MINIMAL(), {}).id, 'kst-29754-999');
    refused(() => convertPublication(MINIMAL(), { id: 'geen id' }), 'unsupported', /not a canonical id/);
  });

  it('a publication that does not say which document it is, with no id asked for, is refused', () => {
    refused(
      () => convertPublication('<officiele-publicatie><kamerstuk><stuk><al>x</al></stuk></kamerstuk></officiele-publicatie>'),
      'malformed',
      /does not say which document/,
    );
  });
});

describe('KOOP XML: encodings', () => {
  it('a file declaring ISO-8859-1 is decoded by its declaration', () => {
    const bytes = koopFixture('kst-29754-999.latin1.xml');
    assert.equal(declaredEncoding(bytes), 'iso-8859-1');
    assert.ok(bytes.includes(0xef), 'the fixture holds ï as one Latin-1 byte');
    const md = convertPublication(bytes).markdown;
    assert.match(md, /Wij hebben uw Kamer geïnformeerd over de coördinatie\./);
  });

  it('UTF-8 with a BOM, UTF-16 by its BOM, and UTF-8 by default', () => {
    const text = '<?xml version="1.0"?><a>ë</a>';
    assert.equal(decodeXml(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)])), text);
    const utf16 = new Uint8Array([0xff, 0xfe, ...[...text].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]);
    assert.equal(decodeXml(utf16), text);
    assert.equal(decodeXml(new TextEncoder().encode(text)), text);
  });

  it('bytes that are not valid in the declared encoding, or an encoding that cannot be decoded, are errors', () => {
    refused(
      () => decodeXml(new Uint8Array([...new TextEncoder().encode('<?xml version="1.0" encoding="UTF-8"?><a>'), 0xeb, 0x3c])),
      'encoding',
      /not valid utf-8/,
    );
    refused(() => decodeXml(new TextEncoder().encode('<?xml version="1.0" encoding="x-klingon"?><a/>')), 'encoding', /'x-klingon', which cannot be decoded/);
  });
});
