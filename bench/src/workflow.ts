import type { Referral } from "@linkwork/core/referral/schema";
import type { ApiClient, ReferralResponse } from "./api-client";
import { inParallel } from "./concurrency";
import type { Ledger, Step } from "./ledger";
import { referralInput, triageDecision } from "./referral-input";
import { organisations, type Person } from "./world";

/** Where a referral stands, as its last successful response said. */
export interface Handle {
  id: string;
  version: number;
}

export type Stage = "received" | "triaged" | "allocated" | "accepted";

/** The people who move a referral along: who refers, triages and allocates, and who accepts. */
export interface Crew {
  gp: Person;
  coordinator: Person;
  acceptor: Person;
}

/**
 * The referral workflow over the API. Every answer goes into the ledger, so the final state read
 * back from the database can be checked against what the API said it did.
 */
export function workflow(api: ApiClient, ledger: Ledger) {
  const bodies: Record<Step, (version: number, organisationId: string) => Record<string, unknown>> = {
    triage: (version) => ({ version, ...triageDecision }),
    allocate: (version, organisationId) => ({ version, organisationId, note: "Chosen in a benchmark" }),
    accept: (version) => ({ version }),
    claim: (version) => ({ version }),
  };

  async function act(
    step: Step,
    referral: Handle,
    person: Person,
    organisationId: string = organisations.communityConnect,
  ): Promise<ReferralResponse> {
    const response = await api.call<Referral>("POST", `/api/referrals/${referral.id}/${step}`, {
      token: person.token,
      body: bodies[step](referral.version, organisationId),
    });
    ledger.record(referral.id, step, person.userId, response);
    return response;
  }

  /** Like `act`, for setting the scene: anything but a 200 stops the run. */
  async function must(step: Step, referral: Handle, person: Person): Promise<Handle> {
    const response = await act(step, referral, person);
    if (response.status !== 200) {
      throw new Error(`Setting up: ${step} of ${referral.id} answered ${response.status} ${response.code}`);
    }
    return { id: referral.id, version: response.body.version };
  }

  async function refer(gp: Person): Promise<Handle> {
    const response = await api.call<Referral>("POST", "/api/referrals", {
      token: gp.token,
      body: referralInput(),
    });
    ledger.created(response);
    if (response.status !== 201) throw new Error(`Setting up: a referral answered ${response.status}`);
    return { id: response.body.id, version: response.body.version };
  }

  /** New referrals taken to the stage given; Community Connect is the organisation allocated. */
  async function prepare(count: number, stage: Stage, crew: Crew): Promise<Handle[]> {
    return inParallel(Array.from({ length: count }), 4, async () => {
      let referral = await refer(crew.gp);
      if (stage === "received") return referral;
      referral = await must("triage", referral, crew.coordinator);
      if (stage === "triaged") return referral;
      referral = await must("allocate", referral, crew.coordinator);
      if (stage === "allocated") return referral;
      return must("accept", referral, crew.acceptor);
    });
  }

  return { act, must, prepare };
}

export type Workflow = ReturnType<typeof workflow>;
