import * as z from "zod";
import swemwbsPackFile from "../../../../content/measures/swemwbs.json";
import type { UserActor } from "../actor";
import type { Context } from "../context";
import { needLabels } from "../referral/labels";
import { NeedDomain } from "../referral/schema";
import { readCaseworkSettings } from "../settings/casework";
import { Forbidden } from "../util/errors";
import { swemwbsItemCount } from "./domain/measure-scales";
import type { MeasureToolDefinition, MeasureTools } from "./measure-schema";
import type { MeasureTool, WellbeingMeasureTool } from "./vocabulary";

/**
 * The SWEMWBS content pack, read at build time from `content/measures/swemwbs.json`: the repo ships
 * a placeholder, and a deployer with a licence replaces the file before building
 * (docs/measures.md). Checked when the API starts, so a malformed pack fails loudly, not mid-visit.
 */
const SwemwbsPack = z.object({
  tool: z.literal("swemwbs"),
  name: z.string().min(1),
  placeholder: z.boolean(),
  instructions: z.string().optional(),
  notice: z.string().optional(),
  items: z
    .array(z.object({ key: z.string().min(1), text: z.string().min(1) }))
    .length(swemwbsItemCount, "The SWEMWBS pack lists exactly seven statements"),
  scale: z
    .array(z.object({ value: z.number().int().min(1).max(5), label: z.string().min(1) }))
    .length(5, "The SWEMWBS pack labels the five answers 1-5"),
});

export function parseSwemwbsPack(input: unknown): MeasureToolDefinition {
  const pack = SwemwbsPack.parse(input);
  return {
    tool: "swemwbs",
    name: pack.name,
    items: pack.items,
    scale: pack.scale,
    placeholder: pack.placeholder,
    ...(pack.notice ? { notice: pack.notice } : {}),
    ...(pack.instructions ? { instructions: pack.instructions } : {}),
  };
}

const swemwbs = parseSwemwbsPack(swemwbsPackFile);

/**
 * The ONS's four personal wellbeing questions, Crown copyright, reproduced under the Open
 * Government Licence v3.0: free to include.
 */
const ons4: MeasureToolDefinition = {
  tool: "ons4",
  name: "ONS personal wellbeing (ONS4)",
  items: [
    { key: "lifeSatisfaction", text: "Overall, how satisfied are you with your life nowadays?" },
    {
      key: "worthwhile",
      text: "Overall, to what extent do you feel that the things you do in your life are worthwhile?",
    },
    { key: "happy", text: "Overall, how happy did you feel yesterday?" },
    {
      key: "anxious",
      text: "On a scale where 0 is “not at all anxious” and 10 is “completely anxious”, overall, how anxious did you feel yesterday?",
    },
  ],
  scale: Array.from({ length: 11 }, (_, value) => ({
    value,
    label: value === 0 ? "0: not at all" : value === 10 ? "10: completely" : String(value),
  })),
  placeholder: false,
  instructions: "Answer each question on a scale of 0 to 10, where 0 is “not at all” and 10 is “completely”.",
  notice:
    "Office for National Statistics personal wellbeing questions. Crown copyright, reproduced under the Open Government Licence v3.0.",
};

const domains: MeasureToolDefinition = {
  tool: "domains",
  name: "Need domains",
  items: NeedDomain.options.map((need) => ({ key: need, text: needLabels[need] })),
  scale: [
    { value: "not_managing", label: "Not managing" },
    { value: "getting_support", label: "Getting support" },
    { value: "managing", label: "Managing" },
    { value: "thriving", label: "Thriving" },
  ],
  placeholder: false,
  instructions: "For each of the referral's needs, how the person is managing now, in their own view.",
};

const definitions: Record<MeasureTool, MeasureToolDefinition> = { swemwbs, ons4, domains };

/** A tool's definition: its questions, scale and whether its wording is a placeholder. */
export function measureToolDefinition(tool: MeasureTool): MeasureToolDefinition {
  return definitions[tool];
}

/** The wellbeing measures the area has turned on, then need domains, which every case records. */
export function toolsFor(enabled: readonly WellbeingMeasureTool[]): MeasureToolDefinition[] {
  return [...enabled.map((tool) => definitions[tool]), domains];
}

/** Staff who record or read measures. Referrers and commissioners never see the questions' answers. */
const readers = new Set(["link_worker", "org_manager", "triage_coordinator", "admin"]);

/** `GET /measures/tools`: the area's tools with their questions, for staff. */
export async function listMeasureTools(context: Context, user: UserActor): Promise<MeasureTools> {
  if (!user.roles.some((role) => readers.has(role))) throw Forbidden("Your role does not record measures");
  const settings = await readCaseworkSettings(context);
  return { tools: toolsFor(settings.measures) };
}
