import type { EntityItem } from "electrodb";
import type { Database } from "../db/database";

/** The stored forms of a team, its members, meetings, agenda items and actions. */
export type MdtRecord = EntityItem<Database["entities"]["mdt"]>;
export type MdtMemberRecord = EntityItem<Database["entities"]["mdtMember"]>;
export type MeetingRecord = EntityItem<Database["entities"]["meeting"]>;
export type AgendaItemRecord = EntityItem<Database["entities"]["agendaItem"]>;
export type ActionRecord = EntityItem<Database["entities"]["action"]>;
