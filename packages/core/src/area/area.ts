import type { Context } from "../context";

/**
 * The area a deployment serves until it serves several: every area-wide index is partitioned by
 * area, so a second area later is new partitions, not a migration.
 */
export const defaultAreaId = "default";

export function areaOf(context: Pick<Context, "areaId">): string {
  return context.areaId ?? defaultAreaId;
}
