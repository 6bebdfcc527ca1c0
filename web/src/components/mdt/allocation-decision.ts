/** What the decision says once the meeting has allocated the person's support from the board. */
export const allocationSentence = (organisationName: string) => `Support allocated to ${organisationName}.`;

/**
 * The decision with the allocation added: on a line of its own after anything already typed, and
 * only once, so allocating never loses or repeats the user's words.
 */
export function withAllocation(decision: string, sentence: string): string {
  if (decision.includes(sentence)) return decision;
  const typed = decision.trimEnd();
  return typed ? `${typed}\n${sentence}` : sentence;
}
