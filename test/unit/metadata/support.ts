// Shared helpers for the metadata tests: an unhandled-rejection trap and a bound on how long a promise may take.
import { strict as assert } from 'node:assert';

/** Installs a `process.on('unhandledRejection')` trap for the enclosing suite and fails any test that leaks one. */
export function trapUnhandledRejections(): void {
  const seen: unknown[] = [];
  const trap = (reason: unknown) => seen.push(reason);
  before(() => process.on('unhandledRejection', trap));
  after(() => process.off('unhandledRejection', trap));
  afterEach(async () => {
    await new Promise((r) => setTimeout(r, 20)); // let pending rejections surface
    const leaked = seen.splice(0);
    assert.deepEqual(leaked.map(String), [], 'a promise rejection went unhandled');
  });
}

/** Resolves with the promise's value, or fails when it has not settled within `ms` (it must settle, not be fast). */
export async function settlesWithin<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`did not settle within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

export const signal = () => new AbortController().signal;

/** Asserts that hover markdown can form no HTML and no link except https to official hosts and `kamerstuk.*` commands. */
export function assertInert(md: string): void {
  assert.ok(!/(^|[^\\])</.test(md), `unescaped '<' in: ${md}`);
  for (const m of md.matchAll(/(?<!\\)\]\(([^)]*)\)/g)) {
    assert.match(
      m[1],
      /^(https:\/\/(zoek\.officielebekendmakingen\.nl|www\.tweedekamer\.nl|gegevensmagazijn\.tweedekamer\.nl)\/|command:kamerstuk\.)/,
      `link target ${m[1]}`,
    );
  }
  assert.ok(!/(^|[^\\])!\[/.test(md), 'image syntax');
  assert.ok(!/[\u0000-\u0009\u000b-\u001f]/.test(md), 'control characters');
}
