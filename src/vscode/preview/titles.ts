// Titles of cited documents for the preview's tooltips, synchronously: what the metadata resolver remembers, and a
// lookup in the background (once per id) for what it does not, after which the preview is refreshed. The resolver
// forgets everything when the catalog reloads (and a new one replaces it when the API settings change): then the
// ids are asked for again, else the tooltips would stay empty until the window reloads. No 'vscode' import here.
import type { DocumentMetadata } from '../../core/metadata';

export interface TitleResolver {
  peek(id: string): DocumentMetadata | undefined;
  resolve(id: string, options: { timeoutMs: number; preferLocalAfterMs: number }): Promise<{ meta?: DocumentMetadata }>;
}

const LOOKUP_TIMEOUT_MS = 20000;

export class PreviewTitles {
  private asked = new Set<string>();
  private askedOf: TitleResolver | undefined;

  /** `resolver()`: the metadata service's resolver of the moment; `soon()`: refreshes the preview. */
  constructor(
    private readonly resolver: () => TitleResolver,
    private readonly soon: () => void,
  ) {}

  title(id: string): string | undefined {
    const resolver = this.resolver();
    if (resolver !== this.askedOf) this.forget();
    this.askedOf = resolver;
    const known = resolver.peek(id);
    if (!known && !this.asked.has(id)) {
      this.asked.add(id);
      void resolver.resolve(id, { timeoutMs: LOOKUP_TIMEOUT_MS, preferLocalAfterMs: 0 }).then(
        (r) => r.meta?.title && this.soon(),
        () => undefined,
      );
    }
    return known?.title;
  }

  /** The metadata changed (catalog reloaded, settings changed): ask again for what is not remembered. */
  forget(): void {
    this.asked = new Set();
  }
}
