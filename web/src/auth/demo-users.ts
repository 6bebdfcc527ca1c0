import type { Role } from "@linkwork/core/user/role";

export interface DemoUser {
  email: string;
  roles: Role[];
  organisation: string;
}

/** The demo world the local runtime seeds (API.md); only offered when the app runs in dev sign-in mode. */
export const demoUsers: DemoUser[] = [
  {
    email: "coordinator@linkwork.test",
    roles: ["triage_coordinator"],
    organisation: "Northshire Social Prescribing Hub",
  },
  {
    email: "gp@linkwork.test",
    roles: ["referrer", "mdt_member"],
    organisation: "Riverside Surgery (A81001)",
  },
  { email: "manager.pcn@linkwork.test", roles: ["org_manager"], organisation: "North Town PCN" },
  { email: "worker.pcn@linkwork.test", roles: ["link_worker"], organisation: "North Town PCN" },
  { email: "manager.vcs@linkwork.test", roles: ["org_manager"], organisation: "Community Connect" },
  { email: "worker.vcs@linkwork.test", roles: ["link_worker"], organisation: "Community Connect" },
  { email: "commissioner@linkwork.test", roles: ["commissioner"], organisation: "Northshire Council" },
  { email: "admin@linkwork.test", roles: ["admin"], organisation: "Northshire Social Prescribing Hub" },
];
