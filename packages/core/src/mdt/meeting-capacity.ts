import type { UserActor } from "../actor";
import type { Context } from "../context";
import { loadMeetingAsMember } from "./meeting-access";
import type { MeetingCapacity } from "./schema";

/**
 * The board's capacity strip, for members of the team: every provider's free places (the sum of
 * its active link workers' free places, as allocation counts them) and every link worker's.
 */
export async function readMeetingCapacity(
  context: Context,
  user: UserActor,
  meetingId: string,
): Promise<MeetingCapacity> {
  await loadMeetingAsMember(context, user, meetingId, "meeting.capacity.read");
  const { organisation, user: users } = context.db.entities;
  const organisations = (await organisation.query.all({}).go({ pages: "all" })).data.filter(
    (item) => item.acceptsReferrals,
  );
  const staff = await Promise.all(
    organisations.map((item) =>
      users.query.byOrganisation({ organisationId: item.organisationId }).go({ pages: "all" }),
    ),
  );
  const linkWorkers = staff
    .flatMap((page) => page.data)
    .filter((member) => member.active && member.roles.includes("link_worker"))
    .map((worker) => {
      const caseloadLimit = worker.caseloadLimit ?? 0;
      return {
        userId: worker.userId,
        name: worker.name,
        organisationId: worker.organisationId,
        caseloadLimit,
        activeCases: worker.activeCaseload,
        freePlaces: Math.max(0, caseloadLimit - worker.activeCaseload),
      };
    });
  return {
    organisations: organisations.map((item) => ({
      organisationId: item.organisationId,
      name: item.name,
      kind: item.kind,
      freeCapacity: linkWorkers
        .filter((worker) => worker.organisationId === item.organisationId)
        .reduce((total, worker) => total + worker.freePlaces, 0),
      acceptingReferrals: item.acceptsReferrals,
    })),
    linkWorkers,
  };
}
