import type { CollisionDetector, Droppable } from "@thisbeyond/solid-dnd";
import { closestCenter } from "@thisbeyond/solid-dnd";

const contains = (droppable: Droppable, point: { x: number; y: number }) => {
  const layout = droppable.layout;
  return (
    point.x >= layout.left && point.x <= layout.right && point.y >= layout.top && point.y <= layout.bottom
  );
};

/**
 * Where a dragged card lands: on the card under its centre (taking that card's place), else on the
 * column under it (the end of that column), else on the nearest column.
 */
export const cardOrColumnUnder: CollisionDetector = (draggable, droppables, context) => {
  const centre = draggable.transformed.center;
  const others = droppables.filter((droppable) => droppable.id !== draggable.id);
  const card = others.find((droppable) => droppable.data.kind === "card" && contains(droppable, centre));
  if (card) return card;
  const columns = others.filter((droppable) => droppable.data.kind === "column");
  return columns.find((column) => contains(column, centre)) ?? closestCenter(draggable, columns, context);
};
