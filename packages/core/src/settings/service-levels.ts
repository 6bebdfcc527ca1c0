import { englandAndWalesCalendar, type WorkingCalendar } from "../calendar/domain/working-days";
import type { Context } from "../context";
import { defaultServiceLevels, type ServiceLevelSettings } from "../referral/domain/service-levels";

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
