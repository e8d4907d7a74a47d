// Node adapters for the metadata core: a key-value storage kept in one JSON file (the CLI's metadata cache),
// the cache location, and the search for the team catalog from a folder upwards.
import { promises as fs } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import type { KeyValueStorage } from '../core/metadata/cache';
import { CATALOG_PATH } from '../core/metadata/catalog';

/** `$XDG_CACHE_HOME/kamerstuk-annotator/metadata-cache.json`, else `~/.cache/kamerstuk-annotator/…`. */
export function defaultCacheFile(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_CACHE_HOME && env.XDG_CACHE_HOME.startsWith('/') ? env.XDG_CACHE_HOME : join(homedir(), '.cache');
  return join(base, 'kamerstuk-annotator', 'metadata-cache.json');
}

/**
 * All keys in one JSON object on disk. Read once on first use; `flush()` writes it back atomically (temp file
 * and rename) when something changed. A missing or corrupt file is an empty cache, never an error.
 */
export class JsonFileStorage implements KeyValueStorage {
  private data: Map<string, string> | undefined;
  private dirty = false;

  constructor(readonly file: string) {}

  private async load(): Promise<Map<string, string>> {
    if (this.data) return this.data;
    const map = new Map<string, string>();
    try {
      const parsed = JSON.parse(await fs.readFile(this.file, 'utf8')) as unknown;
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
        for (const [k, v] of Object.entries(parsed)) if (typeof v === 'string') map.set(k, v);
      }
    } catch {
      // no cache yet, or unreadable: start empty
    }
    this.data ??= map;
    return this.data;
  }

  async get(key: string): Promise<string | undefined> {
    return (await this.load()).get(key);
  }

  async set(key: string, value: string): Promise<void> {
    (await this.load()).set(key, value);
    this.dirty = true;
  }

  async delete(key: string): Promise<void> {
    if ((await this.load()).delete(key)) this.dirty = true;
  }

  async keys(): Promise<string[]> {
    return [...(await this.load()).keys()];
  }

  async flush(): Promise<void> {
    if (!this.dirty || !this.data) return;
    await fs.mkdir(dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    await fs.writeFile(tmp, JSON.stringify(Object.fromEntries(this.data)));
    await fs.rename(tmp, this.file);
    this.dirty = false;
  }
}

/** The nearest `.kamerstuk/catalog.yaml` from `dir` upwards, with its text; undefined when there is none. */
export async function findCatalog(dir: string, readFile: (path: string) => Promise<string>): Promise<{ path: string; text: string } | undefined> {
  for (let d = dir; ; d = dirname(d)) {
    const path = join(d, CATALOG_PATH);
    try {
      return { path, text: await readFile(path) };
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw e;
    }
    if (dirname(d) === d) return undefined;
  }
}
