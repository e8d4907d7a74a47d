// A KOOP publication (`{id}.xml`, with its `metadata.xml` when there is one) -> a markdown letter with front
// matter, and the catalog record of the document. Pure and deterministic: the same input gives byte-identical
// output, so a re-import shows a clean diff in git.
import type { Root as MdastRoot, RootContent } from 'mdast';
import type { DocumentMetadata } from '../metadata/model';
import { kamerstukId, officialPublicationUrl, parseCanonicalId } from '../metadata/ids';
import { LetterError } from './errors';
import { writeMarkdown } from './markdown-writer';
import { frontMatterOf } from './front-matter-writer';
import { ConversionContext } from './koop-context';
import { publicationFacts, type PublicationFacts } from './koop-facts';
import { KoopWriter } from './koop-flow';
import { TOP } from './koop-headings';
import { koopFields, looksLikeWebPage, metadataFromKoopFields, readMetadataXml, type KoopField } from './koop-metadata';
import { child, decodeXml, parseXml, rootElement, type XmlInput } from './xml';

export interface ConvertOptions {
  /** The id asked for: a publication that names itself otherwise is refused. */
  id?: string;
  /** `{id}/metadata.xml`; without it title, soort and date come from the publication itself (a warning says so). */
  metadataXml?: XmlInput;
  /** What KOOP does not give and the workspace knows (the letter's current front matter, the team catalog). */
  known?: { documentnummer?: string; zaaknummer?: string };
}

export interface Conversion {
  id: string;
  /** The letter: front matter, then the text. LF line endings, ends with one newline. */
  markdown: string;
  /** The record for the team catalog. */
  metadata: DocumentMetadata;
  /** Each kind of problem once (unknown elements, links kept as text, a missing metadata.xml). */
  warnings: string[];
}

const TK_DOCUMENT = /^(?:19|20)\d{2}D\d{5}$/;
const TK_ZAAK = /^(?:19|20)\d{2}Z\d{5}$/;

export function convertPublication(xml: XmlInput, options: ConvertOptions = {}): Conversion {
  const text = decodeXml(xml);
  if (looksLikeWebPage(text)) {
    throw new LetterError('not-xml', "the answer is a web page, not the publication's XML (an unknown id answers this way)");
  }
  const root = rootElement(parseXml(text));
  if (!root || root.name !== 'officiele-publicatie') {
    throw new LetterError('malformed', `not a KOOP publication: the root element is <${root?.name ?? ''}>, not <officiele-publicatie>`);
  }
  const ctx = new ConversionContext();
  const facts = publicationFacts(root);
  let fields: KoopField[] = koopFields(child(root, 'metadata'));
  if (options.metadataXml !== undefined) fields = [...readMetadataXml(options.metadataXml), ...fields];
  else ctx.warn('no metadata.xml was read: title, soort and date are taken from the publication itself');

  const id = documentId(options.id, fields, facts);
  const meta = mergeFacts(metadataFromKoopFields(id, fields), facts, options.known);

  ctx.indexVoetnoten(root);
  const writer = new KoopWriter(ctx);
  const body: RootContent[] = [...writer.flow(root, TOP), ...ctx.definitions];
  if (body.length === 0) ctx.warn('the publication has no text');
  const tree: MdastRoot = { type: 'root', children: body };
  const markdown = `${frontMatterOf(meta, meta.links?.html)}\n${writeMarkdown(tree)}`;
  return { id, markdown, metadata: meta, warnings: ctx.warnings() };
}

/** The document's id: the one asked for, checked against what the publication calls itself. */
function documentId(requested: string | undefined, fields: readonly KoopField[], facts: PublicationFacts): string {
  const asked = requested === undefined ? undefined : parseCanonicalId(requested)?.id;
  if (requested !== undefined && !asked) throw new LetterError('unsupported', `'${requested}' is not a canonical id`);
  if (asked && facts.id && facts.id !== asked) throw new LetterError('mismatch', `the publication is ${facts.id}, not ${asked}`);
  const named = fields.find((f) => f.name === 'DC.identifier')?.content;
  const fromParts = facts.dossier && facts.ondernummer ? kamerstukId(facts.dossier.nummer, facts.dossier.toevoeging, facts.ondernummer) : undefined;
  const id = asked ?? facts.id ?? (named ? parseCanonicalId(named)?.id : undefined) ?? (fromParts ? parseCanonicalId(fromParts)?.id : undefined);
  if (!id) throw new LetterError('malformed', 'the publication does not say which document it is (no id, dossier or ondernummer)');
  return id;
}

/** metadata.xml's record completed by the XML's own facts (signatories with their function) and known TK numbers. */
function mergeFacts(meta: DocumentMetadata, facts: PublicationFacts, known: ConvertOptions['known']): DocumentMetadata {
  const out: DocumentMetadata = { ...meta };
  out.title ??= facts.title;
  out.date ??= facts.date;
  out.vergaderjaar ??= facts.vergaderjaar;
  out.ondernummer ??= facts.ondernummer;
  if (facts.dossier) {
    const nummer = out.dossier?.nummer ?? facts.dossier.nummer;
    const sameDossier = !out.dossier || out.dossier.nummer === facts.dossier.nummer;
    const toevoeging = out.dossier?.toevoeging ?? (sameDossier ? facts.dossier.toevoeging : undefined);
    const titel = out.dossier?.titel ?? facts.dossier.titel;
    out.dossier = { nummer, ...(toevoeging ? { toevoeging } : {}), ...(titel ? { titel } : {}) };
  }
  if (facts.signatories.length) out.signatories = facts.signatories;
  if (known?.documentnummer && TK_DOCUMENT.test(known.documentnummer)) out.documentnummer = known.documentnummer;
  if (known?.zaaknummer && TK_ZAAK.test(known.zaaknummer)) out.zaaknummer = known.zaaknummer;
  const aliases = [out.documentnummer, out.zaaknummer].filter((x): x is string => !!x);
  if (aliases.length) out.aliases = aliases;
  const html = officialPublicationUrl(out.id);
  if (html) out.links = { html };
  for (const k of Object.keys(out) as (keyof DocumentMetadata)[]) if (out[k] === undefined) delete out[k];
  return out;
}
