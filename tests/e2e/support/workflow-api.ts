import type { PersonRecord, PersonUpdateRequest } from "@linkwork/core/person/requests";
import type { Referral, ReferralCreateInput } from "@linkwork/core/referral/schema";
import { devApi } from "./dev-api";
import { testNhsNumber } from "./nhs-numbers";
import { uniqueFamilyName } from "./referral-form";

/**
 * Sets the scene through the API rather than the browser, for tests whose point is a later step:
 * the referral a manager declines, the one two coordinators race to allocate.
 */
export function workflowApi(baseUrl: string) {
  const api = devApi(baseUrl);
  const call = <T>(email: string, path: string, body: unknown, method = "POST"): Promise<T> =>
    api.call<T>(email, method, path, method === "GET" ? undefined : body);

  return {
    /** A GP's referral for someone in Community Connect's area, waiting for triage. */
    async referral(
      givenName: string,
      person: Partial<ReferralCreateInput["person"]> = {},
    ): Promise<Referral> {
      const body: ReferralCreateInput = {
        person: {
          nhsNumber: testNhsNumber(),
          givenName,
          familyName: uniqueFamilyName("Test"),
          dateOfBirth: "1961-09-12",
          postcode: "NS2 3PL",
          phone: "07700 900 123",
          ...person,
        },
        source: "gp",
        practiceOds: "A81001",
        reason: "Recently bereaved and struggling with bills; would like to meet people nearby.",
        needs: ["loneliness_isolation", "housing"],
        riskFlags: [],
        consent: { shareWithProviders: true },
      };
      return call<Referral>("gp@linkwork.test", "/api/referrals", body);
    },
    /** The same, triaged and ready to allocate. */
    async triagedReferral(givenName: string): Promise<Referral> {
      const received = await this.referral(givenName);
      return call<Referral>("coordinator@linkwork.test", `/api/referrals/${received.id}/triage`, {
        version: received.version,
        priority: "routine",
        supportLevel: "supported_connection",
        needs: received.needs,
      });
    },
    async allocate(referral: Referral, organisationId: string): Promise<Referral> {
      return call<Referral>("coordinator@linkwork.test", `/api/referrals/${referral.id}/allocate`, {
        version: referral.version,
        organisationId,
      });
    },
    /** Allocated to Community Connect and accepted by its manager: ready for a link worker. */
    async acceptedReferral(givenName: string): Promise<Referral> {
      const allocated = await this.allocate(await this.triagedReferral(givenName), "org_community_connect");
      return call<Referral>("manager.vcs@linkwork.test", `/api/referrals/${allocated.id}/accept`, {
        version: allocated.version,
      });
    },
    /** The same, picked up by Community Connect's link worker. */
    async caseOnCaseload(givenName: string): Promise<Referral> {
      const accepted = await this.acceptedReferral(givenName);
      return call<Referral>("worker.vcs@linkwork.test", `/api/referrals/${accepted.id}/claim`, {
        version: accepted.version,
      });
    },
    /** A referral as the triage coordinator sees it, with the person record it is on. */
    async referralAsCoordinator(referralId: string): Promise<Referral> {
      return call<Referral>("coordinator@linkwork.test", `/api/referrals/${referralId}`, undefined, "GET");
    },
    /** A person's stored record, read by the triage coordinator. */
    async person(personId: string): Promise<PersonRecord> {
      return call<PersonRecord>("coordinator@linkwork.test", `/api/people/${personId}`, undefined, "GET");
    },
    /** Another coordinator's correction of a person's record, made while a test's page is open. */
    async correctPerson(personId: string, change: PersonUpdateRequest): Promise<PersonRecord> {
      return call<PersonRecord>("coordinator@linkwork.test", `/api/people/${personId}`, change, "PATCH");
    },
    /** Another coordinator confirms or splits a referral's possible match, while a test's page is open. */
    async decideMatch(referral: Referral, decision: "confirm" | "split"): Promise<Referral> {
      return call<Referral>(
        "coordinator@linkwork.test",
        `/api/referrals/${referral.id}/person-match/${decision}`,
        {
          version: referral.version,
        },
      );
    },
    /** Community Connect's manager sets its link worker's caseload limit. */
    async setCommunityConnectLimit(caseloadLimit: number): Promise<void> {
      await call(
        "manager.vcs@linkwork.test",
        "/api/link-workers/usr_worker_vcs/capacity",
        { caseloadLimit },
        "PUT",
      );
    },
  };
}
