import { createEffect } from "solid-js";
import { createStore, reconcile } from "solid-js/store";

/**
 * A list that keeps each entry's identity across refetches (matched by `key`), so `<For>` keeps its
 * element, and whatever the user has opened or typed there, while the data under it changes.
 */
export function createReconciledList<Item extends object>(
  items: () => readonly Item[],
  key: keyof Item & string,
) {
  const [list, setList] = createStore<Item[]>([]);
  createEffect(() => setList(reconcile([...items()], { key })));
  return list;
}
