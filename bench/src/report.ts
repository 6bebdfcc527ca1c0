import { outcomeOf, type ScenarioResult } from "./scenarios";
import { milliseconds, summarise } from "./stats";
import { table } from "./table";
import type { Check } from "./verify";

const outcomes = ["200", "409 version_conflict", "409 already_claimed", "409 capacity_reached"];

export function scenarioTable(results: ScenarioResult[]): string {
  return table(
    [
      "scenario",
      "requests",
      "changes",
      "changes/s",
      "requests/s",
      "p50 ms",
      "p95 ms",
      "max ms",
      ...outcomes,
      "other",
      "5xx",
    ],
    results.map((result) => {
      const latency = summarise(result.responses.map((response) => response.ms));
      const counts = result.responses.map(outcomeOf);
      const changes = counts.filter((outcome) => outcome === "200").length;
      const other = counts.filter((outcome) => !outcomes.includes(outcome) && outcome !== "5xx");
      return [
        result.name,
        String(result.responses.length),
        String(changes),
        (changes / result.seconds).toFixed(1),
        (result.responses.length / result.seconds).toFixed(1),
        milliseconds(latency.p50),
        milliseconds(latency.p95),
        milliseconds(latency.max),
        ...outcomes.map((outcome) => String(counts.filter((found) => found === outcome).length)),
        other.length === 0 ? "0" : `${other.length} (${[...new Set(other)].join(", ")})`,
        String(counts.filter((outcome) => outcome === "5xx").length),
      ];
    }),
  );
}

/** Winners and losers separately: a refusal costs less than a change, and it shows. */
export function latencyByOutcomeTable(results: ScenarioResult[]): string {
  return table(
    ["scenario", "200 p50", "200 p95", "409 p50", "409 p95", "wall s"],
    results.map((result) => {
      const of = (accepted: boolean) =>
        summarise(
          result.responses
            .filter((response) => (response.status === 200) === accepted)
            .map((response) => response.ms),
        );
      const won = of(true);
      const refused = of(false);
      return [
        result.name,
        milliseconds(won.p50),
        milliseconds(won.p95),
        milliseconds(refused.p50),
        milliseconds(refused.p95),
        result.seconds.toFixed(1),
      ];
    }),
  );
}

export function expectationTable(results: ScenarioResult[]): string {
  return table(
    ["scenario", "expected outcome", "expected", "found", ""],
    results.flatMap((result) =>
      result.expectations.map((expectation) => [
        result.name,
        expectation.what,
        String(expectation.expected),
        String(expectation.found),
        expectation.expected === expectation.found ? "ok" : "DIFFERS",
      ]),
    ),
  );
}

export function checkTable(checks: Check[]): string {
  return table(
    ["final-state check", "lost", "doubled", "over limit", ""],
    checks.map((check) => [
      check.name,
      String(check.lost),
      String(check.doubled),
      String(check.overLimit),
      check.lost + check.doubled + check.overLimit === 0 ? "ok" : `FAILED: ${check.examples.join("; ")}`,
    ]),
  );
}
