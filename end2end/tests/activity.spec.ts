// The Activity section of a connected app's page and the cards' last runs, over the sandbox's
// seeded run history (Salesforce's last run failed; see sandbox/README.md).
import { test, expect } from "./fixtures";
import { accountIdFor, connectKeyBased, connectOAuth, expireConnection, isConnected } from "./sandbox";

test("a failed run opens to its failing step and message, and Retry starts a new run", async ({ signedIn, detail, page, javaScriptEnabled }) => {
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

  // With JavaScript the new run appears in place: this page is never left. `/activity.js` (a
  // module) runs before the load event; a click before it would post the plain form, as it
  // should, and leave the page.
  await page.waitForLoadState("load");
  await page.evaluate(() => document.body.setAttribute("data-before-retry", ""));
  await run.getByRole("button", { name: "Retry run" }).click();
  const outcome = page.locator("#run").getByText("Retried: this is the new run.");
  await expect(outcome).toBeVisible();
  await expect(page.locator("#run").getByRole("heading", { level: 3 })).toHaveText(/: Completed$/);
  await expect(page).toHaveURL(/run_outcome=retried/);
  await expect(page.locator("body[data-before-retry]")).toHaveCount(javaScriptEnabled ? 1 : 0);
  if (javaScriptEnabled) await expect(outcome).toBeFocused();
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

test("connection history lists connect, configure, expire with the provider's reason, reconnect and disconnect", async ({ signedIn, detail, page }) => {
  const account = await accountIdFor(signedIn.email);
  const credentials = { api_token: "secret-token", email: "ops@example.com" };
  await connectKeyBased(account, "copper", credentials);
  await detail.goto("copper");
  await page.getByRole("button", { name: "Save configuration" }).click();
  await expect(page.getByText("Configuration saved.")).toBeVisible();
  const reason = "Copper answered 401: the API key was deleted";
  await expireConnection(account, "copper", reason);

  // Next to Reconnect, without asking: what broke, and why.
  await detail.goto("copper");
  const history = page.getByRole("region", { name: "Connection history" });
  await expect(detail.status).toHaveText("The connection expired: reconnect to resume syncing.");
  await expect(history.getByRole("listitem").first()).toContainText(`Connection expired: ${reason}`);

  await connectKeyBased(account, "copper", credentials);
  await detail.goto("copper");
  await page.getByRole("link", { name: "Disconnect…" }).click();
  await page.getByRole("button", { name: "Disconnect Copper" }).click();
  // Both ways (the dialog, or the page without JavaScript) end on the app's page with the outcome.
  await expect(page.getByText("Copper is disconnected.")).toBeVisible();
  expect(await isConnected(account, "copper")).toBe(false);
  await page.getByRole("link", { name: "Connection history" }).click();
  const entries = history.getByRole("listitem");
  await expect(entries.locator(".history__what")).toHaveText([
    "Disconnected",
    "Reconnected",
    `Connection expired: ${reason}`,
    "Settings saved",
    "Connected",
  ]);
  await expect(entries.nth(0)).toContainText(`by ${signedIn.name}`);
  await expect(entries.nth(2)).not.toContainText("by ");
});

test("Finish setup shows until a good save, in a second tab too, and the banner counts it", async ({ signedIn, detail, marketplace, page, context, javaScriptEnabled }) => {
  await connectOAuth(await accountIdFor(signedIn.email), "hubspot");
  const other = await context.newPage();
  await other.goto("/integrations");
  const card = other.locator('.card[data-slug="hubspot"]');
  await expect(card.locator(".badge")).toHaveText("Finish setup");
  await expect(card.getByRole("link", { name: "Finish setup HubSpot" })).toBeVisible();
  const banner = other.getByRole("link", { name: "1 integration needs attention" });
  await expect(banner).toBeVisible();
  if (javaScriptEnabled) await other.locator("body[data-live]").waitFor({ state: "attached" });

  await detail.goto("hubspot");
  await expect(page.locator(".live-badge .badge")).toHaveText("Finish setup");
  await expect(detail.status).toHaveText("Connected. Finish the setup below to start syncing.");
  await page.getByLabel("Pipeline").selectOption("default");
  const sync = page.getByRole("group", { name: "Sync contacts" });
  await sync.getByLabel("Enabled").check();
  await sync.getByLabel("Lifecycle stage").selectOption("lead");
  await page.getByRole("button", { name: "Save configuration" }).click();
  await expect(page.getByText("Configuration saved.")).toBeVisible();
  if (!javaScriptEnabled) await other.reload();
  await expect(card.locator(".badge")).toHaveText("Connected");
  await expect(other.locator(".attention")).toBeHidden();
  await expect(page.locator(".live-badge .badge")).toHaveText("Connected");
  await expect(detail.status).toHaveText("Connected");
});
