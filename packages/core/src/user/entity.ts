import { CustomAttributeType, createSchema } from "electrodb";
import type { Role } from "./role";

/** A user and their membership of one organisation, with the roles they hold there. */
export const userSchema = createSchema({
  model: { entity: "user", version: "1", service: "linkwork" },
  attributes: {
    userId: { type: "string", required: true, readOnly: true },
    version: { type: "number", required: true },
    email: { type: "string", required: true },
    name: { type: "string", required: true },
    organisationId: { type: "string", required: true },
    roles: { type: CustomAttributeType<Role[]>("any"), required: true },
    /** Link workers only: the most people they may hold on an active caseload at once. */
    caseloadLimit: { type: "number" },
    /** Link workers only, so a person who asks for a worker of the same sex can be matched. */
    gender: { type: ["female", "male", "non_binary", "other", "not_stated"] as const },
    activeCaseload: { type: "number", required: true, default: 0 },
    active: { type: "boolean", required: true, default: true },
    createdAt: { type: "string", required: true, readOnly: true },
    updatedAt: { type: "string", required: true },
  },
  indexes: {
    byId: {
      pk: { field: "pk", composite: ["userId"] },
      sk: { field: "sk", composite: [] },
    },
    byEmail: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["email"] },
      sk: { field: "gsi1sk", composite: [] },
    },
    byOrganisation: {
      index: "gsi2",
      pk: { field: "gsi2pk", composite: ["organisationId"] },
      sk: { field: "gsi2sk", composite: ["name", "userId"] },
    },
  },
});
