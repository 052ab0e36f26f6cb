// The Activity section of a connected app's page and the cards' last runs, over the sandbox's
// seeded run history (Salesforce's last run failed; see sandbox/README.md).
import { test, expect } from "./fixtures";
import { accountIdFor, connectOAuth } from "./sandbox";

test("a failed run opens to its failing step and message, and Retry starts a new run", async ({ signedIn, detail, page }) => {
  await connectOAuth(await accountIdFor(signedIn.email), "salesforce");
  await detail.goto("salesforce");
  const activity = page.getByRole("region", { name: "Activity" });
  const runs = activity.getByRole("table", { name: "Workflow runs of Salesforce, newest first" });
  await expect(runs.getByRole("row")).toHaveCount(5);
  await expect(runs.getByRole("row").nth(1)).toContainText("Failed");

  await activity.getByLabel("Show").selectOption("failed");
  await activity.getByRole("button", { name: "Apply" }).click();
  await expect(runs.getByRole("row")).toHaveCount(3);
  await runs.getByRole("link", { name: /View run/ }).first().click();
  const run = page.locator("#run");
  await expect(run.getByRole("heading", { level: 3 })).toHaveText(/: Failed$/);
  await expect(run.getByRole("list", { name: "Steps" })).toContainText(
    "Failed after 3 attempts: Salesforce answered 401 Unauthorized: the access token was revoked",
  );

  await run.getByRole("button", { name: "Retry run" }).click();
  await expect(page.locator("#run").getByText("Retried: this is the new run.")).toBeVisible();
  await expect(page.locator("#run").getByRole("heading", { level: 3 })).toHaveText(/: Completed$/);
  await detail.goto("salesforce");
  await expect(runs.getByRole("row")).toHaveCount(6);
  await expect(runs.getByRole("row").nth(1)).toContainText("Completed");
});

test("the marketplace card says when the last run failed, or when it ran", async ({ signedIn, marketplace, page }) => {
  const account = await accountIdFor(signedIn.email);
  await connectOAuth(account, "salesforce");
  await connectOAuth(account, "hubspot");
  await marketplace.goto();
  await expect(page.locator('.card[data-slug="salesforce"] .card__run')).toHaveText("Last run failed");
  await expect(page.locator('.card[data-slug="hubspot"] .card__run')).toHaveText(/^Last run \d+ minutes ago$/);
  await expect(page.locator('.card[data-slug="slack"] .card__run')).toHaveCount(0);
});
