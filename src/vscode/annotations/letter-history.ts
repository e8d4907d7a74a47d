// The version of a letter its annotation file's anchors were made on (`document.hash`, a git blob id), fetched
// for anchoring through its diff: the import's kept versions (`.versions/<name>/<hash>.md` beside the letter),
// else git (`git cat-file blob`, trusted workspaces on disk only). A text is used only when it hashes to the
// recorded id. Versions are remembered per letter and hash, so a letter is looked up once per version.
import * as vscode from 'vscode';
import { type AnchorResult, type Annotation, keptVersionPath, letterHash, LetterSource } from '../../core/annotations';
import { baseName } from '../common/documents';
import { log } from '../common/log';
import { platform } from '../common/platform';

export interface PreviousLetter {
  /** The previous text as annotations address it (no BOM, LF). */
  text: string;
  /** Where the tags were found in it, and the tags as they were then (see PreviousVersion). */
  results?: readonly AnchorResult[];
  annotations?: readonly Annotation[];
}

export class LetterHistory {
  private readonly found = new Map<string, Promise<string | undefined>>();

  /** The recorded version of a letter, when it is not `currentRaw` and can be found; never throws. */
  async recorded(letter: vscode.Uri, hash: string | undefined, currentRaw: string): Promise<PreviousLetter | undefined> {
    if (!hash || letterHash(currentRaw) === hash) return undefined;
    const key = `${letter.toString()}#${hash}`;
    let lookup = this.found.get(key);
    if (!lookup) {
      lookup = this.lookUp(letter, hash).catch((e) => {
        log().debug(`Previous version ${hash.slice(0, 12)} of ${baseName(letter)}: ${String(e)}`);
        return undefined;
      });
      this.found.set(key, lookup);
    }
    const raw = await lookup;
    return raw === undefined ? undefined : { text: new LetterSource(raw).text };
  }

  private async lookUp(letter: vscode.Uri, hash: string): Promise<string | undefined> {
    const kept = vscode.Uri.joinPath(letter, '..', keptVersionPath(baseName(letter), hash));
    const keptText = await vscode.workspace.fs.readFile(kept).then(
      (b) => new TextDecoder().decode(b),
      () => undefined,
    );
    if (keptText !== undefined && letterHash(keptText) === hash) return keptText;
    if (letter.scheme !== 'file' || !vscode.workspace.isTrusted) return undefined;
    const r = await platform.git(['cat-file', 'blob', hash], vscode.Uri.joinPath(letter, '..').fsPath);
    if (r?.code !== 0 || letterHash(r.stdout) !== hash) return undefined;
    log().info(`Anchoring ${baseName(letter)} through the changes since version ${hash.slice(0, 12)} (git)`);
    return r.stdout;
  }
}
