// The metadata area: the language status item (online state, cited documents) with Go online/offline, and Save to
// team catalog. The metadata service itself is built once in services.ts; hovers use it from the citations area.
import * as vscode from 'vscode';
import { combine } from '../common/disposable';
import type { Services } from '../../services';
import { citedIdFor } from '../citations/open-cited-document';
import { registerCatalogCommands } from './catalog-commands';
import { registerDossierTree, type DossierTree } from './dossier-tree';
import { MetadataLanguageStatus } from './language-status';

export interface MetadataArea extends vscode.Disposable {
  readonly dossier: DossierTree;
}

export function register(services: Services): MetadataArea {
  const { citations, letters, metadata, notifier, related } = services;
  const dossier = registerDossierTree(citations, letters, metadata, related);
  const all = combine(
    new MetadataLanguageStatus(citations, metadata),
    registerCatalogCommands(metadata, notifier, (arg) => citedIdFor(arg, citations)),
    dossier,
  );
  return { dossier: dossier.tree, dispose: () => all.dispose() };
}
