// Bounded concurrency: file reads and lookups a few at a time, results in the order of the items.

/**
 * `work` for every item, at most `limit` at a time, the results in the order of the items. With `stop`, no further
 * item is started once it says so (the results of items not started are undefined).
 */
export async function mapConcurrently<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>, stop?: () => boolean): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length && !stop?.()) {
      const i = next++;
      results[i] = await work(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}
