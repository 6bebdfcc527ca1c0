import type { BoardColumn } from "../schema";

interface SummarisedItem {
  itemId: string;
  referralId: string;
  column: BoardColumn;
  position: number;
  decision?: string | undefined;
  actionIds: readonly string[];
  rolledTo?: string | undefined;
}

export interface SummaryLine<Action> {
  itemId: string;
  referralId: string;
  decision?: string;
  actions: Action[];
  rolledTo?: string;
}

const columnRank: Record<BoardColumn, number> = { decided: 0, discussing: 1, to_discuss: 2, deferred: 3 };

/**
 * What the meeting came to, one line per person: the decision and the actions agreed, or where
 * the person was carried over to. Decided people first, in the order they were decided on the
 * board, then the rest as the board left them.
 */
export function summarise<Action>(
  items: readonly SummarisedItem[],
  actionsById: ReadonlyMap<string, Action>,
): SummaryLine<Action>[] {
  return [...items]
    .sort(
      (left, right) =>
        columnRank[left.column] - columnRank[right.column] ||
        left.position - right.position ||
        left.itemId.localeCompare(right.itemId),
    )
    .map((item) => ({
      itemId: item.itemId,
      referralId: item.referralId,
      ...(item.decision !== undefined ? { decision: item.decision } : {}),
      actions: item.actionIds.flatMap((actionId) => {
        const action = actionsById.get(actionId);
        return action === undefined ? [] : [action];
      }),
      ...(item.rolledTo ? { rolledTo: item.rolledTo } : {}),
    }));
}
