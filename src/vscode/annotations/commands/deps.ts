// What the annotation commands work with (built once in services.ts, handed over by the area's index.ts).
import type { Notifier } from '../../common/notify';
import type { LetterIndex } from '../../workspace/letter-index';
import type { LetterAnchors } from '../anchors';
import type { AnnotationAuthor } from '../author';
import type { AnnotationStores } from '../store/stores';
import type { AnnotationTaxonomy } from '../taxonomy';

export interface AnnotationCommandDeps {
  stores: AnnotationStores;
  anchors: LetterAnchors;
  taxonomy: AnnotationTaxonomy;
  author: AnnotationAuthor;
  letters: LetterIndex;
  notifier: Notifier;
}
