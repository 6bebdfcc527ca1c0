import type { Referral } from "@linkwork/core/referral/schema";
import type { ApiResponse } from "./api-client";

export type Step = "triage" | "allocate" | "accept" | "claim";

/** One change the API said it made: a 200 to a workflow action. */
export interface Change {
  referralId: string;
  step: Step;
  actorId: string;
  /** What the response said the referral became. */
  version: number;
  status: string;
  organisationId: string | undefined;
  assignedTo: string | undefined;
}

/** Every answer from the API in one run, and the changes among them, for checking afterwards. */
export class Ledger {
  readonly changes: Change[] = [];
  readonly responses: ApiResponse[] = [];
  readonly referralIds: string[] = [];

  created(response: ApiResponse<Referral>): void {
    this.responses.push(response);
    if (response.status === 201) this.referralIds.push(response.body.id);
  }

  record(referralId: string, step: Step, actorId: string, response: ApiResponse<Referral>): void {
    this.responses.push(response);
    if (response.status !== 200) return;
    this.changes.push({
      referralId,
      step,
      actorId,
      version: response.body.version,
      status: response.body.status,
      organisationId: response.body.organisationId,
      assignedTo: response.body.assignedTo,
    });
  }

  changesOf(referralId: string): Change[] {
    return this.changes.filter((change) => change.referralId === referralId);
  }
}
