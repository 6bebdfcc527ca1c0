/**
 * The coded values of a case, listed once. The request and response schemas (classic zod, with
 * the OpenAPI document) and the event schemas (zod/mini) are both built from these lists.
 */
export const contactMethods = [
  "phone",
  "face_to_face",
  "home_visit",
  "video",
  "text",
  "email",
  "letter",
] as const;

export const contactOutcomes = ["made_contact", "no_answer", "left_message", "did_not_attend"] as const;

/** Dudley's four-point scale for each need domain, from worst to best. */
export const domainStatuses = ["not_managing", "getting_support", "managing", "thriving"] as const;

export const goalStatuses = ["active", "achieved", "dropped"] as const;

export const measureTools = ["swemwbs", "ons4", "domains"] as const;

export const measureStages = ["baseline", "review", "final"] as const;

/** The measures an area may turn on; need domains are always recorded. */
export const wellbeingMeasureTools = ["swemwbs", "ons4"] as const;

export const connectionSectors = ["vcs", "statutory", "private", "other"] as const;

export const connectionStatuses = ["suggested", "referred", "attended", "declined"] as const;

export const escalationTargets = ["gp", "adult_social_care", "safeguarding"] as const;

export const escalationStatuses = ["open", "resolved"] as const;

export type ContactMethod = (typeof contactMethods)[number];
export type ContactOutcome = (typeof contactOutcomes)[number];
export type DomainStatus = (typeof domainStatuses)[number];
export type GoalStatus = (typeof goalStatuses)[number];
export type MeasureTool = (typeof measureTools)[number];
export type MeasureStage = (typeof measureStages)[number];
export type WellbeingMeasureTool = (typeof wellbeingMeasureTools)[number];
export type ConnectionSector = (typeof connectionSectors)[number];
export type ConnectionStatus = (typeof connectionStatuses)[number];
export type EscalationTarget = (typeof escalationTargets)[number];
export type EscalationStatus = (typeof escalationStatuses)[number];
