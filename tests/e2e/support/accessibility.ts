import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import axe from "axe-core";
import type { Page } from "playwright-core";

const reportDirectory = fileURLToPath(new URL("../../artifacts/axe/", import.meta.url));

export interface Violation {
  id: string;
  impact: string | null | undefined;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core in the page as it stands. Serious and critical violations fail the test; every
 * violation found is written to tests/artifacts/axe/<name>.json to read afterwards.
 */
export async function expectNoSeriousViolations(page: Page, name: string): Promise<Violation[]> {
  await page.addScriptTag({ content: axe.source });
  const violations = await page.evaluate(async () => {
    const runner = (window as unknown as { axe: typeof axe }).axe;
    const results = await runner.run(document, { resultTypes: ["violations"] });
    return results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.slice(0, 5).map((node) => node.target.join(" ")),
    }));
  });
  mkdirSync(reportDirectory, { recursive: true });
  writeFileSync(join(reportDirectory, `${name}.json`), JSON.stringify(violations, null, 2));
  const serious = violations.filter(
    (violation) => violation.impact === "serious" || violation.impact === "critical",
  );
  if (serious.length > 0) {
    const summary = serious
      .map(
        (violation) =>
          `- ${violation.id} (${violation.impact}): ${violation.help} at ${violation.targets.join(", ")}`,
      )
      .join("\n");
    throw new Error(`Accessibility problems on ${name}:\n${summary}`);
  }
  return violations;
}
