import type { OrganisationKind } from "@linkwork/core/organisation/schema";
import type { NeedDomain, SupportLevel } from "@linkwork/core/referral/schema";
import type { Role } from "@linkwork/core/user/role";

/**
 * The demo world `dev` seeds on an empty database: the organisations and sign-ins of the API
 * contract's table, plus a second voluntary sector provider and more practices, so allocation
 * has real choices. Ids are fixed and readable, so a token or a bookmark survives `--reset`.
 */
export interface DemoOrganisation {
  organisationId: string;
  name: string;
  kind: OrganisationKind;
  acceptsReferrals: boolean;
  odsCode?: string;
  /** Providers only: who they can take, which allocation checks against each referral. */
  eligibility?: {
    practices: string[];
    postcodeDistricts: string[];
    minAge?: number;
    needs: NeedDomain[];
    supportLevels: SupportLevel[];
    languages: string[];
    interpreterAccess: boolean;
  };
}

export interface DemoPractice {
  odsCode: string;
  name: string;
  postcode: string;
  pcnOrganisationId?: string;
  organisationId?: string;
}

export interface DemoUser {
  userId: string;
  email: string;
  name: string;
  roles: Role[];
  organisationId: string;
  caseloadLimit?: number;
  gender?: "female" | "male";
}

/**
 * The providers differ on purpose, so allocation has something to say about each demo referral:
 * the PCN covers two practices and has a male link worker; Community Connect covers districts,
 * offers no signposting and has Urdu and Punjabi speakers; the Carers Centre helps carers.
 */
export const demoOrganisations: readonly DemoOrganisation[] = [
  {
    organisationId: "org_northshire_hub",
    name: "Northshire Social Prescribing Hub",
    kind: "hub",
    acceptsReferrals: false,
  },
  {
    organisationId: "org_north_town_pcn",
    name: "North Town PCN",
    kind: "pcn",
    acceptsReferrals: true,
    eligibility: {
      practices: ["A81001", "A81002"],
      postcodeDistricts: [],
      minAge: 18,
      needs: [
        "loneliness_isolation",
        "mental_wellbeing",
        "physical_activity",
        "healthy_lifestyle",
        "practical_support",
        "finance_debt_benefits",
        "employment_education",
        "other",
      ],
      supportLevels: ["signposting", "supported_connection", "intensive"],
      languages: ["en"],
      interpreterAccess: true,
    },
  },
  {
    organisationId: "org_community_connect",
    name: "Community Connect",
    kind: "vcs",
    acceptsReferrals: true,
    eligibility: {
      practices: [],
      postcodeDistricts: ["NS1", "NS2", "NS3", "NS4", "NS7"],
      minAge: 16,
      needs: [
        "loneliness_isolation",
        "mental_wellbeing",
        "housing",
        "finance_debt_benefits",
        "practical_support",
        "physical_activity",
        "employment_education",
        "other",
      ],
      supportLevels: ["supported_connection", "intensive"],
      languages: ["en", "ur", "pa"],
      interpreterAccess: false,
    },
  },
  {
    organisationId: "org_carers_centre",
    name: "Northshire Carers Centre",
    kind: "vcs",
    acceptsReferrals: true,
    eligibility: {
      practices: [],
      postcodeDistricts: ["NS1", "NS2", "NS3", "NS4", "NS5", "NS6", "NS7"],
      minAge: 16,
      needs: ["carer_support", "mental_wellbeing", "finance_debt_benefits", "loneliness_isolation"],
      supportLevels: ["signposting", "supported_connection"],
      languages: ["en"],
      interpreterAccess: true,
    },
  },
  {
    organisationId: "org_riverside",
    name: "Riverside Surgery",
    kind: "gp_practice",
    odsCode: "A81001",
    acceptsReferrals: false,
  },
  {
    organisationId: "org_northshire_council",
    name: "Northshire Council",
    kind: "council",
    acceptsReferrals: false,
  },
];

export const demoPractices: readonly DemoPractice[] = [
  {
    odsCode: "A81001",
    name: "Riverside Surgery",
    postcode: "NS1 4AB",
    pcnOrganisationId: "org_north_town_pcn",
    organisationId: "org_riverside",
  },
  {
    odsCode: "A81002",
    name: "Hillside Medical Centre",
    postcode: "NS2 7QT",
    pcnOrganisationId: "org_north_town_pcn",
  },
  { odsCode: "A81005", name: "Millbrook Health Centre", postcode: "NS7 1LP" },
];

/**
 * The contract's eight sign-ins, with the PCN's part-time second link worker beside its first, so a
 * manager has someone to move a case to (leave, part-time cover); then the MDT's social worker and
 * community nurse; the last gives the second provider capacity.
 */
export const demoUsers: readonly DemoUser[] = [
  {
    userId: "usr_coordinator",
    email: "coordinator@linkwork.test",
    name: "Jordan Ellis",
    roles: ["triage_coordinator"],
    organisationId: "org_northshire_hub",
  },
  {
    userId: "usr_manager_pcn",
    email: "manager.pcn@linkwork.test",
    name: "Aisha Khan",
    roles: ["org_manager"],
    organisationId: "org_north_town_pcn",
  },
  {
    userId: "usr_worker_pcn",
    email: "worker.pcn@linkwork.test",
    name: "Tom Gallagher",
    roles: ["link_worker"],
    organisationId: "org_north_town_pcn",
    caseloadLimit: 30,
    gender: "male",
  },
  {
    userId: "usr_worker_pcn_2",
    email: "worker2.pcn@linkwork.test",
    name: "Sam Okafor",
    roles: ["link_worker"],
    organisationId: "org_north_town_pcn",
    // Part-time (two days a week), so a smaller caseload than Tom's.
    caseloadLimit: 12,
  },
  {
    userId: "usr_manager_vcs",
    email: "manager.vcs@linkwork.test",
    name: "Grace Mensah",
    roles: ["org_manager"],
    organisationId: "org_community_connect",
  },
  {
    userId: "usr_worker_vcs",
    email: "worker.vcs@linkwork.test",
    name: "Megan Hughes",
    roles: ["link_worker"],
    organisationId: "org_community_connect",
    caseloadLimit: 30,
    gender: "female",
  },
  {
    userId: "usr_gp",
    email: "gp@linkwork.test",
    name: "Dr Priya Shah",
    roles: ["referrer", "mdt_member"],
    organisationId: "org_riverside",
  },
  {
    userId: "usr_commissioner",
    email: "commissioner@linkwork.test",
    name: "Helen Brooks",
    roles: ["commissioner"],
    organisationId: "org_northshire_council",
  },
  {
    userId: "usr_admin",
    email: "admin@linkwork.test",
    name: "Chris Morgan",
    roles: ["admin"],
    organisationId: "org_northshire_hub",
  },
  {
    userId: "usr_social_worker",
    email: "social.worker@linkwork.test",
    name: "Sarah O'Connell",
    roles: ["mdt_member"],
    organisationId: "org_northshire_council",
  },
  {
    userId: "usr_community_nurse",
    email: "community.nurse@linkwork.test",
    name: "Ben Adeyemi",
    roles: ["mdt_member"],
    organisationId: "org_north_town_pcn",
  },
  {
    userId: "usr_worker_carers",
    email: "worker.carers@linkwork.test",
    name: "Daniel Reid",
    roles: ["link_worker"],
    organisationId: "org_carers_centre",
    caseloadLimit: 25,
    gender: "male",
  },
];

export function demoOrganisationName(organisationId: string): string {
  return (
    demoOrganisations.find((organisation) => organisation.organisationId === organisationId)?.name ??
    organisationId
  );
}
