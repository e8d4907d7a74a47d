// What the analyst reads when an import fails: one localized sentence per kind of failure (core's LetterError
// codes), always saying that nothing was written. Core's own English detail goes to the log.
import * as vscode from 'vscode';
import { LetterError } from '../../core/letters';

/** A Tweede Kamer document the API has as a PDF only: it has no structure to keep, so it is not imported. */
export class PdfOnlyError extends LetterError {
  constructor(number: string) {
    super('unsupported', `the Tweede Kamer has ${number} as a PDF only`);
  }
}

const TK_NUMBER = /^(?:19|20)\d{2}[DZ]\d{5}$/i;

/** `label`: the id or TK number asked for (a TK number was looked up in the Tweede Kamer API first). */
export function letterErrorMessage(label: string, e: LetterError): string {
  const site = TK_NUMBER.test(label) ? vscode.l10n.t('officielebekendmakingen.nl or the Tweede Kamer API') : 'officielebekendmakingen.nl';
  if (e instanceof PdfOnlyError) {
    return vscode.l10n.t('The Tweede Kamer has {0} as a PDF only, which is not imported; import it once KOOP has published it. Nothing was written.', label);
  }
  switch (e.code) {
    case 'offline':
      return vscode.l10n.t('Kamerstuk Annotator is offline (setting kamerstuk.online), so {0} was not fetched; nothing was written.', label);
    case 'network':
      return vscode.l10n.t('{0} could not be reached for {1}; nothing was written. Check the network or the proxy setting (http.proxy).', site, label);
    case 'timeout':
      return vscode.l10n.t('{0} did not answer in time for {1}; nothing was written. Try again later.', site, label);
    case 'aborted':
      return vscode.l10n.t('The import of {0} was cancelled; nothing was written.', label);
    case 'not-found':
      return vscode.l10n.t('{0} was not found on {1}; nothing was written. Check the number, or import it later if it is not published yet.', label, site);
    case 'http':
      return vscode.l10n.t('{0} answered {1} with an error (HTTP {2}); nothing was written.', site, label, e.status ?? '?');
    case 'redirect':
      return vscode.l10n.t('{0} redirected the request for {1} to another host; the redirect was refused and nothing was written.', site, label);
    case 'too-large':
      return vscode.l10n.t('The publication of {0} is larger than the size limit; it was not read and nothing was written.', label);
    case 'not-xml':
      return vscode.l10n.t(
        '{0} answered with a web page instead of the publication of {1} (an unknown id answers this way); nothing was written.',
        site,
        label,
      );
    // Core's English detail is in the log (importLetter writes it there), not in a localized sentence.
    case 'malformed':
      return vscode.l10n.t(
        'The publication of {0} could not be read: it is damaged or not in the expected format (the details are in the log); nothing was written.',
        label,
      );
    case 'encoding':
      return vscode.l10n.t(
        'The publication of {0} could not be read: its text encoding is not one that can be read (the details are in the log); nothing was written.',
        label,
      );
    case 'mismatch':
      return vscode.l10n.t('The publication fetched for {0} is another document (the details are in the log); nothing was written.', label);
    case 'unsupported':
      return vscode.l10n.t(
        '{0} cannot be imported: only kamerstukken, Aanhangsels and Handelingen items (kst-…, ah-…, h-…) and Tweede Kamer document numbers are; nothing was written.',
        label,
      );
  }
}
