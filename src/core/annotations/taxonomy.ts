// The tag taxonomy: three default tags, extended (or overridden) by the team's `kamerstuk.tags` setting.

import { editDistance } from './approximate-search';
import { message, MESSAGES, type Message } from './messages';

export interface TagDefinition {
  /** The key stored in annotation files, e.g. `measure`. */
  id: string;
  /** What analysts see: the team's (Dutch) label, e.g. `maatregel`. */
  label: string;
  /** The label in an English user interface, e.g. `measure`; `label` when absent. */
  labelEn?: string;
  /** A CSS colour for decorations, e.g. `#2e7d32`. */
  color: string;
  description?: string;
}

export type Taxonomy = ReadonlyMap<string, TagDefinition>;

export const DEFAULT_TAGS: readonly TagDefinition[] = [
  { id: 'measure', label: 'maatregel', labelEn: 'measure', color: '#2e7d32' },
  { id: 'commitment', label: 'toezegging', labelEn: 'commitment', color: '#1565c0' },
  { id: 'conclusion', label: 'conclusie', labelEn: 'conclusion', color: '#ef6c00' },
];

const TAG_ID = /^[A-Za-z][\w-]*$/;
const FALLBACK_COLORS = ['#6a1b9a', '#00838f', '#ad1457', '#558b2f', '#4e342e', '#37474f'];

export function defaultTaxonomy(): Taxonomy {
  return new Map(DEFAULT_TAGS.map((t) => [t.id, { ...t }]));
}

/**
 * Reads the `kamerstuk.tags` setting. Accepted shapes:
 * `{ "risk": { "label": "risico", "labelEn": "risk", "color": "#c62828" }, "conclusion": null }` (null removes a
 * default) or
 * `[{ "id": "risk", "label": "risico", "color": "#c62828" }]`. Entries extend the defaults; a bad entry is skipped
 * and reported, never fatal.
 */
export function taxonomyFromSetting(setting: unknown): { taxonomy: Taxonomy; problems: Message[] } {
  const tags = new Map(defaultTaxonomy());
  const problems: Message[] = [];
  const entries: [string, unknown][] = [];
  if (Array.isArray(setting)) {
    for (const item of setting) {
      const id = item && typeof item === 'object' ? (item as { id?: unknown }).id : undefined;
      if (typeof id === 'string') entries.push([id, item]);
      else problems.push(message(MESSAGES.tagWithoutId));
    }
  } else if (setting && typeof setting === 'object') {
    entries.push(...Object.entries(setting as Record<string, unknown>));
  } else if (setting !== undefined && setting !== null) {
    problems.push(message(MESSAGES.tagsSettingShape));
  }
  for (const [id, value] of entries) {
    if (!TAG_ID.test(id)) {
      problems.push(message(MESSAGES.tagIdInvalid, id));
      continue;
    }
    if (value === null || value === false) {
      tags.delete(id);
      continue;
    }
    const v = (typeof value === 'object' ? value : typeof value === 'string' ? { label: value } : {}) as Record<string, unknown>;
    const base = tags.get(id);
    const color = typeof v.color === 'string' && v.color ? v.color : (base?.color ?? FALLBACK_COLORS[tags.size % FALLBACK_COLORS.length]);
    const label = typeof v.label === 'string' && v.label ? v.label : (base?.label ?? id);
    const description = typeof v.description === 'string' ? v.description : base?.description;
    // A new Dutch label without an English one: the Dutch label serves both.
    const labelEn = typeof v.labelEn === 'string' && v.labelEn ? v.labelEn : typeof v.label === 'string' && v.label ? undefined : base?.labelEn;
    tags.set(id, { id, label, ...(labelEn ? { labelEn } : {}), color, ...(description ? { description } : {}) });
  }
  return { taxonomy: tags, problems };
}

/**
 * The key a written tag stands for: the key itself, or a key or label of the taxonomy written in another case
 * (`maatregel`, `Measure`: what the user interface shows); undefined for a tag the taxonomy does not know.
 */
export function canonicalTag(taxonomy: Taxonomy, tag: string): string | undefined {
  if (taxonomy.has(tag)) return tag;
  const t = tag.trim().toLowerCase();
  for (const def of taxonomy.values()) if ([def.id, def.label, def.labelEn].some((name) => name?.toLowerCase() === t)) return def.id;
  return undefined;
}

/** The key nearest to an unknown tag (a typo of a key or label: at most a third of its letters off), if any. */
export function closestTag(taxonomy: Taxonomy, tag: string): string | undefined {
  const t = tag.trim().toLowerCase();
  let best: { id: string; distance: number } | undefined;
  for (const def of taxonomy.values()) {
    for (const name of [def.id, def.label, def.labelEn]) {
      if (!name) continue;
      const distance = editDistance(t, name.toLowerCase());
      if (distance <= Math.max(1, Math.floor(name.length / 3)) && (!best || distance < best.distance)) best = { id: def.id, distance };
    }
  }
  return best?.id;
}

/** The label of a tag: the team's (Dutch) label, or with `english` its English label where it has one. */
export function tagLabel(taxonomy: Taxonomy, tag: string, english = false): string {
  const def = taxonomy.get(tag);
  return (english ? def?.labelEn : undefined) ?? def?.label ?? tag;
}
