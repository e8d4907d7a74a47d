// Owns the metadata sources for the editor: the team catalog (watched), the cache in global storage, the
// Tweede Kamer API (from the machine-scoped settings), the workspace letters' front matter and the bundled catalog. Announces going offline once.
// In the browser (vscode.dev, github.dev) the API is off by design: it sends no CORS headers, so every request
// from a web worker would fail; hovers there come from the team catalog, the cache and the bundled catalog.
import * as vscode from 'vscode';
import {
  CATALOG_PATH,
  createMetadataStack,
  type LetterFrontMatterSource,
  DEFAULT_API_BASE_URL,
  saveToCatalog,
  type Connectivity,
  type DocumentMetadata,
  isSafeBaseUrl,
  type MetadataStack,
  type Translate,
} from '../../core/metadata';
import { lineColumnRange, toDiagnostic } from '../common/convert';
import { Disposable } from '../common/disposable';
import { openDocument } from '../common/documents';
import { log } from '../common/log';
import type { Notifier } from '../common/notify';
import { platform } from '../common/platform';
import { onSettingChanged, settings, updateSetting } from '../common/settings';
import { readTextOrEmpty, readUtf8OrEmpty, replaceAtomically } from '../common/workspace-files';
import { JsonFileStorage } from './json-file-storage';

export const translate: Translate = (template, ...args) => vscode.l10n.t(template, ...args);

export class MetadataService extends Disposable {
  private stack: MetadataStack;
  private readonly storage: JsonFileStorage;
  private readonly statusEmitter = this.register(new vscode.EventEmitter<Connectivity>());
  private readonly changeEmitter = this.register(new vscode.EventEmitter<void>());
  private statusListener: { dispose(): void } | undefined;
  private announcedOffline = false;
  private catalogText = '';
  /** The API is never used here: the web extension host cannot reach it (no CORS). The status stays 'disabled'. */
  readonly offlineByDesign = platform.kind === 'web';
  readonly catalogDiagnostics = this.register(vscode.languages.createDiagnosticCollection('kamerstuk-catalog'));
  /** Connectivity of the API: online, offline (network failed) or disabled (setting). */
  readonly onDidChangeStatus = this.statusEmitter.event;
  /** Data changed (catalog reloaded, settings changed): hovers and views should refresh. */
  readonly onDidChange = this.changeEmitter.event;

  constructor(
    globalStorage: vscode.Uri,
    private readonly notifier: Notifier,
    /** The workspace letters' front matter, a local source. */
    private readonly letters?: LetterFrontMatterSource,
  ) {
    super();
    this.storage = this.register(new JsonFileStorage(vscode.Uri.joinPath(globalStorage, 'metadata-cache.json'), (m) => log().warn(m)));
    if (this.offlineByDesign) {
      log().info(
        'Tweede Kamer API: off in the browser (the API sends no CORS headers, so a web extension cannot reach it); using the team catalog, the cache and the bundled catalog.',
      );
    }
    this.stack = this.createStack('');
    const watcher = vscode.workspace.createFileSystemWatcher(`**/${CATALOG_PATH}`);
    const reload = () => void this.reloadCatalog();
    this.register(
      vscode.Disposable.from(
        watcher,
        watcher.onDidChange(reload),
        watcher.onDidCreate(reload),
        watcher.onDidDelete(reload),
        onSettingChanged(['online'], () => {
          this.stack.api.http.setEnabled(this.apiEnabled());
          this.changeEmitter.fire();
        }),
        onSettingChanged(['apiBaseUrl', 'requestTimeout'], () => {
          this.stack.resolver.dispose();
          this.stack = this.createStack(this.catalogText);
          this.changeEmitter.fire();
        }),
      ),
    );
    this.register({ dispose: () => (this.statusListener?.dispose(), this.stack.resolver.dispose()) });
    void this.reloadCatalog();
  }

  get resolver() {
    return this.stack.resolver;
  }

  /** The id a document goes by, for any of its aliases (from the team catalog and the bundled one). */
  canonicalId(id: string): string {
    return this.stack.canonicalId(id);
  }

  get status(): Connectivity {
    return this.stack.api.http.status;
  }

  private createStack(catalogText: string): MetadataStack {
    let baseUrl = settings.apiBaseUrl();
    try {
      const u = new URL(baseUrl);
      if (!isSafeBaseUrl(u)) throw new Error('not https');
    } catch {
      this.notifier.notify('warning', vscode.l10n.t('The setting kamerstuk.apiBaseUrl ({0}) is not an https address; using the default.', baseUrl));
      baseUrl = DEFAULT_API_BASE_URL;
    }
    const stack = createMetadataStack({
      catalogText,
      storage: this.storage,
      letters: this.letters,
      // Hovers take the local answer at once and the API's in the background, so a slow API (an answer after 5 s)
      // is waited for up to the whole request timeout; only the CLI, which waits itself, gives up on silence sooner.
      api: { baseUrl, online: this.apiEnabled(), timeoutMs: settings.requestTimeout(), answerTimeoutMs: settings.requestTimeout() },
    });
    this.statusListener?.dispose();
    this.statusListener = stack.api.http.onDidChangeStatus((status, reason) => this.statusChanged(status, reason));
    return stack;
  }

  /** The `kamerstuk.online` setting, unless the API cannot be reached from this extension host at all. */
  private apiEnabled(): boolean {
    return settings.online() && !this.offlineByDesign;
  }

  private statusChanged(status: Connectivity, reason?: string): void {
    log().info(`Tweede Kamer API: ${status}${reason ? ` (${reason})` : ''}`);
    if (status === 'offline' && !this.announcedOffline) {
      this.announcedOffline = true;
      this.notifier.notify(
        'warning',
        vscode.l10n.t('The Tweede Kamer API cannot be reached; hovers use the team catalog and the cache until it answers again.'),
      );
    }
    if (status === 'online') this.announcedOffline = false;
    this.statusEmitter.fire(status);
  }

  /** Retry the network now, or switch the `kamerstuk.online` setting. */
  async toggleOnline(): Promise<void> {
    if (this.offlineByDesign) {
      this.notifier.notify(
        'info',
        vscode.l10n.t(
          'In the browser Kamerstuk Annotator works offline: the Tweede Kamer API does not accept requests from web pages. Hovers use the team catalog and the cache.',
        ),
      );
      return;
    }
    if (this.status === 'offline') {
      // "Online" only once the API answered: the status says "checking" meanwhile.
      this.stack.api.http.goOnline();
      this.notifier.notify('info', vscode.l10n.t('Trying the Tweede Kamer API again.'));
      await this.stack.api.http.probe(AbortSignal.timeout(settings.requestTimeout() + 1000));
      return;
    }
    if (this.status === 'checking') return;
    const next = !settings.online();
    await updateSetting('online', next);
    this.notifier.notify('info', next ? vscode.l10n.t('Kamerstuk Annotator is online.') : vscode.l10n.t('Kamerstuk Annotator is offline: no network use.'));
  }

  catalogUri(): vscode.Uri | undefined {
    const folder = vscode.workspace.workspaceFolders?.[0];
    return folder && vscode.Uri.joinPath(folder.uri, CATALOG_PATH);
  }

  async reloadCatalog(): Promise<void> {
    const uri = this.catalogUri();
    let text = '';
    if (uri) {
      try {
        text = await readTextOrEmpty(uri);
      } catch (e) {
        // Unreadable for another reason than absence: keep what was loaded, never treat it as an empty catalog.
        log().warn(`team catalog ${uri.toString()} could not be read: ${e instanceof Error ? e.message : e}`);
        return;
      }
    }
    this.catalogText = text;
    const issues = this.stack.catalog.load(text);
    this.stack.resolver.invalidate();
    if (uri) {
      this.catalogDiagnostics.set(
        uri,
        // Up to the end of the line, so the squiggle is visible (the document may not be open: no line text).
        issues.map((i) => toDiagnostic(lineColumnRange(i.line ?? 1, i.col ?? 1), i, i.severity === 'warning' ? 'warning' : 'error')),
      );
    }
    this.changeEmitter.fire();
  }

  /**
   * Writes `meta` into `.kamerstuk/catalog.yaml`, starting from the file as it is on disk now (a pull may have
   * changed it since it was loaded). A catalog that cannot be read or does not parse is never overwritten; the
   * new text replaces the file atomically (temp file + rename).
   */
  async saveToCatalog(meta: DocumentMetadata): Promise<void> {
    const uri = this.catalogUri();
    if (!uri) throw new Error(vscode.l10n.t('Open a folder to keep a team catalog.'));
    if (openDocument(uri)?.isDirty) throw new Error(vscode.l10n.t('Save or revert your changes to {0} first.', CATALOG_PATH));
    const current = await readUtf8OrEmpty(uri);
    const next = saveToCatalog(current, meta);
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
    await replaceAtomically(uri, next);
    await this.reloadCatalog();
  }

  /** Writes pending cache entries to disk (deactivate waits for it). */
  flush(): Promise<void> {
    return this.storage.flush();
  }
}
