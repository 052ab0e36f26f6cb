// The tab embedded in a host application on another site: the example host (examples/host, on
// `localhost`) mounts the tab (on `127.0.0.1`) through the host SDK, so the browser treats the
// frame as cross-site, with a partitioned session cookie.
import AxeBuilder from "@axe-core/playwright";
import type { FrameLocator, Page } from "@playwright/test";
import { test, expect } from "./fixtures";
import { connectOAuth } from "./sandbox";

const hostURL = process.env.HOST_URL ?? "http://localhost:3402";

type TabEvent = { type: string; app?: string; reason?: string };

/** Opens the host's page as a fresh user of the host (`role` and session `ttl` optional) and
 *  waits until the tab in it says it is ready. */
async function openHost(page: Page, query: Record<string, string> = {}): Promise<{ tab: FrameLocator; user: string }> {
  const user = `host-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  await page.goto(`${hostURL}/?${new URLSearchParams({ user, ...query })}`);
  await waitForEvent(page, (event) => event.type === "ready");
  return { tab: page.frameLocator("#tab iframe"), user };
}

function events(page: Page): Promise<TabEvent[]> {
  return page.evaluate(() => (window as unknown as { tabEvents: TabEvent[] }).tabEvents);
}

async function waitForEvent(page: Page, match: (event: TabEvent) => boolean): Promise<void> {
  await expect.poll(async () => (await events(page)).some(match)).toBe(true);
}

/** The host's frame and the height of its content, in CSS pixels. */
async function heights(page: Page): Promise<{ frame: number; content: number }> {
  const frame = await page.locator("#tab iframe").evaluate((element) => element.getBoundingClientRect().height);
  const content = await page
    .frames()
    .find((f) => f.url().includes("/integrations"))!
    .evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
  return { frame, content };
}

test("signed in through the SDK, the marketplace fills the frame with no scrollbar and axe passes", async ({ page }) => {
  const { tab } = await openHost(page);
  await expect(tab.getByRole("heading", { name: "Integrations", level: 1 })).toBeVisible();
  await expect(tab.getByText(/Signed in as host-/)).toBeVisible();
  await waitForEvent(page, (event) => event.type === "status");
  const status = (await events(page)).find((event) => event.type === "status") as unknown as { connected: number; total: number };
  expect(status.connected).toBe(0);
  expect(status.total).toBeGreaterThan(5);
  await expect.poll(async () => {
    const { frame, content } = await heights(page);
    return Math.abs(frame - content);
  }).toBeLessThanOrEqual(1);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  expect(results.violations).toEqual([]);
});

test("connect in a popup, configure and disconnect from inside the frame: the host hears each in order", async ({ page }) => {
  // The host's console stays quiet: nothing the tab does in its frame warns or fails.
  const noise: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "warning" || message.type() === "error") noise.push(message.text());
  });
  const { tab } = await openHost(page);
  await page.getByRole("button", { name: "Open HubSpot" }).click();
  await waitForEvent(page, (event) => event.type === "ready" && event.app === "hubspot");

  const popupOpened = page.waitForEvent("popup");
  await tab.getByRole("link", { name: "Connect HubSpot" }).click();
  const popup = await popupOpened;
  await popup.getByRole("button", { name: "Allow" }).click();
  await expect(tab.locator(".detail__outcome")).toHaveText("HubSpot is connected.");

  // The frame grows with the reset disclosure and shrinks back, never showing a scrollbar.
  // Measured once the frame has followed the connected page (its configuration and activity):
  // the tab shows the outcome, then loads that page, which says `ready` a second time.
  await expect
    .poll(async () => (await events(page)).filter((event) => event.type === "ready" && event.app === "hubspot").length)
    .toBeGreaterThanOrEqual(2);
  await expect.poll(async () => {
    const { frame, content } = await heights(page);
    return Math.abs(frame - content);
  }).toBeLessThanOrEqual(1);
  const closed = await heights(page);
  await tab.getByText("Reset to defaults…").click();
  await expect.poll(async () => (await heights(page)).frame).toBeGreaterThan(closed.frame);
  await expect.poll(async () => {
    const { frame, content } = await heights(page);
    return Math.abs(frame - content);
  }).toBeLessThanOrEqual(1);
  await tab.getByText("Reset to defaults…").click();
  await expect.poll(async () => (await heights(page)).frame).toBe(closed.frame);

  await tab.getByLabel("Pipeline").selectOption({ label: "Partner pipeline" });
  await tab.getByRole("button", { name: "Save configuration" }).click();
  await expect(tab.getByText("Configuration saved.")).toBeVisible();

  await tab.getByRole("link", { name: "Disconnect…" }).click();
  const dialog = tab.getByRole("dialog", { name: "Disconnect HubSpot?" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
  await dialog.getByRole("button", { name: "Disconnect HubSpot" }).click();
  await expect(tab.locator(".detail__outcome")).toHaveText("HubSpot is disconnected.");

  await expect.poll(async () => {
    const changes = (await events(page)).filter((event) => ["connected", "configured", "disconnected"].includes(event.type));
    return changes.map((event) => `${event.type} ${event.app}`);
  }).toEqual(["connected hubspot", "configured hubspot", "disconnected hubspot"]);
  expect(noise).toEqual([]);
});

test("with popups blocked, the consent page leaves the frame (it refuses to be framed) and comes back to the host", async ({ page }) => {
  await page.addInitScript(() => {
    window.open = () => null;
  });
  const { tab, user } = await openHost(page, { app: "google-sheets" });
  await tab.getByRole("link", { name: "Connect Google Sheets" }).click();
  await page.getByRole("button", { name: "Allow" }).click();
  await expect(page).toHaveURL(`${hostURL}/?user=${user}&app=google-sheets`);
  await expect(page.frameLocator("#tab iframe").locator(".detail__outcome")).toHaveText("Google Sheets is connected.");
  await waitForEvent(page, (event) => event.type === "connected" && event.app === "google-sheets");
});

test("the host's theme message switches the theme at once and for the next pages", async ({ page }) => {
  const { tab } = await openHost(page);
  await expect(tab.locator("html")).not.toHaveAttribute("data-theme", "dark");
  await page.getByRole("button", { name: "Dark theme" }).click();
  await expect(tab.locator("html")).toHaveAttribute("data-theme", "dark");
  await page.getByRole("button", { name: "Open HubSpot" }).click();
  await waitForEvent(page, (event) => event.type === "ready" && event.app === "hubspot");
  await expect(tab.locator("html")).toHaveAttribute("data-theme", "dark");
});

test("an expiring session is renewed by the SDK without a reload", async ({ page }) => {
  // A 10 s session: `session-expiring` comes at 5 s, and the SDK answers with a fresh token.
  const { tab } = await openHost(page, { ttl: "10" });
  // The first session began before the tab said `ready`: it ends within 10 s of now (the
  // cookie's expiry is in whole seconds, hence the margin).
  const firstSessionEnds = Date.now() + 11_000;
  const renewal = page.waitForResponse((response) => response.url().endsWith("/embed/session"));
  const frame = page.frames().find((f) => f.url().includes("/integrations"))!;
  await frame.evaluate(() => ((window as unknown as { kept: boolean }).kept = true));
  await waitForEvent(page, (event) => event.type === "session-expiring");
  expect((await renewal).ok()).toBe(true);
  // What is tested is that the session outlives its first end: wait for that moment.
  await expect.poll(() => Date.now(), { timeout: 15_000 }).toBeGreaterThan(firstSessionEnds);
  expect(await frame.evaluate(() => (window as unknown as { kept?: boolean }).kept)).toBe(true);
  expect((await events(page)).filter((event) => event.type === "session-expired")).toEqual([]);
  await page.getByRole("button", { name: "Open HubSpot" }).click();
  await expect(tab.getByRole("heading", { name: "HubSpot", level: 1 })).toBeVisible();
});

test("a viewer sees status and settings but no control that changes them, and a direct POST is refused", async ({ page }) => {
  const { user } = await openHost(page);
  await connectOAuth(user, "hubspot");
  await page.goto(`${hostURL}/?${new URLSearchParams({ user, role: "viewer", app: "hubspot" })}`);
  const tab = page.frameLocator("#tab iframe");
  await expect(tab.getByRole("heading", { name: "HubSpot", level: 1 })).toBeVisible();
  await expect(tab.locator(".detail__status")).toHaveAttribute("data-status", "NeedsSetup");
  await expect(tab.getByRole("button", { name: "Disconnect HubSpot" })).toBeDisabled();
  await expect(tab.getByRole("button", { name: "Disconnect HubSpot" })).toHaveAccessibleDescription(/only an admin/);
  await expect(tab.getByRole("button", { name: "Save configuration" })).toBeDisabled();
  await expect(tab.getByLabel("Pipeline")).toBeDisabled();
  await expect(tab.getByText("Your role is viewer: you can see these settings")).toBeVisible();
  const frame = page.frames().find((f) => f.url().includes("/integrations/hubspot"))!;
  const status = await frame.evaluate(() =>
    fetch("/integrations/hubspot/disconnect", { method: "POST" }).then((answer) => answer.status),
  );
  expect(status).toBe(403);
  await page.reload();
  await expect(page.frameLocator("#tab iframe").locator(".detail__status")).toHaveAttribute("data-status", "NeedsSetup");
});

test("a message from another origin is ignored, and logged once", async ({ page }) => {
  const warnings: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "warning" && message.text().includes("integrations tab")) warnings.push(message.text());
  });
  const { tab } = await openHost(page);
  const frame = page.frames().find((f) => f.url().includes("/integrations"))!;
  await frame.evaluate(() => {
    for (let i = 0; i < 3; i++) window.postMessage({ itab: 1, type: "theme", theme: "dark" }, "*");
  });
  await expect.poll(() => warnings.length).toBe(1);
  expect(warnings[0]).toContain("ignored a message from http://127.0.0.1");
  await expect(tab.locator("html")).not.toHaveAttribute("data-theme", "dark");
});

test("a token the tab refuses is reported to the host, with the reason", async ({ page }) => {
  await page.goto(`${hostURL}/?user=host-refused-${Date.now()}&role=owner`);
  await waitForEvent(page, (event) => event.type === "error" && event.reason === "token-refused");
  const error = (await events(page)).find((event) => event.type === "error") as TabEvent & { message: string };
  expect(error.message).toContain("role: one of admin, member or viewer");
  await expect(page.frameLocator("#tab iframe").getByRole("heading", { name: "We could not open your integrations" })).toBeVisible();
});

test("the frame's cookie is not accepted when the tab is opened on its own", async ({ page, context }) => {
  const { tab } = await openHost(page);
  await expect(tab.getByRole("heading", { name: "Integrations", level: 1 })).toBeVisible();
  const top = await context.newPage();
  const tabURL = new URL(page.frames().find((f) => f.url().includes("/integrations"))!.url()).origin;
  await top.goto(`${tabURL}/integrations`);
  await expect(top).toHaveURL(/\/signup/);
});
