// The "Related documents" part of a citation hover, local first: what is remembered is shown at once, a lookup
// starts in the background, and the next hover shows its answer. The hover never waits on the network for it.
import { renderRelatedMarkdown, type DocumentMetadata } from '../../core/metadata';
import { COMMANDS } from '../common/commands';
import { translate } from '../metadata/metadata-service';
import type { RelatedService } from '../metadata/related-service';

/** Markdown to append to the hover ('' when there is nothing to show). */
export function relatedSection(related: RelatedService | undefined, meta: DocumentMetadata | undefined): string {
  if (!related || !meta || !related.supports(meta) || related.disabled) return '';
  const known = related.peek(meta.id);
  if (!known) related.lookUpSoon(meta);
  return renderRelatedMarkdown(known, { t: translate, pending: !known && related.isLooking(meta.id), openCommand: COMMANDS.openCitedDocument });
}
