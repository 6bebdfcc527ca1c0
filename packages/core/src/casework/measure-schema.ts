import * as z from "zod";
import { NeedDomain } from "../referral/schema";
import { ons4Bands, type ons4Questions, swemwbsItemCount } from "./domain/measure-scales";
import { domainStatuses, measureStages, measureTools } from "./vocabulary";

export const MeasureTool = z.enum(measureTools, {
  error: "Choose the measure: swemwbs, ons4 or domains",
});
export const MeasureStage = z.enum(measureStages, {
  error: "Say whether this is the baseline, a review or the final measure",
});
export const DomainStatus = z.enum(domainStatuses, {
  error: "Give each need's status: not_managing, getting_support, managing or thriving",
});
export const Ons4Band = z.enum(ons4Bands);

const swemwbsAnswer = (position: number) =>
  z
    .number({ error: `Answer statement ${position} of ${swemwbsItemCount} with a whole number from 1 to 5` })
    .int(`Answer statement ${position} of ${swemwbsItemCount} with a whole number from 1 to 5`)
    .min(1, `Answer statement ${position} of ${swemwbsItemCount} with a whole number from 1 to 5`)
    .max(5, `Answer statement ${position} of ${swemwbsItemCount} with a whole number from 1 to 5`);

export const SwemwbsAnswers = z
  .array(z.unknown(), { error: "Give the seven SWEMWBS answers, in order, as a list of numbers" })
  .length(swemwbsItemCount, "Give all seven SWEMWBS answers, in order")
  .pipe(
    z.tuple([
      swemwbsAnswer(1),
      swemwbsAnswer(2),
      swemwbsAnswer(3),
      swemwbsAnswer(4),
      swemwbsAnswer(5),
      swemwbsAnswer(6),
      swemwbsAnswer(7),
    ]),
  )
  .meta({ description: "The seven item scores, 1-5 each, in the published order" });

const ons4Wording: Record<(typeof ons4Questions)[number], string> = {
  lifeSatisfaction: "how satisfied they are with life nowadays",
  worthwhile: "how worthwhile the things they do are",
  happy: "how happy they felt yesterday",
  anxious: "how anxious they felt yesterday",
};

const ons4Answer = (question: (typeof ons4Questions)[number]) => {
  const message = `Give ${ons4Wording[question]} as a whole number from 0 to 10`;
  return z.number({ error: message }).int(message).min(0, message).max(10, message);
};

export const Ons4Answers = z.strictObject(
  {
    lifeSatisfaction: ons4Answer("lifeSatisfaction"),
    worthwhile: ons4Answer("worthwhile"),
    happy: ons4Answer("happy"),
    anxious: ons4Answer("anxious"),
  },
  {
    error: (issue) =>
      issue.code === "unrecognized_keys"
        ? `ONS4 has no question ${issue.keys.join(", ")}: give lifeSatisfaction, worthwhile, happy and anxious`
        : "Give the four ONS4 answers as { lifeSatisfaction, worthwhile, happy, anxious }",
  },
);

export const DomainAnswers = z
  .partialRecord(NeedDomain, DomainStatus, {
    error: (issue) =>
      "keys" in issue && Array.isArray(issue.keys)
        ? `${issue.keys.join(", ")}: not a need domain; use the referral's needs as the keys`
        : 'Give a status for each need, like { "housing": "managing" }',
  })
  .refine((answers) => Object.keys(answers).length > 0, "Give a status for at least one need")
  .meta({ description: "A status on Dudley's scale for every need on the referral, at least" });

const stage = { stage: MeasureStage };

export const MeasureRequest = z
  .discriminatedUnion(
    "tool",
    [
      z.object({ tool: z.literal("swemwbs"), ...stage, answers: SwemwbsAnswers }),
      z.object({ tool: z.literal("ons4"), ...stage, answers: Ons4Answers }),
      z.object({ tool: z.literal("domains"), ...stage, answers: DomainAnswers }),
    ],
    { error: "Choose the measure: swemwbs, ons4 or domains" },
  )
  .meta({ id: "MeasureRequest" });
export type MeasureRequest = z.infer<typeof MeasureRequest>;

export const SwemwbsScore = z.object({
  raw: z.number().int().meta({ description: "The total of the seven answers, 7-35" }),
  metric: z.number().meta({ description: "The metric score from the published conversion table" }),
});

const bandedValue = z.object({ value: z.number().int(), band: Ons4Band });
export const Ons4Score = z.object({
  lifeSatisfaction: bandedValue,
  worthwhile: bandedValue,
  happy: bandedValue,
  anxious: bandedValue,
});

export const DomainStatuses = z.partialRecord(NeedDomain, DomainStatus);

const recorded = {
  measureId: z.string(),
  stage: MeasureStage,
  recordedAt: z.iso.datetime(),
  recordedByName: z.string().optional(),
};

export const Measure = z
  .discriminatedUnion("tool", [
    z.object({
      tool: z.literal("swemwbs"),
      ...recorded,
      answers: z.array(z.number().int()),
      score: SwemwbsScore,
    }),
    z.object({ tool: z.literal("ons4"), ...recorded, answers: Ons4Answers, score: Ons4Score }),
    z.object({ tool: z.literal("domains"), ...recorded, answers: DomainStatuses, score: DomainStatuses }),
  ])
  .meta({ id: "Measure" });
export type Measure = z.infer<typeof Measure>;

function point<Score extends z.ZodType>(score: Score) {
  return z.object({ measureId: z.string(), stage: MeasureStage, recordedAt: z.iso.datetime(), score });
}

const direction = z.enum(["better", "worse", "same"]);
const questionChange = z.object({
  from: z.number().int(),
  to: z.number().int(),
  change: z.number().int(),
  direction,
  bandFrom: Ons4Band,
  bandTo: Ons4Band,
});

function comparison<Tool extends string, Score extends z.ZodType, Change extends z.ZodType>(
  tool: Tool,
  score: Score,
  change: Change,
) {
  return z.object({
    tool: z.literal(tool),
    baseline: point(score).optional(),
    latest: point(score).optional().meta({ description: "The most recent measure of any stage" }),
    final: point(score).optional().meta({ description: "The most recent final measure" }),
    change: change
      .optional()
      .meta({ description: "From the baseline to the final measure, or to the latest before there is one" }),
    meaningful: z.boolean().optional(),
  });
}

export const MeasureComparison = z
  .discriminatedUnion("tool", [
    comparison("swemwbs", SwemwbsScore, z.number()).meta({
      description: "change: metric points; meaningful at 3 or more either way",
    }),
    comparison(
      "ons4",
      Ons4Score,
      z.object({
        lifeSatisfaction: questionChange,
        worthwhile: questionChange,
        happy: questionChange,
        anxious: questionChange,
      }),
    ).meta({ description: "Per question; for anxiety, lower is better. No single published threshold" }),
    comparison(
      "domains",
      DomainStatuses,
      z.object({
        movedOutOfNotManaging: z.array(NeedDomain),
        better: z.array(NeedDomain),
        worse: z.array(NeedDomain),
      }),
    ).meta({ description: "meaningful when at least one need moved out of not managing" }),
  ])
  .meta({ id: "MeasureComparison" });
export type MeasureComparison = z.infer<typeof MeasureComparison>;

export const MeasureToolDefinition = z
  .object({
    tool: MeasureTool,
    name: z.string(),
    instructions: z.string().optional(),
    items: z.array(z.object({ key: z.string(), text: z.string() })).meta({
      description:
        "The questions in order; for domains every need domain (ask about the referral's needs at least)",
    }),
    scale: z.array(z.object({ value: z.union([z.number().int(), z.string()]), label: z.string() })),
    placeholder: z.boolean().meta({
      description: "The wording is the shipped placeholder, not the licensed text: say so on screen",
    }),
    notice: z.string().optional().meta({ description: "Copyright or licence wording to show with it" }),
  })
  .meta({ id: "MeasureToolDefinition" });
export type MeasureToolDefinition = z.infer<typeof MeasureToolDefinition>;

export const MeasureTools = z.object({ tools: z.array(MeasureToolDefinition) }).meta({ id: "MeasureTools" });
export type MeasureTools = z.infer<typeof MeasureTools>;
