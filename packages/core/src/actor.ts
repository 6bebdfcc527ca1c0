import { AsyncLocalStorage } from "node:async_hooks";
import * as z from "zod";
import { Role } from "./user/role";
import { Forbidden, Unauthenticated } from "./util/errors";

export const UserActor = z.object({
  type: z.literal("user"),
  userId: z.string(),
  email: z.string(),
  name: z.string(),
  roles: z.array(Role),
  organisationId: z.string(),
});
export type UserActor = z.infer<typeof UserActor>;

export type Actor =
  | UserActor
  | { type: "public" }
  /** A background process acting on its own authority (timers, subscribers). */
  | { type: "system"; name: string };

const storage = new AsyncLocalStorage<Actor>();

export function withActor<T>(actor: Actor, fn: () => T): T {
  return storage.run(actor, fn);
}

export function useActor(): Actor {
  return storage.getStore() ?? { type: "public" };
}

export function useUser(): UserActor {
  const actor = useActor();
  if (actor.type !== "user") throw Unauthenticated();
  return actor;
}

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return actor.type === "user" && actor.roles.some((role) => roles.includes(role));
}

/** The caller must hold one of these roles; anything else is a 403, since the role may never do it. */
export function requireRole(...roles: Role[]): UserActor {
  const user = useUser();
  if (!hasRole(user, ...roles)) throw Forbidden();
  return user;
}

export function actorId(actor: Actor): string {
  switch (actor.type) {
    case "user":
      return actor.userId;
    case "system":
      return `system:${actor.name}`;
    case "public":
      return "public";
  }
}
