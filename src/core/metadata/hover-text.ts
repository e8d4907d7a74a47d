// The English templates of the hover (localised by the editor layer through `vscode.l10n.t`; Dutch in
// l10n/parts/metadata.nl.json), and the default formatter that fills `{0}` placeholders.
import { fillTemplate } from '../text/fill-template';

export const HOVER_TEMPLATES = {
  dossier: 'Dossier {0}',
  dossierTitle: 'Dossier {0}: {1}',
  ondernummer: 'no. {0}',
  vergaderjaar: 'Parliamentary year {0}',
  documentnummer: 'Document {0}',
  zaaknummer: 'Case {0}',
  signedBy: 'Signed by: {0}',
  submittedBy: 'Submitted by: {0}',
  outcome: 'Outcome: {0}',
  outcomeOn: 'Outcome: {0} on {1}',
  aangenomen: 'adopted',
  verworpen: 'rejected',
  aangehouden: 'held over',
  ingetrokken: 'withdrawn',
  controversieel: 'declared controversial',
  overig: 'other decision',
  rollCall: 'Roll-call vote: members counted per fractie',
  fractie: 'Fractie',
  vote: 'Vote',
  seats: 'Seats',
  members: 'Members',
  voteVoor: 'For',
  voteTegen: 'Against',
  voteNietDeelgenomen: 'Did not vote',
  mistake: '{0} (declared a mistake)',
  totals: 'For {0}, against {1}, did not vote {2}',
  moreRows: '… and {0} more',
  tagged: 'Tagged passages: {0}',
  linkOfficial: 'Official publication',
  linkPdf: 'PDF',
  linkTweedeKamer: 'tweedekamer.nl',
  linkResource: 'Document file',
  source: 'Source: {0}',
  sourceAge: 'Source: {0}, {1}',
  sourceVia: '{0} (from {1})',
  sourceCatalog: 'team catalog',
  sourceCache: 'cache',
  sourceTweedeKamer: 'Tweede Kamer API',
  sourceBundled: 'bundled catalog',
  ageJustNow: 'fetched just now',
  ageMinutes: 'fetched {0} minutes ago',
  ageHours: 'fetched {0} hours ago',
  ageDays: 'fetched {0} days ago',
  stale: 'may be out of date',
  notFound: 'No metadata found for {0}.',
  notFoundOffline: 'No metadata found for {0} (offline).',
  stillLooking: 'Still looking up {0} at the Tweede Kamer API; hover again in a moment.',
  refreshing: 'From the local sources; refreshing from the Tweede Kamer API…',
} as const;

/** Localises a template and fills in its arguments; the editor passes `(m, ...a) => vscode.l10n.t(m, ...a)`. */
export type Translate = (template: string, ...args: (string | number)[]) => string;

export const englishTemplates: Translate = (template, ...args) => fillTemplate(template, args);
