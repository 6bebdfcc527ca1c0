import { englandAndWalesCalendar, type WorkingCalendar } from "../calendar/domain/working-days";
import type { Context } from "../context";
import { isConditionalCheckFailure } from "../db/transaction";
import { defaultServiceLevels, type ServiceLevelSettings } from "../referral/domain/service-levels";
import { VersionConflict } from "../util/errors";
import type { ServiceLevelSettingsRequest, ServiceLevelSettingsResponse } from "./schema";

export interface AreaTimers {
  serviceLevels: ServiceLevelSettings;
  calendar: WorkingCalendar;
}

const area = "default";
const cacheMilliseconds = 60_000;
const cache = new WeakMap<Context["db"], { at: number; timers: AreaTimers }>();

/** The area's timers (or the national defaults), cached for a minute per process. */
export async function areaTimers(context: Context): Promise<AreaTimers> {
  const cached = cache.get(context.db);
  const now = Date.now();
  if (cached && now - cached.at < cacheMilliseconds) return cached.timers;
  const stored = await context.db.entities.serviceLevelSettings.get({ area }).go();
  const timers: AreaTimers = stored.data
    ? {
        serviceLevels: {
          triageWorkingDays: stored.data.triageWorkingDays,
          acceptanceWorkingDays: stored.data.acceptanceWorkingDays,
          firstContactWorkingDays: stored.data.firstContactWorkingDays,
          urgentFirstContactWorkingDays: stored.data.urgentFirstContactWorkingDays,
        },
        calendar: englandAndWalesCalendar(stored.data.closureDays),
      }
    : { serviceLevels: defaultServiceLevels, calendar: englandAndWalesCalendar() };
  cache.set(context.db, { at: now, timers });
  return timers;
}

/** The settings in force: the area's own, or the national defaults at version 0. */
export async function readServiceLevelSettings(context: Context): Promise<ServiceLevelSettingsResponse> {
  const stored = await context.db.entities.serviceLevelSettings.get({ area }).go({ consistent: true });
  if (!stored.data) return { ...defaultServiceLevels, closureDays: [], version: 0 };
  const { area: _area, ...settings } = stored.data;
  return settings;
}

/**
 * Sets the area's timers, conditional on the version the admin loaded (0 for the defaults, which
 * creates the item). New due dates follow at once in this process, and within a minute elsewhere;
 * referrals already waiting keep the due dates they were given.
 */
export async function setServiceLevelSettings(
  context: Context,
  input: ServiceLevelSettingsRequest,
): Promise<ServiceLevelSettingsResponse> {
  const { serviceLevelSettings } = context.db.entities;
  const { version, ...settings } = input;
  const item = { area, ...settings, version: version + 1, updatedAt: context.clock.now().toISOString() };
  try {
    if (version === 0) await serviceLevelSettings.create(item).go();
    else {
      await serviceLevelSettings
        .put(item)
        .where((attributes, { eq }) => eq(attributes.version, version))
        .go();
    }
  } catch (error) {
    if (!isConditionalCheckFailure(error)) throw error;
    throw VersionConflict((await readServiceLevelSettings(context)).version);
  }
  cache.delete(context.db);
  return readServiceLevelSettings(context);
}
