import type { DevIdentity } from "@linkwork/local/dev-issuer";
import { expect } from "vitest";
import type { ApiHarness } from "./api";
import { aReferral } from "./builders";
import { team } from "./world";

export const triage = {
  priority: "soon",
  supportLevel: "supported_connection",
  needs: ["loneliness_isolation", "housing"],
  riskFlags: ["lives_alone"],
};

/** Takes referrals through the API to the stage a test needs, checking each step succeeds. */
export function journey(api: () => ApiHarness) {
  async function post(path: string, as: DevIdentity, body: unknown) {
    return api().call("POST", path, { as, body });
  }

  async function referred(overrides = {}) {
    const response = await post(
      "/api/referrals",
      team.gp,
      aReferral({ person: { ...aReferral().person, postcode: "NS1 4AB" }, ...overrides }),
    );
    expect(response.status).toBe(201);
    return response.body;
  }

  async function triaged() {
    const referral = await referred();
    const response = await post(`/api/referrals/${referral.id}/triage`, team.coordinator, {
      version: referral.version,
      ...triage,
      note: "Wants a walking group",
    });
    expect(response.status).toBe(200);
    return response.body;
  }

  async function allocatedTo(organisationId: string) {
    const referral = await triaged();
    const response = await post(`/api/referrals/${referral.id}/allocate`, team.coordinator, {
      version: referral.version,
      organisationId,
    });
    expect(response.status).toBe(200);
    return response.body;
  }

  async function acceptedByCommunityConnect() {
    const referral = await allocatedTo(team.vcsManager.organisationId);
    const response = await post(`/api/referrals/${referral.id}/accept`, team.vcsManager, {
      version: referral.version,
    });
    expect(response.status).toBe(200);
    return response.body;
  }

  return { post, referred, triaged, allocatedTo, acceptedByCommunityConnect };
}
