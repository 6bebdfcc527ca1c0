import type { EntityItem } from "electrodb";
import type { Database } from "../db/database";
import type { Referral } from "./schema";

export type ReferralItem = EntityItem<Database["entities"]["referral"]>;

/** The stored item as the API and the web app see it. */
export function toReferral(item: ReferralItem): Referral {
  const { referralId, ...rest } = item;
  return { id: referralId, ...rest };
}
