import type { UserActor } from "../actor";
import { type AuditInput, recordAudit } from "../audit/record";
import type { Context } from "../context";
import { mayEverDo } from "../policy/capability";
import { referralPolicy } from "../policy/domain/referral-policy";
import { noRelationships, type Relationships } from "../policy/domain/relationships";
import { referralRelationships } from "../policy/referral-relationships";
import type { ReferralItem } from "../referral/mapper";
import { auditOf } from "../referral/read";
import { viewReferrals } from "../referral/view";
import { Forbidden, ValidationFailed } from "../util/errors";
import { createId } from "../util/id";
import { issuesToDetails } from "../util/validation";
import { agendaListedReferralIds } from "./agenda-listings";
import { openReferralsOfNhsNumber } from "./by-nhs-number";
import { readSources, sourcesFor } from "./candidates";
import { nameQueryOf } from "./domain/name-words";
import { type SearchTerms, waysOf } from "./domain/query";
import { matchesSearch, rankResults, resultLimit } from "./domain/ranking";
import { SearchRequest, type SearchResults } from "./schema";

/**
 * Finds the referrals the user may see whose person has this NHS number or name, or which have
 * this reference. Candidates come only from the indexes scoped to the caller's relationships,
 * the agendas of their teams' meetings and, for an NHS number, the person's own record; every one
 * passes the referral policy and is shown as `GET /api/referrals/{id}` shows it (a coordinator's
 * list of the person's other open referrals aside: the flag that there are some stays). The search
 * and every referral shown are audited; an NHS number typed is never written to the audit trail.
 */
export async function searchReferrals(
  context: Context,
  user: UserActor,
  input: SearchRequest,
): Promise<SearchResults> {
  const now = context.clock.now();
  if (!(await mayEverDo(context, user, "read"))) {
    const refused = Forbidden("Your role cannot search people's records");
    await recordAudit(context, [searchEntry(user, now, "Refused: forbidden", "denied")]);
    refused.audited = true;
    throw refused;
  }
  const parsed = SearchRequest.safeParse(input);
  if (!parsed.success) throw ValidationFailed(issuesToDetails(parsed.error.issues));
  const terms = parsed.data.q;

  const referenceOnly = terms.reference !== undefined && terms.nameWords.length === 0;
  const nameQuery = nameQueryOf(terms.nameWords);
  const matches = (item: ReferralItem) => matchesSearch(item, terms, nameQuery);
  const [direct, scanned, listed] = await Promise.all([
    terms.nhsNumber ? openReferralsOfNhsNumber(context, terms.nhsNumber) : Promise.resolve([]),
    readSources(
      sourcesFor(context, user),
      matches,
      // A reference names one referral, and a page of names is all a search shows.
      (kept) =>
        referenceOnly ? kept.some((item) => item.reference === terms.reference) : kept.length > resultLimit,
    ),
    agendaListedReferralIds(context, user),
  ]);
  const found = new Map<string, ReferralItem>();
  for (const item of [...direct, ...scanned.items]) found.set(item.referralId, item);
  for (const item of await unread(context, listed, found))
    if (matches(item)) found.set(item.referralId, item);

  // A listing on the user's team's agenda is checked as reading the referral checks it (consent included).
  const relationships = new Map<string, Relationships>();
  await Promise.all(
    [...found.values()]
      .filter((item) => listed.has(item.referralId))
      .map(async (item) => {
        const granted = await referralRelationships(context, user, item.referralId, item, "read");
        relationships.set(item.referralId, granted);
      }),
  );
  const relationshipsOf = (item: ReferralItem) => relationships.get(item.referralId) ?? noRelationships;
  const visible = [...found.values()].filter(
    (item) => referralPolicy(user, item, relationshipsOf(item)).visible,
  );
  const ranked = rankResults(visible, terms);
  const shown = ranked.slice(0, resultLimit);

  await recordAudit(context, [
    searchEntry(user, now, `${describe(terms)}: ${shown.length} shown`, "granted"),
    ...shown.map((item) => auditOf(user, item, "referral.search_result", now, relationshipsOf(item))),
  ]);
  return {
    items: await viewReferrals(context, user, shown, relationshipsOf),
    searchedBy: waysOf(terms),
    truncated: ranked.length > resultLimit || !scanned.complete,
  };
}

/** The listed referrals the search has not read yet. */
async function unread(context: Context, listed: Set<string>, found: Map<string, ReferralItem>) {
  const missing = [...listed].filter((referralId) => !found.has(referralId));
  if (missing.length === 0) return [];
  const result = await context.db.entities.referral.get(missing.map((referralId) => ({ referralId }))).go();
  return result.data;
}

function searchEntry(user: UserActor, at: Date, purpose: string, outcome: AuditInput["outcome"]): AuditInput {
  return {
    actor: user,
    action: "search.referrals",
    subjectType: "search",
    subjectId: createId("audit", at).replace(/^aud_/, "search_"),
    purpose,
    outcome,
    at,
  };
}

/**
 * What was searched for, as the audit trail keeps it: the way, the reference, the name's words;
 * never an NHS number, nor any digits typed among a name's words.
 */
function describe(terms: SearchTerms): string {
  if (terms.nhsNumber) return "Searched by NHS number";
  const name = terms.nameWords.join(" ").replace(/\p{N}/gu, "#");
  if (terms.reference && name) return `Searched by reference ${terms.reference} or name "${name}"`;
  if (terms.reference) return `Searched by reference ${terms.reference}`;
  return `Searched by name "${name}"`;
}
