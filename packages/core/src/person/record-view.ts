import type { PersonItem } from "./find";
import type { PersonRecord } from "./requests";

export function toPersonRecord(item: PersonItem): PersonRecord {
  return {
    id: item.personId,
    version: item.version,
    ...(item.nhsNumber ? { nhsNumber: item.nhsNumber } : {}),
    details: item.details,
    openReferralIds: [...(item.openReferralIds ?? [])].sort(),
    ...(item.mergedInto ? { mergedInto: item.mergedInto } : {}),
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
  };
}
