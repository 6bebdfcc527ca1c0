import { demoUsers } from "@linkwork/local/demo-world";
import { createDevIssuer } from "@linkwork/local/dev-issuer";
import { devIssuerRoutes } from "@linkwork/local/dev-issuer-routes";
import { seedDemoWorld } from "@linkwork/local/seed";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestContext } from "../support/database";

type Setup = Awaited<ReturnType<typeof createTestContext>>;

interface Listed {
  email: string;
  name: string;
  roles: string[];
  organisationName: string;
}

let setup: Setup;
let routes: ReturnType<typeof devIssuerRoutes>;

beforeAll(async () => {
  setup = await createTestContext();
  await seedDemoWorld(setup.context);
  routes = devIssuerRoutes(await createDevIssuer({ issuer: "http://localhost/auth/dev" }), setup.context);
});

async function listUsers(): Promise<Listed[]> {
  const response = await routes.request("/auth/dev/users");
  expect(response.status).toBe(200);
  return ((await response.json()) as { items: Listed[] }).items;
}

describe("GET /auth/dev/users (local sign-in)", () => {
  it("lists every seeded user with their name, roles and organisation's name", async () => {
    const users = await listUsers();
    expect(users.map((user) => user.email).sort()).toEqual(demoUsers.map((user) => user.email).sort());
    expect(users).toContainEqual({
      email: "manager.vcs@linkwork.test",
      name: "Grace Mensah",
      roles: ["org_manager"],
      organisationName: "Community Connect",
    });
    expect(users).toContainEqual({
      email: "gp@linkwork.test",
      name: "Dr Priya Shah",
      roles: ["referrer", "mdt_member"],
      organisationName: "Riverside Surgery",
    });
  });

  it("offers people in the order a referral meets them: the referrer first, then the coordinator", async () => {
    const emails = (await listUsers()).map((user) => user.email);
    expect(emails.slice(0, 2)).toEqual(["gp@linkwork.test", "coordinator@linkwork.test"]);
    expect(emails.indexOf("manager.vcs@linkwork.test")).toBeLessThan(
      emails.indexOf("worker.vcs@linkwork.test"),
    );
    expect(emails.at(-1)).toBe("admin@linkwork.test");
  });

  it("leaves out users who are no longer active, who could not sign in anyway", async () => {
    await setup.db.entities.user.patch({ userId: "usr_commissioner" }).set({ active: false }).go();
    const emails = (await listUsers()).map((user) => user.email);
    expect(emails).not.toContain("commissioner@linkwork.test");
    const refused = await routes.request("/auth/dev/token", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ email: "commissioner@linkwork.test" }),
    });
    expect(refused.status).toBe(404);
  });
});
