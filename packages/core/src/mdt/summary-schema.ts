import * as z from "zod";
import { AgendaPerson, SummaryEntry } from "./schema";

/** One person's line in a meeting's summary, with who they are as the reader may see them. */
export const OutcomeSummaryLine = SummaryEntry.extend({
  itemId: z.string(),
  person: AgendaPerson,
}).meta({ id: "OutcomeSummaryLine" });
export type OutcomeSummaryLine = z.infer<typeof OutcomeSummaryLine>;

export const OutcomeSummary = z
  .object({
    meetingId: z.string(),
    status: z.enum(["planned", "in_progress", "ended"]),
    items: z.array(OutcomeSummaryLine),
  })
  .meta({
    id: "OutcomeSummary",
    description: "What the meeting decided for each person, or where they were carried over to",
  });
export type OutcomeSummary = z.infer<typeof OutcomeSummary>;
