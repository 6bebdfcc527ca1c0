import { initProject, useProject } from "sst/project.js";
import { beforeAll, describe, expect, it } from "vitest";
import { defaultFunctionProps, stacks } from "../app";
import { localWebOrigins, protectedStages, stageSettings } from "../stage";

describe("the SST app", () => {
  beforeAll(async () => {
    await initProject({ stage: "dev" });
  });

  it("is linkwork in London (eu-west-2)", () => {
    expect(useProject().config.name).toBe("linkwork");
    expect(useProject().config.region).toBe("eu-west-2");
  });

  it("has one stack per concern, each after the stacks it uses", () => {
    expect(stacks.map((stack) => stack.name)).toEqual([
      "Storage",
      "Live",
      "Events",
      "Schedules",
      "Auth",
      "Api",
      "Web",
    ]);
  });

  it("gives every function Node.js 22 on arm64, an ESM bundle, tracing and modest limits", () => {
    expect(defaultFunctionProps).toMatchObject({
      runtime: "nodejs22.x",
      architecture: "arm_64",
      memorySize: "512 MB",
      timeout: "10 seconds",
      tracing: "active",
      nodejs: { format: "esm" },
    });
  });
});

describe("stages", () => {
  it("prod and staging hold real data; every other stage is disposable", () => {
    expect(protectedStages).toEqual(["prod", "staging"]);
    const origin = { LINKWORK_WEB_ORIGIN: "https://linkwork.example.nhs.uk" };
    expect(stageSettings("prod", origin).isProtected).toBe(true);
    expect(stageSettings("staging", origin).isProtected).toBe(true);
    expect(stageSettings("dev", {}).isProtected).toBe(false);
    expect(stageSettings("alice", {}).isProtected).toBe(false);
  });

  it("a protected stage must name the site people use, so sign-in and CORS admit nothing else", () => {
    expect(() => stageSettings("prod", {})).toThrow(/LINKWORK_WEB_ORIGIN/);
    expect(
      stageSettings("prod", { LINKWORK_WEB_ORIGIN: "https://linkwork.example.nhs.uk/" }).webOrigins,
    ).toEqual(["https://linkwork.example.nhs.uk"]);
  });

  it("a site origin must be https", () => {
    expect(() => stageSettings("dev", { LINKWORK_WEB_ORIGIN: "http://linkwork.example.nhs.uk" })).toThrow(
      /https/,
    );
  });

  it("a development stage also admits the app running locally", () => {
    expect(stageSettings("alice", {}).webOrigins).toEqual([...localWebOrigins]);
    expect(stageSettings("alice", { LINKWORK_WEB_ORIGIN: "https://d111.cloudfront.net" }).webOrigins).toEqual(
      ["https://d111.cloudfront.net", ...localWebOrigins],
    );
  });
});
