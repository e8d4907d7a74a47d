// What the analyst reads when an import fails: one localized sentence per kind of failure (core's LetterError
// codes), always saying that nothing was written. Core's own English detail goes to the log.
import * as vscode from 'vscode';
import type { LetterError } from '../../core/letters';

export function letterErrorMessage(id: string, e: LetterError): string {
  switch (e.code) {
    case 'offline':
      return vscode.l10n.t('Kamerstuk Annotator is offline (setting kamerstuk.online), so {0} was not fetched; nothing was written.', id);
    case 'network':
      return vscode.l10n.t(
        'officielebekendmakingen.nl could not be reached for {0}; nothing was written. Check the network or the proxy setting (http.proxy).',
        id,
      );
    case 'timeout':
      return vscode.l10n.t('officielebekendmakingen.nl did not answer in time for {0}; nothing was written. Try again later.', id);
    case 'aborted':
      return vscode.l10n.t('The import of {0} was cancelled; nothing was written.', id);
    case 'not-found':
      return vscode.l10n.t(
        '{0} was not found on officielebekendmakingen.nl; nothing was written. Check the number, or import it later if it is not published yet.',
        id,
      );
    case 'http':
      return vscode.l10n.t('officielebekendmakingen.nl answered {0} with an error (HTTP {1}); nothing was written.', id, e.status ?? '?');
    case 'redirect':
      return vscode.l10n.t('officielebekendmakingen.nl redirected the request for {0} to another host; the redirect was refused and nothing was written.', id);
    case 'too-large':
      return vscode.l10n.t('The publication of {0} is larger than the size limit; it was not read and nothing was written.', id);
    case 'not-xml':
      return vscode.l10n.t(
        'officielebekendmakingen.nl answered with a web page instead of the XML of {0} (an unknown id answers this way); nothing was written.',
        id,
      );
    case 'malformed':
    case 'encoding':
      return vscode.l10n.t('The publication of {0} could not be read ({1}); nothing was written.', id, e.message);
    case 'mismatch':
      return vscode.l10n.t('The publication fetched for {0} is another document ({1}); nothing was written.', id, e.message);
    case 'unsupported':
      return vscode.l10n.t(
        '{0} cannot be imported: only kamerstukken, Aanhangsels and Handelingen items (kst-…, ah-…, h-…) are published as XML; nothing was written.',
        id,
      );
  }
}
