// Related documents and dossier listings for the editor: one core RelatedDocuments over the metadata service's
// API client and local sources (rebuilt when the settings rebuild those), its memory and its lookups in progress
// forgotten when the catalog changes or the API comes back (Refresh also stops them). Lookups run in the
// background, a few at a time (the core's cap); `onDidLearn` tells hovers' and views' owners that an answer arrived.
import * as vscode from 'vscode';
import { RelatedDocuments, TweedeKamerSource, type DocumentMetadata, type DossierListing, type MetadataResolver, type RelatedInfo } from '../../core/metadata';
import { Disposable } from '../common/disposable';
import { log } from '../common/log';
import type { MetadataService } from './metadata-service';

/** Kinds of document the API can relate to a Zaak and attachments; a Zaak itself lists its documents. */
const RELATED_KINDS = new Set<string>(['kamerstuk', 'motie', 'amendement', 'tk-document', 'tk-zaak']);

export class RelatedService extends Disposable {
  private core: RelatedDocuments | undefined;
  private builtFor: MetadataResolver | undefined;
  private readonly learned = this.register(new vscode.EventEmitter<void>());
  /** A background lookup finished: what peek and peekDossier return changed. */
  readonly onDidLearn = this.learned.event;

  constructor(private readonly metadata: MetadataService) {
    super();
    this.register(metadata.onDidChange(() => this.core?.invalidate()));
    this.register(metadata.onDidChangeStatus((s) => s === 'online' && this.core?.invalidate()));
    this.register({ dispose: () => this.core?.dispose() });
  }

  /** Whether related documents can be asked for this document at all. */
  supports(meta: DocumentMetadata): boolean {
    return RELATED_KINDS.has(meta.kind);
  }

  /** Network use is off (the setting, or the browser): no lookups are started. */
  get disabled(): boolean {
    return this.metadata.status === 'disabled';
  }

  peek(id: string): RelatedInfo | undefined {
    return this.documents().peek(id);
  }

  isLooking(id: string): boolean {
    return this.documents().isLooking(id);
  }

  /** Starts a lookup in the background unless one is remembered or running; never waits. */
  lookUpSoon(meta: DocumentMetadata): void {
    const core = this.documents();
    if (this.disabled || !this.supports(meta) || core.peek(meta.id) || core.isLooking(meta.id)) return;
    void core.forDocument(meta).then((r) => this.answered(`related documents of ${meta.id}`, r));
  }

  peekDossier(nummer: string, toevoeging?: string): DossierListing | undefined {
    return this.documents().peekDossier(nummer, toevoeging);
  }

  isLookingUpDossier(nummer: string, toevoeging?: string): boolean {
    return this.documents().isLookingUpDossier(nummer, toevoeging);
  }

  /** What the local sources know of a dossier, at once. */
  localDossier(nummer: string, toevoeging?: string): Promise<DossierListing> {
    return this.documents().localDossier(nummer, toevoeging);
  }

  /** Starts the API's listing of a dossier in the background (unless remembered, running or the network is off). */
  lookUpDossierSoon(nummer: string, toevoeging?: string): void {
    const core = this.documents();
    if (this.disabled || core.peekDossier(nummer, toevoeging) || core.isLookingUpDossier(nummer, toevoeging)) return;
    void core.dossier(nummer, toevoeging).then((r) => this.answered(`dossier ${nummer}${toevoeging ? ` ${toevoeging}` : ''}`, r));
  }

  /** Forgets every remembered answer and stops the lookups in progress (the Refresh command). */
  forget(): void {
    this.core?.invalidate({ abort: true });
  }

  private answered(what: string, r: { status: string; message?: string }): void {
    if (r.status === 'error') log().warn(`${what}: ${r.message ?? 'failed'}`);
    if (!this.isDisposed) this.learned.fire();
  }

  /** The core over the current resolver's sources (the settings may have replaced them). */
  private documents(): RelatedDocuments {
    const resolver = this.metadata.resolver;
    if (!this.core || this.builtFor !== resolver) {
      this.core?.dispose();
      const api = resolver.sources.find((s): s is TweedeKamerSource => s instanceof TweedeKamerSource);
      this.core = new RelatedDocuments({ http: api?.http, local: resolver });
      this.builtFor = resolver;
    }
    return this.core;
  }
}
