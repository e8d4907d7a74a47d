// Gives the extension host's thread back to other work (other extensions' hovers, VS Code's messages) between two
// steps of the workspace index: the steps run as separate tasks, never as one long one.
export const yieldToHost = (): Promise<void> => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Steps of at most this many items between yields (a few milliseconds each). */
export const ITEMS_PER_STEP = 1000;
