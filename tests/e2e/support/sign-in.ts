import type { Page } from "playwright-core";

/** Signs in as a seeded demo user the way a person would: choose them, then "Sign in". */
export async function signInAs(page: Page, email: string): Promise<void> {
  await page.goto("/sign-in");
  await page.getByRole("heading", { name: "Sign in", level: 1 }).waitFor();
  await page.getByLabel(email).check();
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("button", { name: "Sign out" }).waitFor();
  await page.getByTestId("signed-in-user").waitFor();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.getByText("You have signed out.").waitFor();
}
