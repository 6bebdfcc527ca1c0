import { schedules } from "@linkwork/functions/manifest";
import { Duration } from "aws-cdk-lib";
import type { Template } from "aws-cdk-lib/assertions";
import { type StackContext, use } from "sst/constructs";
import { beforeAll, describe, expect, it } from "vitest";
import { configure } from "../app";
import { type ScheduledSweep, Schedules, scheduledSweeps, scheduleSweep } from "../schedules";
import { stageSettings } from "../stage";
import { Storage } from "../storage";
import { synthesise } from "./support/synthesise";
import { functionNamed, grantsOf, logicalIdOf, resourcesOfType } from "./support/template";

/** Any existing handler will do: these tests check the wiring a sweep gets, not what it runs. */
const example: ScheduledSweep = {
  name: "example",
  handler: "functions/src/events/timeline.handler",
  every: Duration.minutes(5),
  tableActions: ["Query", "PutItem"],
};

function ExampleSweeps({ app, stack }: StackContext) {
  scheduleSweep(stack, stageSettings(app.stage), use(Storage).table, example);
}

let sweeps: Template;
let storage: Template;
let deployed: Template;

beforeAll(async () => {
  const synthesised = await synthesise({
    stage: "dev",
    stacks: [Storage, ExampleSweeps],
    build(app) {
      configure(app);
      app.stack(Storage);
      app.stack(ExampleSweeps);
    },
  });
  sweeps = synthesised.template(ExampleSweeps);
  storage = synthesised.template(Storage);
  synthesised.dispose();
  const app = await synthesise({ stage: "dev", stacks: [Storage, Schedules] });
  deployed = app.template(Schedules);
  app.dispose();
});

describe("a scheduled sweep", () => {
  it("runs its handler on its schedule", () => {
    const rule = resourcesOfType(sweeps, "AWS::Events::Rule");
    expect(rule).toHaveLength(1);
    expect(rule[0]?.Properties.ScheduleExpression).toBe("rate(5 minutes)");
    const sweep = functionNamed(sweeps, "Sweep_example");
    expect(sweep.properties.Handler).toBe(example.handler);
    expect(rule[0]?.Properties.Targets[0].Arn).toEqual({ "Fn::GetAtt": [sweep.logicalId, "Arn"] });
  });

  it("is retried, a run older than the interval is dropped, and what fails lands in an alarmed queue", () => {
    const queue = logicalIdOf(sweeps, "Sweep_example_DeadLetters", "AWS::SQS::Queue");
    const [rule] = resourcesOfType(sweeps, "AWS::Events::Rule");
    expect(rule?.Properties.Targets[0].RetryPolicy).toEqual({
      MaximumRetryAttempts: 10,
      MaximumEventAgeInSeconds: 300,
    });
    expect(rule?.Properties.Targets[0].DeadLetterConfig).toEqual({ Arn: { "Fn::GetAtt": [queue, "Arn"] } });
    sweeps.hasResourceProperties("AWS::CloudWatch::Alarm", {
      MetricName: "ApproximateNumberOfMessagesVisible",
      Dimensions: [{ Name: "QueueName", Value: { "Fn::GetAtt": [queue, "QueueName"] } }],
      Threshold: 0,
    });
  });

  it("may do only what it declares to the table", () => {
    const { grants } = grantsOf(sweeps, "Sweep_example", [storage]);
    const tableGrants = grants.filter((grant) => grant.action.startsWith("dynamodb:"));
    expect(tableGrants.map((grant) => `${grant.action} on ${grant.resource}`).sort()).toEqual([
      "dynamodb:PutItem on Table.Arn",
      "dynamodb:Query on Table.Arn",
      "dynamodb:Query on Table.Arn/index/*",
    ]);
  });
});

describe("deployed sweeps", () => {
  it("are exactly the manifest's schedules, each on its own rule at its rate running its handler", () => {
    const rules = resourcesOfType(deployed, "AWS::Events::Rule");
    expect(rules).toHaveLength(schedules.length);
    for (const schedule of schedules) {
      const sweep = functionNamed(deployed, `Sweep_${schedule.name}`);
      expect(sweep.properties.Handler, schedule.name).toBe(schedule.handler);
      const rule = rules.find(
        (candidate) =>
          JSON.stringify(candidate.Properties.Targets[0].Arn) ===
          JSON.stringify({ "Fn::GetAtt": [sweep.logicalId, "Arn"] }),
      );
      const minutes = schedule.everyMinutes;
      expect(rule?.Properties.ScheduleExpression, schedule.name).toBe(
        `rate(${minutes} ${minutes === 1 ? "minute" : "minutes"})`,
      );
    }
  });

  it("include the service-level sweep every five minutes, reading the due index and writing conditionally", () => {
    const serviceLevels = scheduledSweeps.find((sweep) => sweep.name === "service-levels");
    expect(serviceLevels).toMatchObject({ handler: "functions/src/schedules/service-levels.handler" });
    expect(serviceLevels?.every.toMinutes()).toBe(5);
    expect([...(serviceLevels?.tableActions ?? [])].sort()).toEqual([
      "GetItem",
      "PutItem",
      "Query",
      "UpdateItem",
    ]);
  });

  it("each declare their table access and run no more often than every minute", () => {
    for (const sweep of scheduledSweeps) {
      expect(sweep.tableActions.length, sweep.name).toBeGreaterThan(0);
      expect(sweep.every.toSeconds(), sweep.name).toBeGreaterThanOrEqual(60);
    }
  });
});
