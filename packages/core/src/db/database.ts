import { Entity, Service } from "electrodb";
import { auditSchema } from "../audit/entity";
import {
  caseConnectionSchema,
  caseContactSchema,
  caseEscalationSchema,
  caseMeasureSchema,
  caseRecordSchema,
  openEscalationSchema,
  planRevisionSchema,
} from "../casework/entity";
import { outboxSchema } from "../event/outbox-entity";
import { idempotencySchema } from "../idempotency/entity";
import { liveConnectionSchema, liveTicketSchema } from "../live/entity";
import { actionSchema, agendaItemSchema, mdtMemberSchema, mdtSchema, meetingSchema } from "../mdt/entity";
import { organisationSchema } from "../organisation/entity";
import { personNhsNumberSchema, personSchema } from "../person/entity";
import { personMatchSchema } from "../person/match-entity";
import { practiceSchema } from "../practice/entity";
import { rateLimitSchema } from "../rate-limit/entity";
import { referralSchema } from "../referral/entity";
import { caseworkSettingsSchema, serviceLevelSettingsSchema } from "../settings/entity";
import { timelineSchema } from "../timeline/entity";
import { userSchema } from "../user/entity";
import { connectFromEnvironment, type DatabaseConnection } from "./client";

/** Every entity on the one table, and the ElectroDB service that writes them in transactions. */
export function createDatabase(connection: DatabaseConnection) {
  const config = { table: connection.tableName, client: connection.client };
  const service = new Service(
    {
      referral: new Entity(referralSchema, config),
      person: new Entity(personSchema, config),
      personNhsNumber: new Entity(personNhsNumberSchema, config),
      personMatch: new Entity(personMatchSchema, config),
      organisation: new Entity(organisationSchema, config),
      user: new Entity(userSchema, config),
      practice: new Entity(practiceSchema, config),
      outbox: new Entity(outboxSchema, config),
      audit: new Entity(auditSchema, config),
      timeline: new Entity(timelineSchema, config),
      idempotency: new Entity(idempotencySchema, config),
      serviceLevelSettings: new Entity(serviceLevelSettingsSchema, config),
      rateLimit: new Entity(rateLimitSchema, config),
      mdt: new Entity(mdtSchema, config),
      mdtMember: new Entity(mdtMemberSchema, config),
      meeting: new Entity(meetingSchema, config),
      agendaItem: new Entity(agendaItemSchema, config),
      action: new Entity(actionSchema, config),
      liveConnection: new Entity(liveConnectionSchema, config),
      liveTicket: new Entity(liveTicketSchema, config),
      caseRecord: new Entity(caseRecordSchema, config),
      planRevision: new Entity(planRevisionSchema, config),
      caseContact: new Entity(caseContactSchema, config),
      caseMeasure: new Entity(caseMeasureSchema, config),
      caseConnection: new Entity(caseConnectionSchema, config),
      caseEscalation: new Entity(caseEscalationSchema, config),
      openEscalation: new Entity(openEscalationSchema, config),
      caseworkSettings: new Entity(caseworkSettingsSchema, config),
    },
    config,
  );
  return { ...connection, service, entities: service.entities };
}

export type Database = ReturnType<typeof createDatabase>;

let fromEnvironment: Database | undefined;

/** The database named by the environment, built once per process (per Lambda container). */
export function databaseFromEnvironment(): Database {
  fromEnvironment ??= createDatabase(connectFromEnvironment());
  return fromEnvironment;
}
