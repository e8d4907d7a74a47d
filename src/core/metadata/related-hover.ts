// The "Related documents" section of a citation hover: the Zaak, the version chain with the current version
// marked, the Zaak's other documents and the attachments. Every text from a source is made inert by hover.ts's
// escaping; links go to the extension's own open command or to the official hosts only.
import { officialUrl } from '../citations/format';
import { commandLink, escapeMarkdown, safeHttpsLink } from './hover';
import { englishTemplates, HOVER_TEMPLATES, type Translate } from './hover-text';
import type { RelatedDocument, RelatedInfo, VersionStep } from './related-model';

/** English source strings (localised by the editor through vscode.l10n.t; Dutch in l10n/parts/dossier.nl.json). */
export const RELATED_TEMPLATES = {
  heading: 'Related documents',
  zaak: 'Case {0}: {1}',
  kabinetsappreciatie: "Cabinet's assessment: {0}",
  versions: 'Versions',
  currentVersion: 'current version',
  thisDocument: 'this document',
  reversedLinks: "Ordered by date: the API's links between these versions point the other way.",
  versionsCut: 'The chain has more versions than were looked up; which one is current is not known.',
  zaakDocuments: 'Other documents of the case',
  attachments: 'Attachments',
  attachmentOf: 'Attachment of',
  moreDocuments: '… and {0} more documents',
  looking: 'Looking up related documents; hover again in a moment.',
  offline: 'Related documents are not available offline.',
  failed: 'Related documents could not be looked up.',
} as const;

const T = RELATED_TEMPLATES;

export interface RelatedHoverOptions {
  t?: Translate;
  /** A lookup is running (shown when nothing is known yet). */
  pending?: boolean;
  /** The extension's command that opens a document by id (the workspace letter, else its publication). */
  openCommand?: string;
  /** Rows per list before "… and N more". Default 8. */
  maxRows?: number;
}

/** Markdown for the hover, or '' when there is nothing worth showing. */
export function renderRelatedMarkdown(related: RelatedInfo | undefined, options: RelatedHoverOptions = {}): string {
  const t = options.t ?? englishTemplates;
  if (!related) return options.pending ? `*${t(T.looking)}*` : '';
  const max = options.maxRows ?? 8;
  const e = escapeMarkdown;
  const blocks: string[] = [];
  for (const z of related.zaken) {
    const subject = z.onderwerp ?? z.soort;
    const line = [subject ? t(T.zaak, e(z.nummer, 20), e(subject, 160)) : t(HOVER_TEMPLATES.zaaknummer, e(z.nummer, 20))];
    if (z.kabinetsappreciatie) line.push(t(T.kabinetsappreciatie, e(z.kabinetsappreciatie, 80)));
    blocks.push(line.join(' · '));
  }
  if (related.versions.length > 1) {
    const rows = related.versions.map((v) => row(v, options, versionMarks(v, t)));
    const notes = [related.reversedLinks ? T.reversedLinks : undefined, related.versionsCut ? T.versionsCut : undefined].filter((x) => !!x);
    blocks.push([`${t(T.versions)}:\n\n${limit(rows, max, t)}`, ...notes.map((n) => `*${t(n)}*`)].join('\n\n'));
  }
  for (const [heading, list] of [
    [T.zaakDocuments, related.documents],
    [T.attachments, related.attachments],
    [T.attachmentOf, related.attachmentOf],
  ] as const) {
    if (list.length)
      blocks.push(
        `${t(heading)}:\n\n${limit(
          list.map((d) => row(d, options)),
          max,
          t,
        )}`,
      );
  }
  const status = related.status === 'offline' ? T.offline : related.status === 'error' ? T.failed : undefined;
  if (status) blocks.push(`*${t(status)}*`);
  else if (blocks.length === 0) return '';
  return [`**${t(T.heading)}**`, ...blocks].join('\n\n');
}

function versionMarks(v: VersionStep, t: Translate): string[] {
  return [v.current ? `**${t(T.currentVersion)}**` : undefined, v.self ? t(T.thisDocument) : undefined].filter((x): x is string => !!x);
}

/** One list item: the id as a link, soort, date, title, and any marks. */
function row(d: RelatedDocument, options: RelatedHoverOptions, marks: string[] = []): string {
  const e = escapeMarkdown;
  const target = (options.openCommand ? commandLink(options.openCommand, [d.id]) : undefined) ?? safeHttpsLink(officialUrl(d.id) ?? undefined);
  const label = e(d.id, 40);
  const parts = [target ? `[${label}](${target})` : label, d.soort && e(d.soort, 60), d.date && e(d.date, 12), d.title && e(d.title, 120), ...marks];
  return `- ${parts.filter(Boolean).join(' · ')}`;
}

function limit(rows: string[], max: number, t: Translate): string {
  if (rows.length <= max) return rows.join('\n');
  return [...rows.slice(0, max), `- ${t(T.moreDocuments, rows.length - max)}`].join('\n');
}
