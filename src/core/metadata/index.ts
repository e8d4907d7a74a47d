// Public API of the metadata core: model, sources, resolver, hover text.
import { bundledSource } from './bundled';
import { CacheSource, type CachePolicy, type KeyValueStorage, MemoryStorage } from './cache';
import { CatalogSource } from './catalog';
import type { LetterFrontMatterSource } from './letter-source';
import type { ODataHttpOptions } from './odata-http';
import { MetadataResolver, type ResolverOptions } from './resolver';
import type { StaticSource } from './source';
import { TweedeKamerSource } from './tk-source';

export * from './model';
export * from './ids';
export * from './source';
export * from './catalog';
export * from './cache';
export * from './odata-http';
export * from './tk-source';
export * from './stemming';
export * from './bundled';
export * from './resolver';
export * from './hover';
export * from './hover-text';
export * from './letter-source';
export * from './related-model';
export * from './related';
export * from './related-hover';
export * from './toezegging';
export * from './toezegging-hover';

export interface MetadataStackOptions {
  /** Text of `.kamerstuk/catalog.yaml`, if the workspace has one. */
  catalogText?: string;
  /** Storage for the cache; memory when absent. */
  storage?: KeyValueStorage;
  cachePolicy?: Partial<CachePolicy>;
  /** API options: `baseUrl`, `online` (false: no network at all), timeouts, retries. */
  api?: ODataHttpOptions;
  /** Include the bundled catalog of the sample letters. Default true. */
  bundled?: boolean;
  /** The front matter of the workspace's letters (after the API, before the bundled catalog). */
  letters?: LetterFrontMatterSource;
  resolver?: Omit<ResolverOptions, 'sources' | 'cache'>;
}

export interface MetadataStack {
  resolver: MetadataResolver;
  catalog: CatalogSource;
  cache: CacheSource;
  api: TweedeKamerSource;
  bundled?: StaticSource;
  /**
   * The id one document goes by, whatever alias it is cited under (2024D25640 and 2024Z10806 are kst-29754-716):
   * the team catalog's record first, then the bundled one; the id itself when neither knows it.
   */
  canonicalId(id: string): string;
}

/**
 * The sources in the order DESIGN.md fixes (catalog, cache, API, bundled) behind one resolver; the workspace
 * letters' front matter, when given, just before the bundled catalog.
 */
export function createMetadataStack(options: MetadataStackOptions = {}): MetadataStack {
  const catalog = new CatalogSource(options.catalogText ?? '');
  const cache = new CacheSource(options.storage ?? new MemoryStorage(), { policy: options.cachePolicy, now: options.resolver?.now });
  const api = new TweedeKamerSource({ now: options.resolver?.now, ...options.api });
  const bundled = options.bundled === false ? undefined : bundledSource();
  const sources = [catalog, cache, api, ...(options.letters ? [options.letters] : []), ...(bundled ? [bundled] : [])];
  const resolver = new MetadataResolver({ ...options.resolver, sources, cache });
  // Trying again (or back online): answers that fell back to local sources are asked for again.
  api.http.onDidChangeStatus((status) => (status === 'online' || status === 'checking') && resolver.forgetFailures());
  const canonicalId = (id: string) => catalog.primaryId(id) ?? bundled?.primaryId(id) ?? id;
  return { resolver, catalog, cache, api, bundled, canonicalId };
}
export { isLoopbackHost, isSafeBaseUrl } from './base-url';
