// The letters area: Import Letter… (a kamerstuk from officielebekendmakingen.nl as a markdown letter, and a new
// version of one with the review of its tags), and the read-only publication texts its diff editor shows.
import type * as vscode from 'vscode';
import type { Services } from '../../services';
import { combine } from '../common/disposable';
import { registerImportLetter } from './import-letter';
import { PublicationTexts } from './new-version';

export function register(services: Services): vscode.Disposable {
  const texts = new PublicationTexts();
  return combine(texts, registerImportLetter(services, texts));
}
