// The Commitments view while the register keeps changing (the workspace index's first build tells of annotation
// files in batches, each one a change): the view shows each finished computation instead of waiting until the
// changes stop, while current() still answers with a register up to date with every change.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { LetterAnchors } from '../../src/vscode/annotations/anchors';
import { AnnotationStores } from '../../src/vscode/annotations/store/stores';
import { AnnotationTaxonomy } from '../../src/vscode/annotations/taxonomy';
import { Notifier } from '../../src/vscode/common/notify';
import type { RegisterServices } from '../../src/vscode/commitments/deps';
import { CommitmentsModel } from '../../src/vscode/commitments/commitments-model';
import { CommitmentsTree } from '../../src/vscode/commitments/commitments-tree';
import type { TestApi } from '../../src/vscode/testing/test-api';
import { extensionApi } from './helpers';

/** Computations after which a view that still waits is taken to wait until the changes stop. */
const PATIENCE = 6;

describe('Commitments view while its letters keep changing', function () {
  this.timeout(120_000);
  let api: TestApi;

  before(async () => {
    api = await extensionApi();
    await api.workspaceIndex.service.ready();
  });

  it('shows a register computed during the changes; current() answers once they stop', async () => {
    const files = await api.workspaceIndex.service.annotationFiles();
    const changed = new vscode.EventEmitter<void>();
    let churning = true;
    // An index that has taken in a file again each time the register reads its list: every computation is
    // overtaken by a change, as during a long first build.
    const index = {
      annotationFilesNow: () => {
        if (churning) changed.fire();
        return files;
      },
      annotationFiles: async () => files,
      onDidChangeAnnotationFiles: changed.event,
      ready: async () => undefined,
    };
    const taxonomy = new AnnotationTaxonomy();
    const stores = new AnnotationStores(new Notifier());
    const anchors = new LetterAnchors(stores);
    const services = { stores, letters: api.letters, markdownFiles: { onDidAny: () => ({ dispose() {} }) }, workspaceIndex: index, taxonomy };
    const model = new CommitmentsModel(services as unknown as RegisterServices);
    const tree = new CommitmentsTree(model, anchors);
    let computed = 0;
    const gaveUp = new Promise<never>((_, reject) => {
      model.onDidChange(() => {
        if (++computed >= PATIENCE) reject(new Error(`the view still waits after ${computed} computations`));
      });
    });
    try {
      model.invalidate();
      const shown = await Promise.race([tree.getChildren(), gaveUp]);
      assert.ok(
        shown.some((n) => n.kind === 'group'),
        `no commitments shown: ${JSON.stringify(shown.map((n) => n.kind))}`,
      );
      assert.ok(computed < PATIENCE);
      // Once the changes stop, the up-to-date register (what Mark fulfilled and the export use) comes.
      churning = false;
      const register = await model.current();
      assert.ok(register.commitments.length > 0);
      assert.equal(model.peek(), register);
    } finally {
      churning = false;
      gaveUp.catch(() => undefined);
      model.dispose();
      tree.dispose();
      anchors.dispose?.();
      stores.dispose();
      taxonomy.dispose();
      changed.dispose();
    }
  });
});
