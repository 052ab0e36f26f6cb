import type { Page } from "@playwright/test";
import { test, expect } from "./fixtures";
import { DetailPage } from "./pages/detail_page";
import {
  accountIdFor,
  clearFaults,
  configIds,
  connectKeyBased,
  createConfig,
  expireConnection,
  isConnected,
  revokeTokens,
} from "./sandbox";

test.afterEach(async () => {
  await clearFaults();
});

/** Clicks Connect and answers the consent popup with `decision`. */
async function consentInPopup(page: Page, detail: DetailPage, name: string, decision: "Allow" | "Deny") {
  const popupOpened = page.waitForEvent("popup");
  await detail.connectButton(name).click();
  const popup = await popupOpened;
  await popup.getByRole("button", { name: decision }).click();
  return popup;
}

test("OAuth: Allow in the popup connects the app and the page shows it @needs-js", async ({ signedIn, page, pageErrors }) => {
  const detail = new DetailPage(page);
  await detail.goto("hubspot");
  await expect(page.locator("body")).toHaveAttribute("data-hydrated", "");
  await expect(detail.configuration).toHaveCount(0);
  await consentInPopup(page, detail, "HubSpot", "Allow");
  await expect(page).toHaveURL(/\/integrations\/hubspot\?status=connected$/);
  await expect(detail.outcome).toHaveText("HubSpot is connected.");
  await expect(detail.status).toHaveText("Connected");
  await expect(detail.configuration).toBeVisible();
  expect(await isConnected(await accountIdFor(signedIn.email), "hubspot")).toBe(true);
  await page.goto("/integrations");
  await expect(page.getByRole("link", { name: "Manage HubSpot" })).toBeVisible();
  expect(pageErrors).toEqual([]);
});

test("OAuth: Deny, then closing the popup, leaves the app available @needs-js", async ({ signedIn, page }) => {
  const detail = new DetailPage(page);
  await detail.goto("salesforce");
  await expect(page.locator("body")).toHaveAttribute("data-hydrated", "");
  const popup = await consentInPopup(page, detail, "Salesforce", "Deny");
  await expect(popup.getByText("Access denied")).toBeVisible();
  await popup.close();
  await expect(detail.connectStatus).toHaveText("Connection cancelled.");
  await expect(detail.connectButton("Salesforce")).not.toHaveAttribute("aria-disabled", "true");
  expect(await isConnected(await accountIdFor(signedIn.email), "salesforce")).toBe(false);
});

test("OAuth: closing the popup or pressing Cancel returns the button to idle @needs-js", async ({ signedIn, page }) => {
  const detail = new DetailPage(page);
  await detail.goto("slack");
  await expect(page.locator("body")).toHaveAttribute("data-hydrated", "");
  const button = detail.connectButton("Slack");

  let popupOpened = page.waitForEvent("popup");
  // A double click starts one flow: one popup, one wait.
  await button.dblclick();
  let popup = await popupOpened;
  await expect(button).toHaveAttribute("aria-disabled", "true");
  await expect(page.getByText("Waiting for Slack… Finish in the window that opened.")).toBeVisible();
  expect(page.context().pages()).toHaveLength(2);
  await popup.close();
  await expect(detail.connectStatus).toHaveText("Connection cancelled.");
  await expect(button).not.toHaveAttribute("aria-disabled", "true");

  popupOpened = page.waitForEvent("popup");
  await button.click();
  popup = await popupOpened;
  await detail.cancel.click();
  await expect(detail.connectStatus).toHaveText("Connection cancelled.");
  expect(popup.isClosed()).toBe(true);
  await expect(detail.cancel).toHaveCount(0);
});

test("OAuth: with popups blocked, the same-tab redirect completes the connection @needs-js", async ({ signedIn, page }) => {
  await page.addInitScript(() => {
    window.open = () => null;
  });
  const detail = new DetailPage(page);
  await detail.goto("google-sheets");
  await expect(page.locator("body")).toHaveAttribute("data-hydrated", "");
  await detail.connectButton("Google Sheets").click();
  await page.getByRole("button", { name: "Allow" }).click();
  await expect(page).toHaveURL(/\/integrations\/google-sheets\?status=connected/);
  await expect(detail.outcome).toHaveText("Google Sheets is connected.");
  await expect(detail.status).toHaveText("Connected");
});

test("OAuth without JavaScript: Connect is a link into the redirect flow", async ({ signedIn, page, javaScriptEnabled }) => {
  test.skip(javaScriptEnabled, "with JavaScript the popup flow runs instead");
  const detail = new DetailPage(page);
  await detail.goto("quickbooks");
  await page.getByRole("link", { name: "Connect to QuickBooks" }).click();
  await page.getByRole("button", { name: "Allow" }).click();
  await expect(page).toHaveURL(/\/integrations\/quickbooks\?status=connected/);
  await expect(detail.outcome).toHaveText("QuickBooks Online is connected.");
  await expect(detail.status).toHaveText("Connected");
  await expect(detail.configuration).toBeVisible();
});

test("key-based: valid credentials connect the app", async ({ signedIn, page }) => {
  const detail = new DetailPage(page);
  await detail.goto("copper");
  await detail.field("API Key").fill("copper-key-123");
  await detail.field("Email Address").fill("ops@example.com");
  await detail.submitCredentials("Copper");
  await expect(page).toHaveURL(/\/integrations\/copper\?status=connected$/);
  await expect(detail.outcome).toHaveText("Copper is connected.");
  await expect(detail.accounts).toContainText("ops@example.com");
  expect(await isConnected(await accountIdFor(signedIn.email), "copper")).toBe(true);
});

test("key-based: a missing required field is flagged and nothing is sent", async ({ signedIn, page }) => {
  const detail = new DetailPage(page);
  await detail.goto("copper");
  await detail.field("API Key").fill("copper-key-123");
  await detail.submitCredentials("Copper");
  const email = detail.field("Email Address");
  await expect(page.getByText("Enter Email Address.")).toBeVisible();
  await expect(email).toHaveAttribute("aria-invalid", "true");
  await expect(detail.field("API Key")).toHaveValue(/copper-key-123|^$/);
  expect(await isConnected(await accountIdFor(signedIn.email), "copper")).toBe(false);
});

test("key-based: a refused credential shows Cobalt's message and keeps the input", async ({ signedIn, page, javaScriptEnabled }) => {
  const detail = new DetailPage(page);
  await detail.goto("copper");
  await detail.field("API Key").fill("sandbox-invalid");
  await detail.field("Email Address").fill("ops@example.com");
  await detail.submitCredentials("Copper");
  await expect(page.getByRole("alert")).toContainText("Failed to verify credentials: Copper rejected them");
  await expect(detail.field("Email Address")).toHaveValue("ops@example.com");
  // Without JavaScript the page comes back from the server, which never echoes a secret.
  await expect(detail.field("API Key")).toHaveValue(javaScriptEnabled ? "sandbox-invalid" : "");
  expect(await isConnected(await accountIdFor(signedIn.email), "copper")).toBe(false);
});

test("reconnect after the connection expired keeps the configuration @needs-js", async ({ signedIn, page }) => {
  const account = await accountIdFor(signedIn.email);
  await connectKeyBased(account, "twilio", { sid: "AC123", auth_token: "secret", number: "+15550100" });
  await createConfig(account, "twilio", "production");
  await expireConnection(account, "twilio");
  const detail = new DetailPage(page);
  await detail.goto("twilio");
  await expect(page.locator("body")).toHaveAttribute("data-hydrated", "");
  await detail.field("Account SID").fill("AC123");
  await detail.field("Auth Token").fill("new-secret");
  await detail.field("From number").fill("+15550100");
  await detail.submitCredentials("Twilio", "Reconnect");
  await expect(detail.outcome).toHaveText("Twilio is connected.");
  expect(await isConnected(account, "twilio")).toBe(true);
  expect(await configIds(account, "twilio")).toContain("production");
});

test("a session token revoked mid-session is re-minted without the user noticing @needs-js", async ({ signedIn, page }) => {
  const detail = new DetailPage(page);
  await detail.goto("copper");
  await expect(page.locator("body")).toHaveAttribute("data-hydrated", "");
  // A first attempt mints (and caches) a session token.
  await detail.field("API Key").fill("sandbox-invalid");
  await detail.field("Email Address").fill("ops@example.com");
  await detail.submitCredentials("Copper");
  await expect(page.getByRole("alert")).toContainText("Failed to verify credentials");
  await revokeTokens(await accountIdFor(signedIn.email));
  await detail.field("API Key").fill("copper-key-123");
  await detail.submitCredentials("Copper");
  await expect(detail.outcome).toHaveText("Copper is connected.");
});

test("no response the browser receives carries the API key @needs-js", async ({ signedIn, page, context }) => {
  const leaks: string[] = [];
  const checked: string[] = [];
  context.on("response", async (response) => {
    const body = await response.body().catch(() => null);
    if (body === null) return;
    checked.push(response.url());
    if (body.toString("latin1").includes("tk_sandbox_local")) leaks.push(response.url());
  });
  const detail = new DetailPage(page);
  await page.goto("/integrations");
  await detail.goto("hubspot");
  await expect(page.locator("body")).toHaveAttribute("data-hydrated", "");
  await consentInPopup(page, detail, "HubSpot", "Allow");
  await expect(detail.outcome).toHaveText("HubSpot is connected.");
  await detail.goto("copper");
  await detail.field("API Key").fill("copper-key-123");
  await detail.field("Email Address").fill("ops@example.com");
  await detail.submitCredentials("Copper");
  await expect(detail.outcome).toHaveText("Copper is connected.");
  const kinds = (pattern: RegExp) => checked.filter((url) => pattern.test(url)).length;
  expect(kinds(/\.wasm/), "wasm checked").toBeGreaterThan(0);
  expect(kinds(/\/vendor\/cobalt-js/), "cobalt-js checked").toBeGreaterThan(0);
  expect(kinds(/\/api\/get_session_token/), "session token JSON checked").toBeGreaterThan(0);
  expect(kinds(/\/integrations\//), "HTML checked").toBeGreaterThan(0);
  expect(leaks).toEqual([]);
});
