import * as z from "zod";
import type { Context } from "../context";
import { isConditionalCheckFailure } from "../db/transaction";
import { ValidationFailed, VersionConflict } from "../util/errors";
import { issuesToDetails } from "../util/validation";
import { Role } from "./role";

/**
 * A user record as whoever manages access writes it. `userId` is the identity provider's subject:
 * Cognito's `sub` in AWS, the dev issuer's user id locally. The record, not the token, says what
 * the user may do and whether they may sign in at all.
 */
export const UserRecordInput = z.object({
  userId: z.string().trim().min(1).max(64),
  email: z
    .email()
    .transform((email) => email.toLowerCase())
    .pipe(z.string().max(254)),
  name: z.string().trim().min(1).max(200),
  organisationId: z.string().trim().min(1).max(64),
  roles: z.array(Role).min(1, "Give the user at least one role"),
  active: z.boolean().default(true),
});
export type UserRecordInput = z.input<typeof UserRecordInput>;

/**
 * Creates the user's record, or replaces what it says about them (the caseload and its limit are
 * kept). Setting `active: false` refuses their tokens within `userRecordCacheSeconds`.
 */
export async function saveUser(
  context: Context,
  input: UserRecordInput,
): Promise<{ created: boolean; version: number }> {
  const parsed = UserRecordInput.safeParse(input);
  if (!parsed.success) throw ValidationFailed(issuesToDetails(parsed.error.issues));
  const { userId, ...fields } = parsed.data;
  const { user } = context.db.entities;
  const at = context.clock.now().toISOString();
  const existing = await user.get({ userId }).go({ consistent: true });
  try {
    if (!existing.data) {
      await user
        .create({ userId, ...fields, version: 1, activeCaseload: 0, createdAt: at, updatedAt: at })
        .go();
      return { created: true, version: 1 };
    }
    const currentVersion = existing.data.version;
    await user
      .patch({ userId })
      .set({ ...fields, updatedAt: at })
      .add({ version: 1 })
      .where((attributes, { eq }) => eq(attributes.version, currentVersion))
      .go();
    return { created: false, version: currentVersion + 1 };
  } catch (error) {
    if (!isConditionalCheckFailure(error)) throw error;
    const latest = await user.get({ userId }).go({ consistent: true });
    throw VersionConflict(latest.data?.version ?? 0);
  }
}
