import * as z from "zod";
import { PracticeOds, RiskFlag } from "../referral/schema";
import { idPattern } from "../util/id";

/** Where an agenda item stands on the board. */
export const BoardColumn = z.enum(["to_discuss", "discussing", "decided", "deferred"]);
export type BoardColumn = z.infer<typeof BoardColumn>;

export const MeetingStatus = z.enum(["planned", "in_progress", "ended"]);
export type MeetingStatus = z.infer<typeof MeetingStatus>;

export const ActionStatus = z.enum(["open", "done"]);
export type ActionStatus = z.infer<typeof ActionStatus>;

const Version = z.number({ error: "Give the version you loaded" }).int().min(1);

/**
 * Users' and organisations' ids are not all made by `createId` (Cognito names users by a UUID; the
 * seeded organisations have readable ids), so they are held to a safe alphabet and length.
 */
const storedId = (message: string) =>
  z
    .string({ error: message })
    .max(64, message)
    .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, message);
const text = (label: string, max: number) =>
  z
    .string({ error: `Enter ${label}` })
    .trim()
    .min(1, `Enter ${label}`)
    .max(max, `${label[0]?.toUpperCase()}${label.slice(1)} must be ${max} characters or fewer`);
const sbarPart = (label: string) =>
  z
    .string({ error: `Enter the ${label}` })
    .trim()
    .max(4000, `The ${label} must be 4000 characters or fewer`);

/** The listing's SBAR: pre-filled from the record, edited by members before the meeting. */
export const Sbar = z
  .object({
    situation: sbarPart("situation"),
    background: sbarPart("background"),
    assessment: sbarPart("assessment"),
    recommendation: sbarPart("recommendation"),
  })
  .meta({ id: "Sbar" });
export type Sbar = z.infer<typeof Sbar>;

export const MdtMember = z.object({ userId: z.string(), name: z.string(), organisationId: z.string() });

export const Mdt = z
  .object({
    id: z.string(),
    name: z.string(),
    practices: z.array(z.string()),
    chairUserId: z.string(),
    cadenceDays: z.number().int(),
    members: z.array(MdtMember),
    version: Version,
  })
  .meta({ id: "Mdt" });
export type Mdt = z.infer<typeof Mdt>;

export const MdtCreate = z
  .object({
    name: text("the team's name", 120),
    practices: z
      .array(PracticeOds, { error: "List the practices the team covers" })
      .min(1, "List at least one practice the team covers")
      .max(50, "A team covers at most 50 practices"),
    chairUserId: storedId("Choose the chair"),
    memberUserIds: z
      .array(storedId("Each member must be a user's id"), { error: "List the members' user ids" })
      // One transaction writes the team and a membership per member, within DynamoDB's 100 items.
      .max(90, "A team has at most 90 members")
      .default([]),
    cadenceDays: z
      .number({ error: "Say how many days apart the meetings are" })
      .int("Meetings are a whole number of days apart")
      .min(1, "Meetings are at least a day apart")
      .max(365, "Meetings are at most a year apart"),
  })
  .meta({ id: "MdtCreate" });
export type MdtCreate = z.infer<typeof MdtCreate>;

export const MeetingCreate = z
  .object({
    startsAt: z.iso.datetime({ offset: true, error: "Enter when the meeting starts, as a date and time" }),
    durationMinutes: z
      .number({ error: "Say how long the meeting lasts, in minutes" })
      .int("The length is a whole number of minutes")
      .min(5, "A meeting lasts at least 5 minutes")
      .max(480, "A meeting lasts at most 8 hours"),
  })
  .meta({ id: "MeetingCreate" });

/** An action agreed at the meeting, owned by an organisation and optionally by one of its people. */
export const ActionInput = z.object({
  description: text("what is to be done", 1000),
  ownerOrganisationId: storedId("Choose the organisation that owns the action"),
  ownerUserId: storedId("The owner must be a user's id").optional(),
  dueOn: z.iso.date({ error: "Enter the due date, like 2026-12-24" }),
});

export const Action = z
  .object({
    id: z.string(),
    mdtId: z.string(),
    meetingId: z.string(),
    itemId: z.string(),
    referralId: z.string(),
    description: z.string(),
    ownerOrganisationId: z.string(),
    ownerUserId: z.string().optional(),
    dueOn: z.iso.date(),
    status: ActionStatus,
    completedAt: z.iso.datetime().optional(),
    completedBy: z.string().optional(),
    version: Version,
    allowedActions: z.array(z.string()),
  })
  .meta({ id: "Action" });
export type Action = z.infer<typeof Action>;

export const Outcome = z.object({
  decision: z.string(),
  decidedAt: z.iso.datetime(),
  decidedBy: z.string(),
  actions: z.array(Action),
});

export const OutcomeCreate = z
  .object({
    version: Version,
    decision: text("the decision", 4000),
    actions: z.array(ActionInput).max(20, "Record at most 20 actions for one person").default([]),
  })
  .meta({ id: "OutcomeCreate" });

/** Who the item is about, as this member may see them: a full name, or initials and age only. */
export const AgendaPerson = z.object({
  name: z.string(),
  age: z.number().int().optional(),
  initialsOnly: z.boolean(),
});

export const AgendaItem = z
  .object({
    id: z.string(),
    meetingId: z.string(),
    referralId: z.string(),
    reason: z.string(),
    sbar: Sbar.nullable().meta({
      description: "Withheld (null) from members outside the NHS without consent",
    }),
    column: BoardColumn,
    position: z.number().int().min(0),
    slotMinutes: z.number().int(),
    version: Version,
    person: AgendaPerson,
    riskFlags: z.array(RiskFlag),
    outcome: Outcome.optional(),
    rolledFrom: z.string().optional().meta({ description: "The meeting this item was carried over from" }),
    rolledTo: z.string().optional().meta({ description: "The meeting this item was carried over to" }),
    allowedActions: z.array(z.string()),
  })
  .meta({ id: "AgendaItem" });
export type AgendaItem = z.infer<typeof AgendaItem>;

export const AgendaItemCreate = z
  .object({
    referralId: z
      .string({ error: "Choose the referral" })
      .regex(idPattern("referral"), "Choose the referral"),
    reason: text("why the person is being discussed", 1000),
    sbar: Sbar.optional(),
    slotMinutes: z.number().int().min(1).max(120).optional(),
  })
  .meta({ id: "AgendaItemCreate" });
export type AgendaItemCreate = z.infer<typeof AgendaItemCreate>;

export const AgendaItemUpdate = z
  .object({
    version: Version,
    column: BoardColumn.optional(),
    position: z.number().int("A position is a whole number").min(0).optional(),
    sbar: Sbar.optional(),
    slotMinutes: z.number().int().min(1).max(120).optional(),
  })
  .meta({ id: "AgendaItemUpdate" });
export type AgendaItemUpdate = z.infer<typeof AgendaItemUpdate>;

export const Meeting = z
  .object({
    id: z.string(),
    mdtId: z.string(),
    mdtName: z.string(),
    startsAt: z.iso.datetime(),
    durationMinutes: z.number().int(),
    status: MeetingStatus,
    version: Version,
    attendees: z.array(z.string()),
    startedAt: z.iso.datetime().optional(),
    endedAt: z.iso.datetime().optional(),
    items: z.array(AgendaItem),
    openActions: z.array(Action).meta({
      description: "The team's actions still open from its earlier meetings, for this agenda to follow up",
    }),
    allowedActions: z.array(z.string()),
  })
  .meta({ id: "Meeting" });
export type Meeting = z.infer<typeof Meeting>;

export const MeetingVersion = z.object({ version: Version }).meta({ id: "MeetingVersion" });

export const AttendanceUpdate = z
  .object({
    version: Version,
    attendees: z
      .array(storedId("Each attendee is a user's id"), { error: "List who is attending" })
      .max(100, "At most 100 attendees"),
  })
  .meta({ id: "AttendanceUpdate" });

export const Candidate = z.object({
  referralId: z.string(),
  name: z.string(),
  age: z.number().int().optional(),
  riskFlags: z.array(RiskFlag),
  why: z.array(z.string()),
});

export const SummaryEntry = z.object({
  referralId: z.string(),
  decision: z.string().optional(),
  actions: z.array(Action),
  rolledTo: z.string().optional(),
});

export const MdtList = z.object({ items: z.array(Mdt) }).meta({ id: "MdtList" });

export const MeetingList = z
  .object({ items: z.array(Meeting.omit({ items: true, openActions: true })) })
  .meta({
    id: "MeetingList",
    description: "Meetings without their items: upcoming soonest first, then past ones",
  });
export type MeetingSummary = z.infer<typeof MeetingList>["items"][number];

export const CandidateList = z.object({ items: z.array(Candidate) }).meta({ id: "CandidateList" });
export type Candidate = z.infer<typeof Candidate>;

/** What the board's capacity strip shows: free places across the area's providers and link workers. */
export const MeetingCapacity = z
  .object({
    organisations: z.array(
      z.object({
        organisationId: z.string(),
        name: z.string(),
        kind: z.string(),
        freeCapacity: z.number().int().min(0),
        acceptingReferrals: z.boolean(),
      }),
    ),
    linkWorkers: z.array(
      z.object({
        userId: z.string(),
        name: z.string(),
        organisationId: z.string(),
        caseloadLimit: z.number().int(),
        activeCases: z.number().int(),
        freePlaces: z.number().int().min(0),
      }),
    ),
  })
  .meta({ id: "MeetingCapacity" });
export type MeetingCapacity = z.infer<typeof MeetingCapacity>;
