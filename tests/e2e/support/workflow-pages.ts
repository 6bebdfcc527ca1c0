import type { Page } from "playwright-core";

/** The timeline's entries as "what happened — by whom" lines, oldest first. */
export async function timelineLines(page: Page): Promise<string[]> {
  const items = page.getByTestId("timeline").locator("li");
  const lines: string[] = [];
  for (const item of await items.all()) {
    const title = (await item.locator("h3").textContent())?.trim() ?? "";
    const when = (await item.locator("p").last().textContent())?.trim() ?? "";
    lines.push(`${title} — ${when.replace(/^.* at \d\d:\d\d ?/, "")}`);
  }
  return lines;
}

/** "12 of 30 places used" as numbers. */
export async function placesUsed(page: Page): Promise<{ used: number; limit: number }> {
  const text = (await page.getByTestId("capacity").first().textContent()) ?? "";
  const match = /(\d+) of (\d+) places? used/.exec(text);
  if (!match) throw new Error(`No capacity shown in "${text}"`);
  return { used: Number(match[1]), limit: Number(match[2]) };
}
