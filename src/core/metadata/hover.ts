// Hover markdown for a cited document. Every text from a source is made inert: control characters removed,
// length capped, every ASCII punctuation character backslash-escaped (no HTML, links, emphasis, tables or
// autolinks can form). Links are only https to the official hosts, or the extension's own `kamerstuk.*` commands.
// The editor must create the MarkdownString with `supportHtml: false` and `isTrusted: { enabledCommands }`.
import { isVotedKind } from '../citations/types';
import type { DocumentMetadata, FractieVote, Signatory } from './model';
import { englishTemplates, HOVER_TEMPLATES as T, type Translate } from './hover-text';
import { officialPublicationUrl, parseCanonicalId } from './ids';
import { toezeggingHoverBlocks, toezeggingKindLabel, toezeggingRegisterLink, unresolvedToezeggingLines } from './toezegging-hover';

/**
 * Local first: a hover takes what the local sources know (catalog, cache even when expired, bundled catalog) at
 * once, marked refreshing, while the Tweede Kamer API is asked in the background; the next hover shows its answer.
 * Only a document no local source knows waits for the network (up to the hover's deadline).
 */
export const HOVER_LOCAL_ANSWER_MS = 0;

export const ALLOWED_LINK_HOSTS = [
  'zoek.officielebekendmakingen.nl',
  'officielebekendmakingen.nl',
  'www.tweedekamer.nl',
  'tweedekamer.nl',
  'gegevensmagazijn.tweedekamer.nl',
  // The Eerste Kamer's register of toezeggingen (core/citations/toezegging.ts).
  'www.eerstekamer.nl',
];

export interface HoverCommand {
  /** Must start with `kamerstuk.`; anything else is dropped. */
  command: string;
  /** A label; escaped like source text. */
  title: string;
  args?: unknown[];
}

export interface HoverOptions {
  t?: Translate;
  /** For the age of the data. */
  now?: number;
  /** Passages tagged in the workspace copy of this letter, per tag label. */
  tagCounts?: Record<string, number>;
  /** Extension commands offered as links (e.g. open the letter in the workspace, save to the catalog). */
  commands?: HoverCommand[];
  /** Rows of the vote table before "… and N more". Default 30. */
  maxVoteRows?: number;
}

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/g;

/** Makes source text inert markdown: one line, at most `max` characters, all ASCII punctuation escaped. */
export function escapeMarkdown(text: unknown, max = 200): string {
  let s = String(text ?? '')
    .replace(CONTROL, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const chars = Array.from(s);
  if (chars.length > max)
    s =
      chars
        .slice(0, Math.max(1, max - 1))
        .join('')
        .trimEnd() + '…';
  return s.replace(/[!-/:-@[-`{-~]/g, '\\$&');
}

/** The link target when it is https to an official host, else undefined. */
export function safeHttpsLink(url: string | undefined): string | undefined {
  if (!url) return undefined;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return undefined;
  }
  if (u.protocol !== 'https:' || u.username || u.password || u.port || !ALLOWED_LINK_HOSTS.includes(u.hostname)) return undefined;
  return u.href.replace(/[()<> ]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}

/** A `command:` link target for one of the extension's own commands, else undefined. */
export function commandLink(command: string, args?: unknown[]): string | undefined {
  if (!/^kamerstuk\.[A-Za-z][A-Za-z0-9.]*$/.test(command)) return undefined;
  const query =
    args && args.length ? '?' + encodeURIComponent(JSON.stringify(args)).replace(/[()]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase()) : '';
  return `command:${command}${query}`;
}

const link = (label: string, target: string | undefined) => (target ? `[${escapeMarkdown(label, 80)}](${target})` : undefined);

export function renderHoverMarkdown(meta: DocumentMetadata, options: HoverOptions = {}): string {
  const t = options.t ?? englishTemplates;
  const e = escapeMarkdown;
  const blocks: string[] = [];

  blocks.push(`**${e(meta.title ?? meta.onderwerp ?? meta.id, 300)}**`);
  const kindLabel =
    meta.kind === 'motie'
      ? t(T.kindMotie)
      : meta.kind === 'amendement'
        ? t(T.kindAmendement)
        : meta.kind === 'toezegging'
          ? toezeggingKindLabel(meta.id, t)
          : undefined;
  const facts = [meta.soort ? e(meta.soort, 80) : kindLabel, meta.date && e(meta.date, 20), e(meta.id, 60)].filter(Boolean);
  const ids = [meta.documentnummer && t(T.documentnummer, e(meta.documentnummer, 20)), meta.zaaknummer && t(T.zaaknummer, e(meta.zaaknummer, 20))].filter(
    Boolean,
  );
  blocks.push([facts.join(' · '), ids.join(' · ')].filter(Boolean).join('  \n'));

  if (meta.dossier) {
    const nr = e(meta.dossier.toevoeging ? `${meta.dossier.nummer} ${meta.dossier.toevoeging}` : meta.dossier.nummer, 30);
    const line = [meta.dossier.titel ? t(T.dossierTitle, nr, e(meta.dossier.titel, 200)) : t(T.dossier, nr)];
    if (meta.ondernummer && meta.kind !== 'dossier') line.push(t(T.ondernummer, e(meta.ondernummer, 10)));
    if (meta.vergaderjaar) line.push(t(T.vergaderjaar, e(meta.vergaderjaar, 20)));
    blocks.push(line.join(' · '));
  }
  if (meta.signatories?.length && !isVotedKind(meta.kind)) blocks.push(t(T.signedBy, people(meta.signatories)));
  if (meta.toezegging) blocks.push(...toezeggingHoverBlocks(meta.toezegging, t, { escape: e, link: (label, url) => link(label, safeHttpsLink(url)) }));

  const motion = meta.motion;
  if (motion) {
    const subs = motion.submitters ?? (isVotedKind(meta.kind) ? meta.signatories : undefined);
    if (subs?.length) blocks.push(t(T.submittedBy, people(subs)));
    if (motion.outcome) {
      const label = t(T[motion.outcome.result] ?? T.overig);
      const line = motion.outcome.date ? t(T.outcomeOn, `**${label}**`, e(motion.outcome.date, 20)) : t(T.outcome, `**${label}**`);
      const tekst = motion.outcome.besluitTekst;
      blocks.push(tekst && !new RegExp(`^${motion.outcome.result}\\.?$`, 'i').test(tekst.trim()) ? `${line} (${e(tekst, 200)})` : line);
    }
    if (motion.stemming && motion.stemming.votes.length)
      blocks.push(voteTable(motion.stemming.votes, motion.stemming.hoofdelijk, motion.stemming.totals, t, options.maxVoteRows ?? 30));
  }

  const tags = Object.entries(options.tagCounts ?? {}).filter(([, n]) => Number.isFinite(n) && n > 0);
  if (tags.length) blocks.push(t(T.tagged, tags.map(([tag, n]) => `${e(tag, 40)} ${Math.floor(n)}`).join(', ')));

  const links = [
    link(t(T.linkOfficial), safeHttpsLink(meta.links?.html) ?? safeHttpsLink(officialPublicationUrl(meta.id))),
    link(t(T.linkPdf), safeHttpsLink(meta.links?.pdf)),
    link(t(T.linkTweedeKamer), safeHttpsLink(meta.links?.tweedekamer)),
    link(t(T.linkResource), safeHttpsLink(meta.links?.resource)),
    registerLink(meta.id, t),
    ...(options.commands ?? []).map((c) => link(c.title, commandLink(c.command, c.args))),
  ].filter(Boolean);
  if (links.length) blocks.push(links.join(' · '));

  blocks.push(`*${sourceLine(meta, t, options.now ?? Date.now())}*`);
  return blocks.filter(Boolean).join('\n\n');
}

/**
 * The line under a hover that did not come fresh from the API: still being refreshed, or shown because the API is
 * offline or failed (with the age the source line gives). Undefined for an answer that needs no such line.
 */
export function networkNote(
  resolution: { meta?: DocumentMetadata; refreshing?: boolean; errors: readonly { code: string }[] },
  t: Translate = englishTemplates,
): string | undefined {
  if (!resolution.meta) return undefined;
  if (resolution.refreshing) return `*${t(T.refreshing)}*`;
  const failed = resolution.errors.filter((e) => e.code !== 'aborted');
  if (failed.length === 0 || resolution.meta.source === 'tweedekamer') return undefined;
  if (failed.some((e) => e.code === 'offline')) return `*${t(T.shownOffline)}*`;
  return `*${t(T.shownAfterFailure)}*`;
}

/** A hover for an id no source answered: not found, not found offline, or (`pending`) still being looked up. */
export function renderUnresolvedHover(id: string, options: { offline?: boolean; pending?: boolean; t?: Translate; commands?: HoverCommand[] } = {}): string {
  const t = options.t ?? englishTemplates;
  const toezegging = parseCanonicalId(id)?.kind === 'toezegging';
  const why = options.pending ? T.stillLooking : options.offline ? (toezegging ? T.tzOffline : T.notFoundOffline) : toezegging ? T.tzNotFound : T.notFound;
  const blocks = [`**${escapeMarkdown(id, 60)}**`, ...(unresolvedToezeggingLines(id, t, escapeMarkdown) ?? [t(why, escapeMarkdown(id, 60))])];
  const links = [
    link(t(T.linkOfficial), safeHttpsLink(officialPublicationUrl(id))),
    registerLink(id, t),
    ...(options.commands ?? []).map((c) => link(c.title, commandLink(c.command, c.args))),
  ].filter(Boolean);
  if (links.length) blocks.push(links.join(' · '));
  return blocks.join('\n\n');
}

/** A toezegging's register (Eerste or Tweede Kamer), as a link; undefined for other ids. */
function registerLink(id: string, t: Translate): string | undefined {
  const r = toezeggingRegisterLink(id, t);
  return r && link(r.label, safeHttpsLink(r.url));
}

function people(list: Signatory[]): string {
  const shown = list.slice(0, 8).map((s) => {
    const extra = [s.fractie, s.functie].filter(Boolean).map((x) => escapeMarkdown(x, 80));
    return escapeMarkdown(s.naam, 80) + (extra.length ? ` \\(${extra.join(', ')}\\)` : '');
  });
  return list.length > 8 ? `${shown.join(', ')}, … (+${list.length - 8})` : shown.join(', ');
}

function voteLabel(soort: string, t: Translate): string {
  if (soort === 'Voor') return t(T.voteVoor);
  if (soort === 'Tegen') return t(T.voteTegen);
  if (soort === 'Niet deelgenomen') return t(T.voteNietDeelgenomen);
  return escapeMarkdown(soort, 40);
}

function voteTable(
  votes: FractieVote[],
  hoofdelijk: boolean,
  totals: { voor: number; tegen: number; nietDeelgenomen: number },
  t: Translate,
  maxRows: number,
): string {
  const lines: string[] = [];
  if (hoofdelijk) lines.push(t(T.rollCall), '');
  lines.push(`| ${t(T.fractie)} | ${t(T.vote)} | ${t(hoofdelijk ? T.members : T.seats)} |`, '|---|---|---:|');
  for (const v of votes.slice(0, maxRows)) {
    const soort = voteLabel(v.soort, t);
    lines.push(`| ${escapeMarkdown(v.fractie, 40)} | ${v.vergissing ? t(T.mistake, soort) : soort} | ${Math.max(0, Math.floor(v.zetels))} |`);
  }
  if (votes.length > maxRows) lines.push(`| ${t(T.moreRows, votes.length - maxRows)} | | |`);
  lines.push('', t(T.totals, totals.voor, totals.tegen, totals.nietDeelgenomen));
  return lines.join('\n');
}

function sourceName(name: string | undefined, t: Translate): string {
  switch (name) {
    case 'catalog':
      return t(T.sourceCatalog);
    case 'cache':
      return t(T.sourceCache);
    case 'tweedekamer':
      return t(T.sourceTweedeKamer);
    case 'bundled':
      return t(T.sourceBundled);
    case 'letter':
      return t(T.sourceLetter);
    default:
      return escapeMarkdown(name ?? '?', 40);
  }
}

function sourceLine(meta: DocumentMetadata, t: Translate, now: number): string {
  let name = sourceName(meta.source, t);
  if (meta.origin && meta.origin !== meta.source) name = t(T.sourceVia, name, sourceName(meta.origin, t));
  const fetched = meta.fetchedAt ? Date.parse(meta.fetchedAt) : NaN;
  if (!Number.isFinite(fetched)) return t(T.source, name);
  const minutes = Math.max(0, Math.floor((now - fetched) / 60_000));
  let age =
    minutes < 1
      ? t(T.ageJustNow)
      : minutes < 60
        ? t(T.ageMinutes, minutes)
        : minutes < 48 * 60
          ? t(T.ageHours, Math.floor(minutes / 60))
          : t(T.ageDays, Math.floor(minutes / 1440));
  if (meta.stale) age += ', ' + t(T.stale);
  return t(T.sourceAge, name, age);
}
