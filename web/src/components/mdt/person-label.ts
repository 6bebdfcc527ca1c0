import type { AgendaItem } from "../../queries/meeting";

/** How the board names someone: their name, or (without consent to share) initials and age. */
export function personLabel(person: AgendaItem["person"]): string {
  if (!person.initialsOnly) return person.name;
  return person.age === undefined ? person.name : `${person.name}, ${person.age}`;
}
