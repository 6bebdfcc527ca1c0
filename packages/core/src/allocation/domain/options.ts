import { postcodeDistrict } from "../../person/domain/postcode";
import { languageName } from "../../person/languages";
import { needLabels, supportLevelLabels } from "../../referral/labels";
import type { NeedDomain, SupportLevel } from "../../referral/schema";

export interface LinkWorkerCapacity {
  userId: string;
  gender?: string | undefined;
  caseloadLimit: number;
  activeCaseload: number;
  active: boolean;
}

/** What an organisation offers, who works there and who is waiting for it. */
export interface OrganisationProfile {
  organisationId: string;
  name: string;
  practices: readonly string[];
  postcodeDistricts: readonly string[];
  minAge?: number | undefined;
  maxAge?: number | undefined;
  needs: readonly NeedDomain[];
  supportLevels: readonly SupportLevel[];
  languages: readonly string[];
  interpreterAccess: boolean;
  linkWorkers: readonly LinkWorkerCapacity[];
  /** Referrals allocated to it and not yet picked up, and the longest any has waited (working days). */
  waiting: { count: number; longestWorkingDays: number };
}

export interface ReferralNeeds {
  practiceOds?: string | undefined;
  postcode: string;
  dateOfBirth: string;
  needs: readonly NeedDomain[];
  supportLevel?: SupportLevel | undefined;
  preferredLanguage?: string | undefined;
  sameSexWorkerRequested?: boolean | undefined;
  gender?: string | undefined;
}

export interface AllocationOption {
  organisationId: string;
  name: string;
  eligible: boolean;
  score: number;
  freeCapacity: number;
  reasons: string[];
  /** The hard rules it fails, in plain English; empty when it is eligible. */
  notEligibleBecause: string[];
}

interface Check {
  passed: boolean;
  reason: string;
}

export function ageOn(dateOfBirth: string, today: string): number {
  const [birthYear, birthMonth, birthDay] = dateOfBirth.split("-").map(Number) as [number, number, number];
  const [year, month, day] = today.split("-").map(Number) as [number, number, number];
  const hadBirthday = month > birthMonth || (month === birthMonth && day >= birthDay);
  return year - birthYear - (hadBirthday ? 0 : 1);
}

const freePlaces = (worker: LinkWorkerCapacity) =>
  worker.active ? Math.max(0, worker.caseloadLimit - worker.activeCaseload) : 0;

const list = (items: string[]) =>
  items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;

function hardChecks(organisation: OrganisationProfile, referral: ReferralNeeds, today: string): Check[] {
  const checks: Check[] = [];
  const district = postcodeDistrict(referral.postcode);
  const coversPractice =
    referral.practiceOds !== undefined && organisation.practices.includes(referral.practiceOds);
  const coversDistrict = organisation.postcodeDistricts.includes(district);
  checks.push(
    coversPractice
      ? { passed: true, reason: `Covers the person's practice (${referral.practiceOds})` }
      : coversDistrict
        ? { passed: true, reason: `Covers postcode district ${district}` }
        : {
            passed: false,
            reason: `Does not cover practice ${referral.practiceOds} or postcode district ${district}`,
          },
  );

  if (organisation.minAge !== undefined || organisation.maxAge !== undefined) {
    const age = ageOn(referral.dateOfBirth, today);
    const range =
      organisation.maxAge === undefined
        ? `aged ${organisation.minAge} and over`
        : `aged ${organisation.minAge ?? 0} to ${organisation.maxAge}`;
    const inRange =
      age >= (organisation.minAge ?? 0) && age <= (organisation.maxAge ?? Number.POSITIVE_INFINITY);
    checks.push({ passed: inRange, reason: `Works with people ${range}; this person is ${age}` });
  }

  const missing = referral.needs.filter((need) => !organisation.needs.includes(need));
  checks.push(
    missing.length === 0
      ? {
          passed: true,
          reason: `Helps with ${list(referral.needs.map((need) => needLabels[need].toLowerCase()))}`,
        }
      : {
          passed: false,
          reason: `Does not help with ${list(missing.map((need) => needLabels[need].toLowerCase()))}`,
        },
  );

  if (referral.supportLevel) {
    const label = supportLevelLabels[referral.supportLevel].toLowerCase();
    checks.push(
      organisation.supportLevels.includes(referral.supportLevel)
        ? { passed: true, reason: `Offers ${label}` }
        : { passed: false, reason: `Does not offer ${label}` },
    );
  }

  const language = referral.preferredLanguage;
  if (language && language !== "en") {
    const name = languageName(language);
    checks.push(
      organisation.languages.includes(language)
        ? { passed: true, reason: `Has staff who speak ${name}` }
        : organisation.interpreterAccess
          ? { passed: true, reason: `Can arrange a ${name} interpreter` }
          : { passed: false, reason: `No ${name} speakers and no interpreter service` },
    );
  }

  if (referral.sameSexWorkerRequested && (referral.gender === "female" || referral.gender === "male")) {
    const available = organisation.linkWorkers.some(
      (worker) => worker.gender === referral.gender && freePlaces(worker) > 0,
    );
    checks.push({
      passed: available,
      reason: available
        ? `Has a ${referral.gender} link worker with space, as the person asked`
        : `No ${referral.gender} link worker with space, and the person asked for one`,
    });
  }
  return checks;
}

/**
 * Ranks every provider for a referral: hard eligibility first (area, age, needs, support level,
 * language, same-sex worker), then free capacity and how long people already wait there. Each
 * option says why, including why not.
 */
export function allocationOptions(
  referral: ReferralNeeds,
  organisations: readonly OrganisationProfile[],
  today: string,
): AllocationOption[] {
  const options = organisations.map((organisation) => {
    const checks = hardChecks(organisation, referral, today);
    const failures = checks.filter((check) => !check.passed).map((check) => check.reason);
    const eligible = failures.length === 0;
    const freeCapacity = organisation.linkWorkers.reduce((total, worker) => total + freePlaces(worker), 0);
    const workers = organisation.linkWorkers.filter((worker) => worker.active).length;
    const { count, longestWorkingDays } = organisation.waiting;
    const reasons = [
      ...failures,
      ...checks.filter((check) => check.passed).map((check) => check.reason),
      freeCapacity > 0
        ? `${freeCapacity} free ${freeCapacity === 1 ? "place" : "places"} across ${workers} link ${workers === 1 ? "worker" : "workers"}`
        : "No free places at the moment",
      count === 0
        ? "Nobody waiting to be picked up"
        : `${count} ${count === 1 ? "person" : "people"} waiting to be picked up, the longest for ${longestWorkingDays} working ${longestWorkingDays === 1 ? "day" : "days"}`,
    ];
    const score = eligible
      ? Math.min(100, Math.max(1, 40 + Math.min(freeCapacity, 30) * 2 - count * 3 - longestWorkingDays * 2))
      : 0;
    return {
      organisationId: organisation.organisationId,
      name: organisation.name,
      eligible,
      score,
      freeCapacity,
      reasons,
      notEligibleBecause: failures,
    };
  });
  return options.sort(
    (left, right) =>
      Number(right.eligible) - Number(left.eligible) ||
      right.score - left.score ||
      right.freeCapacity - left.freeCapacity ||
      left.name.localeCompare(right.name),
  );
}
