// Which workspace folder Import Letter… and Export commitments… write into: the active editor's folder, else the
// only one, else the analyst is asked (a multi-root workspace no longer means its first folder).
import { strict as assert } from 'node:assert';
import { type FolderChoice, folderChoice } from '../../../src/vscode/common/folder-choice';

describe('folder a command writes into', () => {
  const [policy, letters, team] = [{ name: 'beleid' }, { name: 'brieven' }, { name: 'team' }];

  it('is none when no folder is open', () => {
    assert.deepEqual(folderChoice([], undefined), { kind: 'none' });
  });

  it('is the only folder, with or without an editor in it', () => {
    assert.deepEqual(folderChoice([letters], undefined), { kind: 'use', folder: letters });
    assert.deepEqual(folderChoice([letters], letters), { kind: 'use', folder: letters });
  });

  it('is the active editor’s folder in a multi-root workspace, not the first one', () => {
    assert.deepEqual(folderChoice([policy, letters, team], letters), { kind: 'use', folder: letters });
    assert.equal(used(folderChoice([policy, letters, team], team)), team);
  });

  it('asks among all folders when several are open and no editor decides', () => {
    assert.deepEqual(folderChoice([policy, letters, team], undefined), { kind: 'ask', folders: [policy, letters, team] });
  });

  it('asks when the active editor’s folder is not one of the workspace’s (it was just removed)', () => {
    assert.deepEqual(folderChoice([policy, letters], team), { kind: 'ask', folders: [policy, letters] });
    assert.deepEqual(folderChoice([policy], team), { kind: 'use', folder: policy });
  });
});

function used<F>(choice: FolderChoice<F>): F | undefined {
  return choice.kind === 'use' ? choice.folder : undefined;
}
