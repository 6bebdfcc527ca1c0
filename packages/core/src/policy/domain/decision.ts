/** The policy's answer for one actor and one subject. */
export interface PolicyDecision<Action extends string> {
  /** False means the subject is reported as not found (404), and the refusal audited. */
  visible: boolean;
  /** Why the actor may see it, for the audit entry; present when visible. */
  purpose?: string;
  /** What the actor may do to it now, given its current state. */
  allowedActions: Action[];
}
