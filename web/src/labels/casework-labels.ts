import type {
  ConnectionSector,
  ConnectionStatus,
  ContactMethod,
  ContactOutcome,
  DomainStatus,
  EscalationTarget,
  GoalStatus,
  MeasureStage,
  MeasureTool,
} from "@linkwork/core/casework/vocabulary";

/** Plain-English names for a case's coded values, as staff say them. */
export const contactMethodLabels: Record<ContactMethod, string> = {
  phone: "Phone",
  face_to_face: "Face to face",
  home_visit: "Home visit",
  video: "Video call",
  text: "Text message",
  email: "Email",
  letter: "Letter",
};

export const contactOutcomeLabels: Record<ContactOutcome, string> = {
  made_contact: "Made contact",
  no_answer: "No answer",
  left_message: "Left a message",
  did_not_attend: "Did not attend",
};

/** Dudley's four-point scale, worst first. */
export const domainStatusLabels: Record<DomainStatus, string> = {
  not_managing: "Not managing",
  getting_support: "Getting support",
  managing: "Managing",
  thriving: "Thriving",
};

export const goalStatusLabels: Record<GoalStatus, string> = {
  active: "Working on it",
  achieved: "Achieved",
  dropped: "No longer a goal",
};

export const measureToolLabels: Record<MeasureTool, string> = {
  swemwbs: "Short Warwick-Edinburgh Mental Wellbeing Scale (SWEMWBS)",
  ons4: "ONS personal wellbeing (ONS4)",
  domains: "Need domains",
};

export const measureStageLabels: Record<MeasureStage, string> = {
  baseline: "Baseline",
  review: "Review",
  final: "Final",
};

export const connectionSectorLabels: Record<ConnectionSector, string> = {
  vcs: "Voluntary and community sector",
  statutory: "Statutory service",
  private: "Private sector",
  other: "Other",
};

export const connectionStatusLabels: Record<ConnectionStatus, string> = {
  suggested: "Suggested",
  referred: "Referred",
  attended: "Attended",
  declined: "Declined",
};

/** Where a case was escalated: "Referred back to the GP" reads as the concern's destination. */
export const escalationTargetLabels: Record<EscalationTarget, string> = {
  gp: "Back to the GP",
  adult_social_care: "Adult social care",
  safeguarding: "Safeguarding concern",
};

/** The escalation as something that happened, for a timeline or a queue. */
export const escalationTargetPhrases: Record<EscalationTarget, string> = {
  gp: "Referred back to the GP",
  adult_social_care: "Referred to adult social care",
  safeguarding: "Safeguarding concern raised",
};
