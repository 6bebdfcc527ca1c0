import type { ReferralStatus } from "../schema";
import type { CommandType } from "./lifecycle";

/** Where each command may start from: every other status is an invalid transition. */
export const allowedFrom: Record<CommandType, readonly ReferralStatus[]> = {
  triage: ["received", "triaged"],
  signpost: ["received", "triaged"],
  allocate: ["triaged"],
  accept: ["allocated"],
  decline: ["allocated"],
  expire_allocation: ["allocated"],
  claim: ["accepted"],
  record_first_contact: ["assigned"],
  assign: ["accepted"],
  reassign: ["assigned", "active"],
  return_to_triage: ["accepted", "assigned", "active"],
  close: ["assigned", "active"],
  reopen: ["closed"],
  withdraw: ["received"],
};
