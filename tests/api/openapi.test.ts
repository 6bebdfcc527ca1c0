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

  it("describes the conflict and validation answers of a workflow action", () => {
    const claim = document.paths["/api/referrals/{id}/claim"]?.post;
    expect(Object.keys(claim?.responses ?? {})).toEqual(
      expect.arrayContaining(["200", "400", "401", "403", "404", "409"]),
    );
  });
});
