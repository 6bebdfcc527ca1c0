import type { Context } from "../context";

/** The area's GP practices, for people to name theirs when they refer themselves. */
export async function listPractices(context: Context): Promise<{ odsCode: string; name: string }[]> {
  const practices = await context.db.entities.practice.query.all({}).go({ pages: "all" });
  return practices.data
    .map((practice) => ({ odsCode: practice.odsCode, name: practice.name }))
    .sort((left, right) => left.name.localeCompare(right.name));
}
