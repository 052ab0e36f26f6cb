import type { Page } from "@playwright/test";
import { test, expect } from "./fixtures";
import type { DetailPage } from "./pages/detail_page";
import {
  accountIdFor,
  configIds,
  connectKeyBased,
  createConfig,
  expireConnection,
  isConnected,
  revokeTokens,
} from "./sandbox";

/** Clicks Connect and answers the consent popup with `decision`. */
async function consentInPopup(page: Page, detail: DetailPage, name: string, decision: "Allow" | "Deny") {
  const popupOpened = page.waitForEvent("popup");
  await detail.connectButton(name).click();
  const popup = await popupOpened;
  await popup.getByRole("button", { name: decision }).click();
  return popup;
}

/** What the page says of a new connection: connected, its settings still to fill in. */
const setupToFinish = "Connected. Finish the setup below to start syncing.";

test("OAuth: Allow in the popup connects the app and the page shows it @needs-js", async ({ signedIn, detail, page, pageErrors }) => {
  await detail.goto("hubspot");
  await expect(detail.configuration).toHaveCount(0);
  await consentInPopup(page, detail, "HubSpot", "Allow");
  await expect(page).toHaveURL(/\/integrations\/hubspot\?status=connected$/);
  await expect(detail.outcome).toHaveText("HubSpot is connected.");
  await expect(detail.status).toHaveText(setupToFinish);
  await expect(detail.configuration).toBeVisible();
  expect(await isConnected(await accountIdFor(signedIn.email), "hubspot")).toBe(true);
  await page.goto("/integrations");
  await expect(page.getByRole("link", { name: "Finish setup HubSpot" })).toBeVisible();
  expect(pageErrors).toEqual([]);
});

test("OAuth: Deny, then closing the popup, leaves the app available @needs-js", async ({ signedIn, detail, page }) => {
  await detail.goto("salesforce");
  const popup = await consentInPopup(page, detail, "Salesforce", "Deny");
  await expect(popup.getByText("Access denied")).toBeVisible();
  await popup.close();
  await expect(detail.connectStatus).toHaveText("Connection cancelled.");
  await expect(detail.connectButton("Salesforce")).not.toHaveAttribute("aria-disabled", "true");
  expect(await isConnected(await accountIdFor(signedIn.email), "salesforce")).toBe(false);
});

test("OAuth: closing the popup or pressing Cancel returns the button to idle @needs-js", async ({ signedIn, detail, page }) => {
  await detail.goto("slack");
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

test("OAuth: with popups blocked, the same-tab redirect completes the connection @needs-js", async ({ signedIn, detail, page }) => {
  await page.addInitScript(() => {
    window.open = () => null;
  });
  await detail.goto("google-sheets");
  await detail.connectButton("Google Sheets").click();
  await page.getByRole("button", { name: "Allow" }).click();
  await expect(page).toHaveURL(/\/integrations\/google-sheets\?status=connected/);
  await expect(detail.outcome).toHaveText("Google Sheets is connected.");
  await expect(detail.status).toHaveText(setupToFinish);
});

test("OAuth without JavaScript: Connect is a link into the redirect flow", async ({ signedIn, detail, page, javaScriptEnabled }) => {
  test.skip(javaScriptEnabled, "with JavaScript the popup flow runs instead");
  await detail.goto("quickbooks");
  await page.getByRole("link", { name: "Connect to QuickBooks" }).click();
  await page.getByRole("button", { name: "Allow" }).click();
  await expect(page).toHaveURL(/\/integrations\/quickbooks\?status=connected/);
  await expect(detail.outcome).toHaveText("QuickBooks Online is connected.");
  await expect(detail.status).toHaveText(setupToFinish);
  await expect(detail.configuration).toBeVisible();
});

test("key-based: valid credentials connect the app", async ({ signedIn, detail, page }) => {
  await detail.goto("copper");
  await detail.field("API Key").fill("copper-key-123");
  await detail.field("Email Address").fill("ops@example.com");
  await detail.submitCredentials("Copper");
  await expect(page).toHaveURL(/\/integrations\/copper\?status=connected$/);
  await expect(detail.outcome).toHaveText("Copper is connected.");
  await expect(detail.accounts).toContainText("ops@example.com");
  expect(await isConnected(await accountIdFor(signedIn.email), "copper")).toBe(true);
});

test("key-based: a missing required field is flagged and nothing is sent", async ({ signedIn, detail, page, javaScriptEnabled }) => {
  await detail.goto("copper");
  await detail.field("API Key").fill("copper-key-123");
  await detail.submitCredentials("Copper");
  const email = detail.field("Email Address");
  await expect(page.getByText("Enter Email Address.")).toBeVisible();
  await expect(email).toHaveAttribute("aria-invalid", "true");
  // The browser keeps what was typed; a page rendered again by the server never echoes a secret.
  await expect(detail.field("API Key")).toHaveValue(javaScriptEnabled ? "copper-key-123" : "");
  expect(await isConnected(await accountIdFor(signedIn.email), "copper")).toBe(false);
});

test("key-based: a refused credential shows Cobalt's message and keeps the input", async ({ signedIn, detail, page, javaScriptEnabled }) => {
  await detail.goto("copper");
  await detail.field("API Key").fill("sandbox-invalid");
  await detail.field("Email Address").fill("ops@example.com");
  await detail.submitCredentials("Copper");
  await expect(page.getByRole("alert")).toContainText("Failed to verify credentials: Copper rejected them");
  await expect(detail.field("Email Address")).toHaveValue("ops@example.com");
  await expect(detail.field("API Key")).toHaveValue(javaScriptEnabled ? "sandbox-invalid" : "");
  expect(await isConnected(await accountIdFor(signedIn.email), "copper")).toBe(false);
});

test("reconnect after the connection expired keeps the configuration @needs-js", async ({ signedIn, detail, page }) => {
  const account = await accountIdFor(signedIn.email);
  await connectKeyBased(account, "twilio", { sid: "AC123", auth_token: "secret", number: "+15550100" });
  await createConfig(account, "twilio", "production");
  await expireConnection(account, "twilio");
  await detail.goto("twilio");
  await detail.field("Account SID").fill("AC123");
  await detail.field("Auth Token").fill("new-secret");
  await detail.field("From number").fill("+15550100");
  await detail.submitCredentials("Twilio", "Reconnect");
  await expect(detail.outcome).toHaveText("Twilio is connected.");
  expect(await isConnected(account, "twilio")).toBe(true);
  expect(await configIds(account, "twilio")).toContain("production");
});

test("a session token revoked mid-session is re-minted without the user noticing @needs-js", async ({ signedIn, detail, page }) => {
  await detail.goto("copper");
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

test("no response the browser receives carries the API key @needs-js", async ({ signedIn, detail, page, context }) => {
  const leaks: string[] = [];
  const checked: string[] = [];
  context.on("response", async (response) => {
    const body = await response.body().catch(() => null);
    if (body === null) return;
    checked.push(response.url());
    if (body.toString("latin1").includes("tk_sandbox_local")) leaks.push(response.url());
  });
  await page.goto("/integrations");
  await detail.goto("hubspot");
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

test("key-based: select, number and checkbox inputs are labelled, checked and sent", async ({ signedIn, detail, page }) => {
  await detail.goto("freshdesk");
  const region = detail.field("Data centre");
  await expect(region).toHaveJSProperty("tagName", "SELECT");
  await expect(page.getByText("Shown under Admin → Account → Data centre.")).toBeVisible();
  await expect(detail.field("Requests per minute")).toHaveAttribute("type", "number");
  await detail.field("Freshdesk domain").fill("acme.freshdesk.com");
  await detail.field("API key").fill("fd-key");
  await detail.submitCredentials("Freshdesk");
  await expect(page.getByText("Choose Data centre.")).toBeVisible();
  await region.selectOption({ label: "Europe" });
  await detail.field("Requests per minute").fill("120");
  // Without JavaScript the server's answer leaves secrets out, so the key is typed again.
  await detail.field("API key").fill("fd-key");
  await detail.submitCredentials("Freshdesk");
  await expect(detail.outcome).toHaveText("Freshdesk is connected.");

  await detail.goto("zendesk");
  await expect(detail.field("This is a Zendesk sandbox account")).toHaveAttribute("type", "checkbox");
  await detail.field("Subdomain").fill("acme");
  await detail.field("Agent email").fill("agent@example.com");
  await detail.field("API token").fill("zd-token");
  await detail.field("This is a Zendesk sandbox account").check();
  await detail.submitCredentials("Zendesk");
  await expect(detail.outcome).toHaveText("Zendesk is connected.");
});

test("a second 401 in a row says the session expired and offers a reload @needs-js", async ({ signedIn, detail, page }) => {
  const account = await accountIdFor(signedIn.email);
  const attempt = async () => {
    await detail.field("API Key").fill("sandbox-invalid");
    await detail.field("Email Address").fill("ops@example.com");
    await detail.submitCredentials("Copper");
  };
  await detail.goto("copper");
  await attempt();
  await expect(page.getByRole("alert")).toContainText("Failed to verify credentials");
  // The first 401 is answered with a fresh token...
  await revokeTokens(account);
  await attempt();
  await expect(page.getByRole("alert")).toContainText("Failed to verify credentials");
  // ...but the server mints at most one forced token a minute, so a second 401 ends the session.
  await revokeTokens(account);
  await attempt();
  await expect(page.getByRole("alert")).toContainText("Your session expired. Reload the page to continue.");
  await page.getByRole("link", { name: "Reload the page" }).click();
  await expect(page).toHaveURL(/\/integrations\/copper$/);
});

test("a cobalt-js that does not match its integrity hash is refused @needs-js", async ({ signedIn, detail, page }) => {
  await page.route("**/vendor/cobalt-js-*.mjs", (route) =>
    route.fulfill({
      contentType: "text/javascript",
      body: "export class Cobalt { connect() { return Promise.resolve(true); } }",
    }),
  );
  await detail.goto("copper");
  await detail.field("API Key").fill("copper-key-123");
  await detail.field("Email Address").fill("ops@example.com");
  await detail.submitCredentials("Copper");
  await expect(page.getByRole("alert")).toContainText("Cobalt's connection library could not be loaded");
  expect(await isConnected(await accountIdFor(signedIn.email), "copper")).toBe(false);
});
