import type { Page } from "@playwright/test";
import { test, expect } from "./fixtures";
import { MarketplacePage } from "./pages/marketplace_page";
import { accountIdFor, connectOAuth, expireConnection, injectFault, isConnected } from "./sandbox";

/** Connects HubSpot through the sandbox and enables its "Sync contacts" workflow on the page. */
async function hubspotWithWorkflow(email: string, page: Page): Promise<string> {
  const account = await accountIdFor(email);
  await connectOAuth(account, "hubspot");
  await page.goto("/integrations/hubspot");
  await page.getByLabel("Pipeline").selectOption({ label: "Sales pipeline" });
  const sync = page.getByRole("group", { name: "Sync contacts" });
  await sync.getByLabel("Enabled").check();
  await sync.getByLabel("Lifecycle stage").selectOption({ label: "Lead" });
  await page.getByRole("button", { name: "Save configuration" }).click();
  await expect(page.getByText("Configuration saved.")).toBeVisible();
  return account;
}

/** Waits until the page's islands are hydrated and its live status stream is open. */
async function live(page: Page): Promise<void> {
  await page.locator("body[data-hydrated][data-live]").waitFor({ state: "attached" });
}

test("the disconnect dialog says what goes, keeps the focus and gives it back", async ({ signedIn, page, javaScriptEnabled }) => {
  test.skip(!javaScriptEnabled, "the dialog is the hydrated page's");
  const account = await hubspotWithWorkflow(signedIn.email, page);
  await page.reload();
  await live(page);
  const open = page.getByRole("link", { name: "Disconnect…" });
  const dialog = page.getByRole("dialog", { name: "Disconnect HubSpot?" });

  await open.click();
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("deletes its configurations");
  await expect(dialog.getByRole("listitem")).toHaveText(["Sync contacts"]);
  const cancel = dialog.getByRole("button", { name: "Cancel" });
  const confirm = dialog.getByRole("button", { name: "Disconnect HubSpot" });
  await expect(cancel).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(confirm).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(cancel).toBeFocused();
  await page.keyboard.press("Shift+Tab");
  await expect(confirm).toBeFocused();

  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(open).toBeFocused();

  await open.click();
  await cancel.click();
  await expect(dialog).toBeHidden();
  await expect(open).toBeFocused();
  expect(await isConnected(account, "hubspot")).toBe(true);
});

test("a failed disconnect changes nothing and says so; confirmed, the app is no longer connected anywhere", async ({ signedIn, page, javaScriptEnabled }) => {
  test.skip(!javaScriptEnabled, "the dialog is the hydrated page's");
  const account = await hubspotWithWorkflow(signedIn.email, page);
  await live(page);
  const dialog = page.getByRole("dialog", { name: "Disconnect HubSpot?" });
  await page.getByRole("link", { name: "Disconnect…" }).click();

  await injectFault(account, { path: "/api/v2/public/linked-account/integration/*", method: "DELETE", status: 500, count: 1 });
  await dialog.getByRole("button", { name: "Disconnect HubSpot" }).click();
  await expect(dialog.getByRole("alert")).toContainText("Nothing was disconnected");
  await expect(dialog).toBeVisible();
  expect(await isConnected(account, "hubspot")).toBe(true);

  await dialog.getByRole("button", { name: "Disconnect HubSpot" }).click();
  await expect(page).toHaveURL(/\/integrations\/hubspot\?status=disconnected$/);
  await expect(page.getByText("HubSpot is disconnected.")).toBeVisible();
  await expect(page.locator(".detail__status")).toHaveText("Not connected");
  await expect(page.getByRole("heading", { name: "Configuration" })).toHaveCount(0);
  expect(await isConnected(account, "hubspot")).toBe(false);

  const marketplace = new MarketplacePage(page, { hydrates: true });
  await marketplace.goto();
  await expect(marketplace.app("HubSpot").locator(".badge")).toHaveCount(0);
  await expect(marketplace.app("HubSpot").getByRole("link", { name: /^Connect/ })).toBeVisible();
});

test("without JavaScript, Disconnect leads to a confirmation page whose form disconnects", async ({ signedIn, page, javaScriptEnabled }) => {
  test.skip(javaScriptEnabled, "the page the link leads to without JavaScript");
  const account = await hubspotWithWorkflow(signedIn.email, page);
  await page.getByRole("link", { name: "Disconnect…" }).click();
  await expect(page).toHaveURL(/\/integrations\/hubspot\/disconnect$/);
  await expect(page.getByRole("heading", { name: "Disconnect HubSpot?" })).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "Sync contacts" })).toHaveCount(1);

  await page.getByRole("link", { name: "Cancel" }).click();
  await expect(page).toHaveURL(/\/integrations\/hubspot$/);
  expect(await isConnected(account, "hubspot")).toBe(true);

  await page.getByRole("link", { name: "Disconnect…" }).click();
  await page.getByRole("button", { name: "Disconnect HubSpot" }).click();
  await expect(page).toHaveURL(/\/integrations\/hubspot\?status=disconnected$/);
  await expect(page.getByText("HubSpot is disconnected.")).toBeVisible();
  expect(await isConnected(account, "hubspot")).toBe(false);
});

test("every open tab follows the connection: an expiry and a disconnect show without a reload", async ({ signedIn, page, context, javaScriptEnabled }) => {
  test.skip(!javaScriptEnabled, "live status needs the hydrated page");
  const account = await hubspotWithWorkflow(signedIn.email, page);
  const marketplace = new MarketplacePage(await context.newPage(), { hydrates: true });
  await marketplace.goto();
  const detail = await context.newPage();
  await detail.goto("/integrations/hubspot");
  await page.reload();
  await Promise.all([live(marketplace.page), live(detail), live(page)]);
  await expect(marketplace.app("HubSpot").locator(".card__run")).toHaveText(/^Last run /);

  // Expired at Cobalt (the sandbox's admin API): both tabs say so within 2 seconds.
  await expireConnection(account, "hubspot");
  const card = marketplace.app("HubSpot");
  await expect(card.locator(".badge")).toHaveText("Needs reconnect", { timeout: 2000 });
  await expect(card.getByRole("link", { name: /^Reconnect/ })).toBeVisible();
  await expect(detail.locator(".detail__head .badge")).toHaveText("Needs reconnect", { timeout: 2000 });
  await expect(detail.locator(".detail__status")).toHaveText("The connection expired: reconnect to resume syncing.");
  await expect(detail.getByRole("status").filter({ hasText: "HubSpot's connection expired" })).toBeVisible();
  await expect(detail.getByRole("link", { name: "Reconnect HubSpot" })).toHaveAttribute("href", "/integrations/hubspot/connect");

  // Disconnected in one tab: the others follow.
  await page.getByRole("link", { name: "Disconnect…" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Disconnect HubSpot" }).click();
  await expect(page).toHaveURL(/status=disconnected/);
  await expect(card.locator(".badge")).toHaveCount(0, { timeout: 2000 });
  await expect(card.getByRole("link", { name: /^Connect/ })).toBeVisible();
  await expect(card.locator(".card__run")).toHaveCount(0);
  await expect(detail.locator(".detail__status")).toHaveText("Not connected", { timeout: 2000 });
  await expect(detail.getByText("HubSpot was disconnected.")).toBeVisible();
  await expect(detail.locator("#configuration")).toBeHidden();
  await expect(detail.locator("#activity")).toBeHidden();
  await expect(detail.getByRole("link", { name: "Connect HubSpot" })).toBeVisible();
});

test("signing out in one tab ends the live stream of another tab of the session", async ({ signedIn, page, context, javaScriptEnabled }) => {
  test.skip(!javaScriptEnabled, "live status needs the hydrated page");
  expect(signedIn.email).toBeTruthy();
  const other = await context.newPage();
  await other.goto("/integrations");
  await page.goto("/integrations");
  await Promise.all([live(other), live(page)]);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signup/);
  await expect(other.locator("body")).not.toHaveAttribute("data-live", { timeout: 5000 });
});

