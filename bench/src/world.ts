import type { LocalRuntime } from "@linkwork/local/runtime";
import type { ApiClient } from "./api-client";
import { inParallel } from "./concurrency";

export const organisations = {
  hub: "org_northshire_hub",
  communityConnect: "org_community_connect",
  northTownPcn: "org_north_town_pcn",
  carersCentre: "org_carers_centre",
} as const;

/** Someone signed in through the dev issuer, as their token names them. */
export interface Person {
  userId: string;
  email: string;
  token: string;
}

export async function signInAs(api: ApiClient, userId: string, email: string): Promise<Person> {
  return { userId, email, token: await api.signIn(email) };
}

/**
 * Adds benchmark staff through core's user entity, as seeding does: triage coordinators at the
 * hub, or Community Connect link workers with the given caseload limit. Then signs each one in.
 */
export async function addStaff(
  runtime: LocalRuntime,
  api: ApiClient,
  kind: "coordinator" | "worker",
  names: string[],
  caseloadLimit = 0,
): Promise<Person[]> {
  const at = new Date().toISOString();
  return inParallel(names, 4, async (name) => {
    const userId = `usr_bench_${kind}_${name}`;
    const email = `bench.${kind}.${name}@linkwork.test`;
    await runtime.context.db.entities.user
      .create({
        userId,
        email,
        name: `Bench ${kind} ${name}`,
        version: 1,
        activeCaseload: 0,
        active: true,
        createdAt: at,
        updatedAt: at,
        ...(kind === "coordinator"
          ? { roles: ["triage_coordinator"], organisationId: organisations.hub }
          : { roles: ["link_worker"], organisationId: organisations.communityConnect, caseloadLimit }),
      })
      .go();
    return signInAs(api, userId, email);
  });
}

export function numbered(prefix: string, count: number): string[] {
  return Array.from({ length: count }, (_, index) => `${prefix}${String(index + 1).padStart(2, "0")}`);
}
