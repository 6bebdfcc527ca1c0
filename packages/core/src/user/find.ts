import type { Context } from "../context";

export async function findUserByEmail(context: Context, email: string) {
  const result = await context.db.entities.user.query.byEmail({ email: email.trim().toLowerCase() }).go();
  return result.data.find((user) => user.active);
}
