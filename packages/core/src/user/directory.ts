import type { UserActor } from "../actor";
import type { Context } from "../context";
import { Role } from "./role";

/**
 * How long one container trusts a user record it has read. A deactivation, or a change of roles or
 * organisation, reaches every container within this many seconds, while a busy container reads each
 * signed-in user's record about once a minute rather than on every request.
 */
export const userRecordCacheSeconds = 60;

/** Enough for every member of staff of a large area; past it the oldest entries go first. */
const maximumCachedUsers = 10_000;

export type UserLookup =
  | { status: "active"; actor: UserActor }
  | { status: "inactive" }
  | { status: "unknown" };

interface CacheEntry {
  expiresAt: number;
  lookup: Promise<UserLookup>;
}

const unknown: UserLookup = { status: "unknown" };

export interface UserDirectory {
  /** The user with this id as their record describes them, read through the cache. */
  lookUp(userId: string): Promise<UserLookup>;
}

/**
 * The user records behind signed-in requests, cached per container for `userRecordCacheSeconds`,
 * timed by the context's clock. Only found records are cached: a user whose record is created
 * after a refused request can sign in at once.
 */
export function createUserDirectory(context: Context): UserDirectory {
  const cacheMilliseconds = userRecordCacheSeconds * 1000;
  const cache = new Map<string, CacheEntry>();

  async function read(userId: string): Promise<UserLookup> {
    const { data } = await context.db.entities.user.get({ userId }).go({ consistent: true });
    if (!data) return unknown;
    if (!data.active) return { status: "inactive" };
    const roles = data.roles.flatMap((role) => {
      const parsed = Role.safeParse(role);
      return parsed.success ? [parsed.data] : [];
    });
    return {
      status: "active",
      actor: {
        type: "user",
        userId: data.userId,
        email: data.email,
        name: data.name,
        roles,
        organisationId: data.organisationId,
      },
    };
  }

  return {
    lookUp(userId) {
      const now = context.clock.now().getTime();
      const cached = cache.get(userId);
      if (cached && cached.expiresAt > now) return cached.lookup;
      cache.delete(userId);
      // Concurrent requests for one user share one read; a failed read, or no record, is not kept.
      const entry: CacheEntry = { expiresAt: now + cacheMilliseconds, lookup: Promise.resolve(unknown) };
      const forgetEntry = () => {
        if (cache.get(userId) === entry) cache.delete(userId);
      };
      entry.lookup = read(userId).then(
        (result) => {
          if (result.status === "unknown") forgetEntry();
          return result;
        },
        (error: unknown) => {
          forgetEntry();
          throw error;
        },
      );
      cache.set(userId, entry);
      if (cache.size > maximumCachedUsers) {
        const oldest = cache.keys().next().value;
        if (oldest !== undefined) cache.delete(oldest);
      }
      return entry.lookup;
    },
  };
}
