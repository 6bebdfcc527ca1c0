import type { Referral } from "@linkwork/core/referral/schema";
import type { LocalRuntime } from "@linkwork/local/runtime";
import { devApi } from "./dev-api";
import { workflowApi } from "./workflow-api";

const worker = "worker.vcs@linkwork.test";

/**
 * Sets the scene for casework through the API, as the link worker would at the case page: the
 * contacts, measures and connections before a case closes, and its escalations.
 */
export function caseworkScene(runtime: LocalRuntime) {
  const workflow = workflowApi(runtime.url);
  const api = devApi(runtime.url);
  const path = (referral: Referral, rest: string) => `/api/referrals/${referral.id}/${rest}`;
  const referralAs = (email: string, referral: Referral) =>
    api.call<Referral>(email, "GET", `/api/referrals/${referral.id}`);

  return {
    workflow,
    referralAs,
    /** Another link worker in Community Connect, for cover: signs in as nobody, only takes cases. */
    async addCommunityConnectWorker(userId: string, name: string, caseloadLimit: number): Promise<void> {
      const at = new Date().toISOString();
      await runtime.context.db.entities.user
        .create({
          userId,
          email: `${userId}@linkwork.test`,
          name,
          roles: ["link_worker"],
          organisationId: "org_community_connect",
          caseloadLimit,
          activeCaseload: 0,
          active: true,
          version: 1,
          createdAt: at,
          updatedAt: at,
        })
        .go();
    },
    /** A phone call just now: the referral was only just received, and a contact is never before that. */
    async recordContact(referral: Referral, outcome: "made_contact" | "no_answer") {
      await api.call(worker, "POST", path(referral, "contacts"), {
        at: new Date().toISOString(),
        method: "phone",
        outcome,
        durationMinutes: outcome === "made_contact" ? 25 : undefined,
        note: "Talked about the walking group and her bills.",
      });
    },
    async recordMeasure(
      referral: Referral,
      tool: "swemwbs" | "ons4" | "domains",
      stage: "baseline" | "final",
      answers: unknown,
    ) {
      await api.call(worker, "POST", path(referral, "measures"), { tool, stage, answers });
    },
    async connect(referral: Referral, serviceName: string, sector: "vcs" | "statutory", status: string) {
      await api.call(worker, "POST", path(referral, "connections"), {
        serviceName,
        sector,
        need: "loneliness_isolation",
        status,
      });
    },
    async escalate(referral: Referral, to: "gp" | "adult_social_care" | "safeguarding", note: string) {
      await api.call(worker, "POST", path(referral, "escalations"), { to, note });
    },
    async close(referral: Referral, summary: string, reason = "connected_to_services"): Promise<Referral> {
      const current = await referralAs(worker, referral);
      return api.call<Referral>(worker, "POST", path(referral, "close"), {
        version: current.version,
        reason,
        summary,
      });
    },
  };
}
