import { publicRoutes } from "@linkwork/core/http/public-routes";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiHarness, createApiHarness } from "../support/api";

let api: ApiHarness;
let document: {
  openapi: string;
  paths: Record<
    string,
    Record<string, { security?: unknown[]; requestBody?: unknown; responses: Record<string, unknown> }>
  >;
  components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
};

beforeAll(async () => {
  api = await createApiHarness();
  document = (await api.call("GET", "/api/openapi.json")).body;
});
afterAll(() => api.close());

describe("the OpenAPI document", () => {
  it("documents every route of the contract, generated from the zod schemas", () => {
    const routes = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(routes).toEqual(
      expect.arrayContaining([
        "GET /api/health",
        "GET /api/me",
        "GET /api/organisations",
        "POST /api/referrals",
        "POST /api/self-referrals",
        "GET /api/referrals",
        "GET /api/referrals/{id}",
        "GET /api/referrals/{id}/timeline",
        "POST /api/referrals/{id}/triage",
        "GET /api/referrals/{id}/allocation-options",
        "POST /api/referrals/{id}/allocate",
        "POST /api/referrals/{id}/accept",
        "POST /api/referrals/{id}/decline",
        "POST /api/referrals/{id}/claim",
        "PUT /api/link-workers/{userId}/capacity",
        "GET /api/caseload",
      ]),
    );
    expect(document.openapi).toBe("3.1.0");
  });

  it("names the shared schemas and the bearer scheme, and marks the public routes", () => {
    expect(Object.keys(document.components.schemas)).toEqual(
      expect.arrayContaining([
        "Referral",
        "ReferralCreate",
        "PersonDetails",
        "Error",
        "TriageRequest",
        "AllocationOptions",
      ]),
    );
    expect(document.components.securitySchemes.bearer).toMatchObject({ type: "http", scheme: "bearer" });
    expect(document.paths["/api/self-referrals"]?.post?.security).toEqual([]);
    expect(document.paths["/api/health"]?.get?.security).toEqual([]);
    expect(document.paths["/api/referrals"]?.post?.security).toBeUndefined();
  });

  it("marks as public exactly the routes the API and API Gateway let through without a token", () => {
    const documentedPublic = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.entries(operations)
        .filter(([, operation]) => Array.isArray(operation.security) && operation.security.length === 0)
        .map(([method]) => `${method.toUpperCase()} ${path}`),
    );
    expect([...documentedPublic, "GET /api/openapi.json"].sort()).toEqual([...publicRoutes].sort());
  });

  it("documents every casework route of the contract with its success status", () => {
    const statuses = (path: string, method: string) =>
      Object.keys(document.paths[path]?.[method]?.responses ?? {});
    const expected: [string, string, string][] = [
      ["/api/referrals/{id}/case", "get", "200"],
      ["/api/referrals/{id}/contacts", "post", "201"],
      ["/api/referrals/{id}/plan", "put", "200"],
      ["/api/referrals/{id}/measures", "post", "201"],
      ["/api/referrals/{id}/connections", "post", "201"],
      ["/api/referrals/{id}/connections/{connectionId}", "patch", "200"],
      ["/api/referrals/{id}/escalations", "post", "201"],
      ["/api/referrals/{id}/escalations/{escalationId}/resolve", "post", "200"],
      ["/api/referrals/{id}/close", "post", "200"],
      ["/api/referrals/{id}/message-back", "get", "200"],
      ["/api/referrals/{id}/assign", "post", "200"],
      ["/api/referrals/{id}/reassign", "post", "200"],
      ["/api/referrals/{id}/return-to-triage", "post", "200"],
      ["/api/escalations", "get", "200"],
      ["/api/search", "get", "200"],
      ["/api/measures/tools", "get", "200"],
      ["/api/settings/casework", "get", "200"],
      ["/api/settings/casework", "put", "200"],
    ];
    for (const [path, method, success] of expected) {
      expect(statuses(path, method), `${method.toUpperCase()} ${path}`).toContain(success);
    }
    for (const [path, method] of expected.filter(
      ([path, method]) => method !== "get" && path.includes("{id}"),
    )) {
      expect(statuses(path, method), `${method.toUpperCase()} ${path}`).toEqual(
        expect.arrayContaining(["400", "401", "404"]),
      );
    }
  });

  it("describes the casework shapes the contract names, the escalation queue's version included", () => {
    const schemas = document.components.schemas as Record<
      string,
      { properties?: Record<string, { enum?: string[] }>; required?: string[] }
    >;
    expect(Object.keys(schemas)).toEqual(
      expect.arrayContaining([
        "Case",
        "ContactRequest",
        "PlanRequest",
        "MeasureRequest",
        "Measure",
        "ConnectionRequest",
        "EscalationRequest",
        "EscalationQueue",
        "EscalationQueueItem",
        "MessageBack",
        "SearchResults",
      ]),
    );
    expect(Object.keys(schemas.Case?.properties ?? {})).toEqual(
      expect.arrayContaining([
        "version",
        "contacts",
        "whatMatters",
        "domains",
        "plan",
        "measures",
        "connections",
        "escalations",
      ]),
    );
    expect(schemas.ContactRequest?.properties?.method?.enum).toEqual([
      "phone",
      "face_to_face",
      "home_visit",
      "video",
      "text",
      "email",
      "letter",
    ]);
    expect(schemas.ContactRequest?.properties?.outcome?.enum).toEqual([
      "made_contact",
      "no_answer",
      "left_message",
      "did_not_attend",
    ]);
    expect(schemas.EscalationQueueItem?.required).toEqual(
      expect.arrayContaining(["escalationId", "version"]),
    );
    expect(Object.keys(schemas.MessageBack?.properties ?? {})).toEqual(
      expect.arrayContaining([
        "referralId",
        "closedAt",
        "closureReason",
        "summary",
        "connections",
        "measures",
        "codes",
      ]),
    );
    const measure = JSON.stringify(schemas.Measure);
    for (const field of ["raw", "metric", "lifeSatisfaction", "band", "very_high", "very_low"]) {
      expect(measure, field).toContain(`"${field}"`);
    }
  });

  it("describes the conflict and validation answers of a workflow action", () => {
    const claim = document.paths["/api/referrals/{id}/claim"]?.post;
    expect(Object.keys(claim?.responses ?? {})).toEqual(
      expect.arrayContaining(["200", "400", "401", "403", "404", "409"]),
    );
  });
});
