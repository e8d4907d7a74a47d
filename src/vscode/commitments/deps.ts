// What the commitments area works with (built once in services.ts).
import type { Services } from '../../services';

export type RegisterServices = Pick<
  Services,
  'stores' | 'anchors' | 'letters' | 'workspaceIndex' | 'markdownFiles' | 'taxonomy' | 'notifier' | 'author' | 'context'
>;
