// The metadata cache's storage: one JSON file in the extension's global storage, read once, written debounced.
import * as vscode from 'vscode';
import type { KeyValueStorage } from '../../core/metadata';
import { Delayer } from '../common/delay';

export class JsonFileStorage implements KeyValueStorage, vscode.Disposable {
  private data: Map<string, string> | undefined;
  private loading: Promise<Map<string, string>> | undefined;
  private readonly writes = new Delayer(1000);
  /** Entries changed since the last write. */
  private dirty = false;
  /** The write under way, if any. */
  private writing: Promise<void> | undefined;

  constructor(
    private readonly file: vscode.Uri,
    private readonly onError: (message: string) => void,
  ) {}

  private load(): Promise<Map<string, string>> {
    this.loading ??= (async () => {
      try {
        const bytes = await vscode.workspace.fs.readFile(this.file);
        const parsed = JSON.parse(new TextDecoder().decode(bytes)) as unknown;
        if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
          return new Map(Object.entries(parsed as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === 'string'));
        }
        this.onError(`cache file ${this.file.fsPath} is not a JSON object; starting with an empty cache`);
      } catch (e) {
        if (!(e instanceof vscode.FileSystemError && e.code === 'FileNotFound')) {
          this.onError(`cache file ${this.file.fsPath} could not be read (${e instanceof Error ? e.message : e}); starting with an empty cache`);
        }
      }
      return new Map();
    })().then((m) => (this.data = m));
    return this.loading;
  }

  async get(key: string) {
    return (await this.load()).get(key);
  }
  async set(key: string, value: string) {
    (await this.load()).set(key, value);
    this.scheduleWrite();
  }
  async delete(key: string) {
    if ((await this.load()).delete(key)) this.scheduleWrite();
  }
  async keys() {
    return [...(await this.load()).keys()];
  }

  private scheduleWrite(): void {
    this.dirty = true;
    this.writes.schedule(() => void this.flush());
  }

  /** Writes changed entries; waits for a write already under way first (deactivate relies on this). */
  async flush(): Promise<void> {
    this.writes.cancel();
    while (this.writing) await this.writing;
    if (!this.data || !this.dirty) return;
    const writing = (this.writing = this.write(this.data));
    try {
      await writing;
    } finally {
      if (this.writing === writing) this.writing = undefined;
    }
  }

  private async write(data: Map<string, string>): Promise<void> {
    this.dirty = false;
    try {
      await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(this.file, '..'));
      const text = JSON.stringify(Object.fromEntries(data));
      await vscode.workspace.fs.writeFile(this.file, new TextEncoder().encode(text));
    } catch (e) {
      this.dirty = true;
      this.onError(`cache file ${this.file.fsPath} could not be written: ${e instanceof Error ? e.message : e}`);
    }
  }

  dispose(): void {
    // deactivate() awaits flush(); this catches a storage disposed without it.
    if (this.dirty) void this.flush();
    this.writes.dispose();
  }
}
