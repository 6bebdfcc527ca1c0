import type { Context } from "../context";
import { isConditionalCheckFailure } from "../db/transaction";
import { VersionConflict } from "../util/errors";
import type { CaseworkSettings, CaseworkSettingsRequest } from "./casework-schema";

const area = "default";

/** What an area starts with: both wellbeing measures, and a prompt after three failed attempts. */
export const defaultCaseworkSettings: CaseworkSettings = {
  version: 0,
  measures: ["swemwbs", "ons4"],
  unableToContactAfterAttempts: 3,
};

/** The area's casework settings in force: its own, or the defaults at version 0. */
export async function readCaseworkSettings(context: Context): Promise<CaseworkSettings> {
  const stored = await context.db.entities.caseworkSettings.get({ area }).go({ consistent: true });
  if (!stored.data) return defaultCaseworkSettings;
  const { area: _area, ...settings } = stored.data;
  return settings;
}

/**
 * Sets the area's casework settings, conditional on the version the admin loaded (0 for the
 * defaults, which creates the item). Measures already recorded stay on their cases whatever
 * the area turns off; only new ones are refused.
 */
export async function setCaseworkSettings(
  context: Context,
  input: CaseworkSettingsRequest,
): Promise<CaseworkSettings> {
  const { caseworkSettings } = context.db.entities;
  const { version, ...settings } = input;
  const item = { area, ...settings, version: version + 1, updatedAt: context.clock.now().toISOString() };
  try {
    if (version === 0) await caseworkSettings.create(item).go();
    else {
      await caseworkSettings
        .put(item)
        .where((attributes, { eq }) => eq(attributes.version, version))
        .go();
    }
  } catch (error) {
    if (!isConditionalCheckFailure(error)) throw error;
    throw VersionConflict((await readCaseworkSettings(context)).version);
  }
  return readCaseworkSettings(context);
}
