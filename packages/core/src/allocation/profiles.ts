import { type WorkingCalendar, workingDaysBetween } from "../calendar/domain/working-days";
import type { Context } from "../context";
import type { OrganisationProfile } from "./domain/options";

/** Referrals allocated to an organisation and not yet picked up by one of its link workers. */
const waitingStatuses = ["allocated", "accepted"] as const;

/** Every organisation that takes referrals, with its link workers' capacity and its waiting list. */
export async function providerProfiles(
  context: Context,
  calendar: WorkingCalendar,
): Promise<OrganisationProfile[]> {
  const { organisation, user, referral } = context.db.entities;
  const now = context.clock.now();
  const organisations = await organisation.query.all({}).go({ pages: "all" });
  const providers = organisations.data.filter((item) => item.acceptsReferrals);
  return Promise.all(
    providers.map(async (provider) => {
      const [members, ...waiting] = await Promise.all([
        user.query.byOrganisation({ organisationId: provider.organisationId }).go({ pages: "all" }),
        ...waitingStatuses.map((status) =>
          referral.query
            .byOrganisation({ organisationKey: provider.organisationId, status })
            .go({ pages: "all" }),
        ),
      ]);
      const waitingSince = waiting
        .flatMap((page) => page.data)
        .map((item) => item.allocatedAt ?? item.receivedAt)
        .sort();
      return {
        organisationId: provider.organisationId,
        name: provider.name,
        practices: provider.practices,
        postcodeDistricts: provider.postcodeDistricts,
        minAge: provider.minAge,
        maxAge: provider.maxAge,
        needs: provider.needs,
        supportLevels: provider.supportLevels,
        languages: provider.languages,
        interpreterAccess: provider.interpreterAccess,
        linkWorkers: members.data
          .filter((member) => member.roles.includes("link_worker"))
          .map((member) => ({
            userId: member.userId,
            gender: member.gender,
            caseloadLimit: member.caseloadLimit ?? 0,
            activeCaseload: member.activeCaseload,
            active: member.active,
          })),
        waiting: {
          count: waitingSince.length,
          longestWorkingDays: waitingSince[0]
            ? workingDaysBetween(new Date(waitingSince[0]), now, calendar)
            : 0,
        },
      };
    }),
  );
}
