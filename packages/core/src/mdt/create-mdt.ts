import type { UserActor } from "../actor";
import { areaOf } from "../area/area";
import { toAuditItem } from "../audit/record";
import type { Context } from "../context";
import { createEvent, toOutboxItem } from "../event/outbox";
import { mayCreateMdt } from "../policy/domain/meeting-policy";
import { Forbidden, type IssueDetail, ValidationFailed } from "../util/errors";
import { createId } from "../util/id";
import { commitAttempt } from "./commit";
import { mayBeMember } from "./domain/meeting-rules";
import { viewMdt } from "./mdt-view";
import { parseInput } from "./parse-input";
import { type Mdt, MdtCreate } from "./schema";

/**
 * Sets up a team (admins only): the team, one membership per member (the chair is a member
 * whether or not the list names them), its `mdt.created` event and an audit entry, in one
 * transaction. Every member must be an active user whose role lets them see people's records, and
 * every practice one the area knows; each problem is reported, all at once.
 */
export async function createMdt(context: Context, user: UserActor, input: unknown): Promise<Mdt> {
  if (!mayCreateMdt(user)) throw Forbidden("Only an admin sets up an MDT");
  const request = parseInput(MdtCreate, input);
  const practices = [...new Set(request.practices)];
  const memberUserIds = [
    request.chairUserId,
    ...request.memberUserIds.filter((id) => id !== request.chairUserId),
  ];
  const unique = [...new Set(memberUserIds)];
  await checkReferences(context, request, practices, unique);

  const now = context.clock.now();
  const at = now.toISOString();
  const mdtId = createId("mdt", now);
  const team = {
    mdtId,
    areaId: areaOf(context),
    version: 1,
    name: request.name,
    practices,
    chairUserId: request.chairUserId,
    memberUserIds: unique,
    cadenceDays: request.cadenceDays,
    createdAt: at,
    updatedAt: at,
  };
  const event = createEvent("mdt.created", {
    actor: user,
    at: now,
    subject: { type: "mdt", id: mdtId },
    data: { name: team.name, chairUserId: team.chairUserId, memberCount: unique.length },
  });
  await commitAttempt(context, "MDT", ({ mdt, mdtMember, outbox, audit }) => [
    mdt.create(team).commit(),
    ...unique.map((userId) =>
      mdtMember.create({ mdtId, userId, chair: userId === team.chairUserId, joinedAt: at }).commit(),
    ),
    outbox.create(toOutboxItem(event)).commit(),
    audit
      .create(
        toAuditItem({
          actor: user,
          action: "mdt.create",
          subjectType: "mdt",
          subjectId: mdtId,
          purpose: "New MDT",
          outcome: "granted",
          at: now,
        }),
      )
      .commit(),
  ]);
  return viewMdt(context, team);
}

async function checkReferences(
  context: Context,
  request: MdtCreate,
  practices: string[],
  userIds: string[],
): Promise<void> {
  const [users, knownPractices] = await Promise.all([
    context.db.entities.user.get(userIds.map((userId) => ({ userId }))).go({ consistent: true }),
    context.db.entities.practice.get(practices.map((odsCode) => ({ odsCode }))).go(),
  ]);
  const usersById = new Map(users.data.map((found) => [found.userId, found]));
  const practiceCodes = new Set(knownPractices.data.map((practice) => practice.odsCode));
  const problems: IssueDetail[] = [];
  const checkUser = (userId: string, path: string) => {
    const found = usersById.get(userId);
    if (!found?.active) problems.push({ path, message: `No active user has the id ${userId}` });
    else if (!mayBeMember(found.roles))
      problems.push({
        path,
        message: `${found.name}'s role does not let them see the people an MDT discusses`,
      });
  };
  checkUser(request.chairUserId, "chairUserId");
  request.memberUserIds.forEach((userId, index) => {
    if (userId !== request.chairUserId) checkUser(userId, `memberUserIds.${index}`);
  });
  request.practices.forEach((odsCode, index) => {
    if (!practiceCodes.has(odsCode))
      problems.push({ path: `practices.${index}`, message: `No practice has the ODS code ${odsCode}` });
  });
  if (problems.length > 0) throw ValidationFailed(problems);
}
