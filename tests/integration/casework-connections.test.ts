import { addConnection } from "@linkwork/core/casework/add-connection";
import { updateConnection } from "@linkwork/core/casework/update-connection";
import { beforeEach, describe, expect, it } from "vitest";
import { createTestContext } from "../support/database";
import { seedStaff } from "../support/world";
import { assignedReferral, outboxOf, worker } from "./casework-fixtures";

let setup: Awaited<ReturnType<typeof createTestContext>>;

beforeEach(async () => {
  setup = await createTestContext("2026-11-23T09:00:00.000Z");
  await seedStaff(setup.context);
});

const walkingGroup = {
  serviceName: "Northshire Walking for Health",
  sector: "vcs",
  need: "loneliness_isolation",
};

describe("connections to services", () => {
  it("records a connection as suggested by default, and each change of status with when and by whom", async () => {
    const referral = await assignedReferral(setup.context);
    const { connection } = await addConnection(setup.context, worker, referral.id, walkingGroup);
    expect(connection).toMatchObject({ ...walkingGroup, status: "suggested", version: 1 });
    expect(connection.history).toEqual([
      { status: "suggested", at: "2026-11-23T09:00:00.000Z", by: worker.userId, byName: worker.name },
    ]);

    setup.clock.set("2026-11-30T09:00:00.000Z");
    const referred = await updateConnection(setup.context, worker, referral.id, connection.connectionId, {
      version: 1,
      status: "referred",
    });
    setup.clock.set("2026-12-07T09:00:00.000Z");
    const attended = await updateConnection(setup.context, worker, referral.id, connection.connectionId, {
      version: referred.connection.version,
      status: "attended",
    });
    expect(attended.connection).toMatchObject({ status: "attended", version: 3 });
    expect(attended.connection.history.map((entry) => [entry.status, entry.at])).toEqual([
      ["suggested", "2026-11-23T09:00:00.000Z"],
      ["referred", "2026-11-30T09:00:00.000Z"],
      ["attended", "2026-12-07T09:00:00.000Z"],
    ]);
    expect(attended.case.connections).toHaveLength(1);

    const events = (await outboxOf(setup.context, referral.id)).filter((event) =>
      event.type.startsWith("case.connection"),
    );
    expect(events.map((event) => event.data)).toEqual([
      {
        connectionId: connection.connectionId,
        sector: "vcs",
        need: "loneliness_isolation",
        status: "suggested",
      },
      {
        connectionId: connection.connectionId,
        sector: "vcs",
        need: "loneliness_isolation",
        fromStatus: "suggested",
        status: "referred",
      },
      {
        connectionId: connection.connectionId,
        sector: "vcs",
        need: "loneliness_isolation",
        fromStatus: "referred",
        status: "attended",
      },
    ]);
  });

  it("refuses a status change made on a stale version with the connection's current version", async () => {
    const referral = await assignedReferral(setup.context);
    const { connection } = await addConnection(setup.context, worker, referral.id, {
      ...walkingGroup,
      status: "referred",
    });
    const results = await Promise.allSettled([
      updateConnection(setup.context, worker, referral.id, connection.connectionId, {
        version: 1,
        status: "attended",
      }),
      updateConnection(setup.context, worker, referral.id, connection.connectionId, {
        version: 1,
        status: "declined",
      }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(results.flatMap((result) => (result.status === "rejected" ? [result.reason] : []))).toMatchObject([
      { code: "version_conflict", currentVersion: 2 },
    ]);
  });

  it("answers not found for a connection the case does not have", async () => {
    const referral = await assignedReferral(setup.context);
    await expect(
      updateConnection(setup.context, worker, referral.id, "cnx_01jd8k2m3n4p5q6r7s8t9v0w1x", {
        version: 1,
        status: "attended",
      }),
    ).rejects.toMatchObject({ code: "not_found" });
  });
});
