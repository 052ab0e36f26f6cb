import AxeBuilder from "@axe-core/playwright";
import { test, expect } from "./fixtures";
import { DetailPage } from "./pages/detail_page";
import { accountIdFor, connectKeyBased, connectOAuth, expireConnection, injectFault } from "./sandbox";

test("the marketplace is rendered on the server", async ({ signedIn, marketplace, page, pageErrors }) => {
  await marketplace.goto();
  await expect(page).toHaveTitle("Integrations · Acme Cloud");
  await expect(marketplace.heading).toBeVisible();
  await expect(page.getByRole("link", { name: "Integrations", exact: true }).first()).toHaveAttribute("aria-current", "page");
  await expect(page.getByText(signedIn.name)).toBeVisible();
  expect(await marketplace.apps.count()).toBeGreaterThanOrEqual(12);
  await expect(marketplace.count).toHaveText(`${await marketplace.apps.count()} apps`);
  const logo = page.getByRole("img", { name: "QuickBooks Online logo" });
  await expect(logo).toHaveAttribute("width", "40");
  await expect(logo).toHaveAttribute("height", "40");
  await expect(marketplace.app("HubSpot").getByRole("link", { name: "Connect HubSpot" })).toBeVisible();
  expect(pageErrors).toEqual([]);
});

test("search ignores case and accents, and an empty result offers Clear filters", async ({ signedIn, marketplace, page }) => {
  await marketplace.goto();
  await marketplace.searchFor("HUBSPÔT");
  await expect.poll(() => marketplace.appNames()).toEqual(["HubSpot"]);
  await expect(marketplace.count).toHaveText("1 app");
  await expect(page).toHaveURL(/[?&]q=HUBSP%C3%94T/);
  await marketplace.searchFor("no such app anywhere");
  await expect(page.getByText("No apps match these filters.")).toBeVisible();
  await marketplace.clearFilters.click();
  await expect(page).toHaveURL(/\/integrations$/);
  expect(await marketplace.apps.count()).toBeGreaterThanOrEqual(12);
});

test("category chips show counts and filter the grid", async ({ signedIn, marketplace, page }) => {
  await marketplace.goto();
  const crm = marketplace.category("CRM");
  const count = Number((await crm.textContent())?.match(/(\d+)$/)?.[1]);
  await crm.click();
  await expect(page).toHaveURL(/[?&]category=CRM/);
  await expect(crm).toHaveAttribute("aria-current", "true");
  await expect(marketplace.apps).toHaveCount(count);
  for (const app of await marketplace.apps.all()) {
    await expect(app.getByRole("listitem").filter({ hasText: /^CRM$/ })).toHaveCount(1);
  }
});

test("filters live in the URL and the back button restores them @needs-js", async ({ signedIn, marketplace, page }) => {
  await marketplace.goto();
  await marketplace.category("CRM").click();
  await expect(page).toHaveURL(/\?category=CRM$/);
  await marketplace.chooseStatus("Available");
  await expect(page).toHaveURL(/\?category=CRM&status=available$/);
  await page.goBack();
  await expect(page).toHaveURL(/\?category=CRM$/);
  await expect(page.getByRole("radio", { name: "All" })).toBeChecked();
  await page.goBack();
  await expect(page).toHaveURL(/\/integrations$/);
  await expect(marketplace.category("CRM")).not.toHaveAttribute("aria-current", "true");
  expect(await marketplace.apps.count()).toBeGreaterThanOrEqual(12);
});

test("connected apps come first, then those to finish setting up, then those needing reconnect, each A–Z", async ({ signedIn, marketplace, page }) => {
  const account = await accountIdFor(signedIn.email);
  await connectKeyBased(account, "copper", { api_token: "t", email: "ops@example.com" });
  await connectKeyBased(account, "airtable", { api_key: "k", base_id: "appBase" }).catch(() => undefined);
  await connectKeyBased(account, "stripe", { secret_key: "sk_test_x" }).catch(() => undefined);
  await expireConnection(account, "copper");
  // The sandbox tells the tab through a signed webhook, which clears the account's cache.
  await expect(async () => {
    await marketplace.goto();
    await expect(marketplace.app("Copper").getByText("Needs reconnect")).toBeVisible({ timeout: 500 });
  }).toPass({ timeout: 10_000 });
  const names = await marketplace.appNames();
  const ranks = ["Connected", "Finish setup", "Needs reconnect"];
  const statuses = await Promise.all(names.map(async (name) => {
    const badge = marketplace.app(name).locator(".badge");
    const rank = (await badge.count()) ? ranks.indexOf((await badge.innerText()).trim()) : -1;
    return rank < 0 ? ranks.length : rank;
  }));
  expect(statuses).toEqual([...statuses].sort());
  expect(statuses[names.indexOf("Copper")]).toBe(2);
  for (const group of [0, 1, 2, 3]) {
    const inGroup = names.filter((_, i) => statuses[i] === group);
    expect(inGroup).toEqual([...inGroup].sort((a, b) => a.localeCompare(b, "en", { sensitivity: "base" })));
  }
  await expect(marketplace.app("Copper").getByRole("link", { name: "Reconnect Copper" })).toBeVisible();
  await page.getByRole("radio", { name: "Needs attention" }).check();
  if (!(await page.evaluate(() => document.body.hasAttribute("data-hydrated")))) await marketplace.applyFilters.click();
  // Needing attention: the expired one and any whose setup is not finished.
  const attention = names.filter((_, i) => statuses[i] === 1 || statuses[i] === 2);
  await expect.poll(() => marketplace.appNames()).toEqual(attention);
});

test("a Cobalt failure shows an error with Retry, and Retry recovers", async ({ page, signup, accountToSignUp, marketplace }) => {
  await injectFault(accountToSignUp, { path: "/api/v2/public/application", method: "GET", status: 500, count: 1 });
  await signup.signUp("Faulty", `${accountToSignUp}@example.com`);
  await expect(page.getByRole("alert")).toContainText("unavailable");
  await marketplace.retry.click();
  await expect(marketplace.grid).toBeVisible();
});

test("Retry asks the server again and says when Cobalt is still down @needs-js", async ({ page, signup, accountToSignUp, marketplace, pageErrors }) => {
  await injectFault(accountToSignUp, { path: "/api/v2/public/application", method: "GET", status: 500, count: 2 });
  await signup.signUp("Faulty", `${accountToSignUp}@example.com`);
  await marketplace.hydrated();
  await marketplace.retry.click();
  await expect(page.getByRole("status").filter({ hasText: "Still unavailable" })).toBeVisible();
  await expect(page).toHaveURL(/\/integrations$/);
  await marketplace.retry.click();
  await expect(marketplace.grid).toBeVisible();
  expect(pageErrors.filter((e) => !e.includes("502") && !e.includes("500"))).toEqual([]);
});

test("QuickBooks has its branded connect button, with a hover state", async ({ signedIn, marketplace, page }) => {
  await marketplace.goto();
  const button = marketplace.app("QuickBooks Online").getByRole("link", { name: "Connect to QuickBooks" });
  await expect(button).toBeVisible();
  const color = () => button.evaluate((el) => getComputedStyle(el).backgroundColor);
  const idle = await color();
  expect(idle).toBe("rgb(16, 128, 0)");
  await button.hover();
  await expect.poll(color).not.toBe(idle);
  const detail = new DetailPage(page);
  await detail.goto("quickbooks");
  await expect(page.getByRole("link", { name: "Connect to QuickBooks" })).toBeVisible();
});

test("the detail page shows the app and its connected accounts", async ({ signedIn, page }) => {
  const account = await accountIdFor(signedIn.email);
  await connectKeyBased(account, "copper", { api_token: "t", email: "ops@example.com" });
  const detail = new DetailPage(page);
  await expect(async () => {
    await detail.goto("copper");
    await expect(detail.accounts).toBeVisible({ timeout: 500 });
  }).toPass({ timeout: 10_000 });
  await expect(detail.heading).toHaveText("Copper");
  await expect(page).toHaveTitle("Copper · Acme Cloud");
  await expect(detail.accounts.getByRole("cell", { name: "API key" })).toBeVisible();
  await expect(detail.accounts.locator("time")).toHaveText(/just now|minute/);
  await expect(detail.configuration).toBeVisible();
  await expect(page.getByRole("button", { name: /Connect/ })).toHaveCount(0);
});

test("an unknown app is a real 404 with a way back", async ({ signedIn, page }) => {
  const response = await page.goto("/integrations/no-such-app");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("alert")).toContainText("was not found");
  await page.getByRole("link", { name: "Back to integrations" }).click();
  await expect(page).toHaveURL(/\/integrations$/);
});

test("an unknown page is a 404 with a way back", async ({ signedIn, page }) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await page.getByRole("link", { name: "Back to integrations" }).click();
  await expect(page).toHaveURL(/\/integrations$/);
});

test("a keyboard alone finds an app, opens it and comes back @needs-js", async ({ signedIn, marketplace, page }) => {
  await marketplace.goto();
  await marketplace.search.focus();
  await page.keyboard.type("slack");
  await expect.poll(() => marketplace.appNames()).toEqual(["Slack"]);
  const action = marketplace.app("Slack").getByRole("link", { name: "Connect Slack" });
  for (let i = 0; i < 40 && !(await action.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press("Tab");
  }
  await expect(action).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/integrations\/slack$/);
  await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link").focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/integrations$/);
});

for (const colorScheme of ["light", "dark"] as const) {
  test(`every page passes axe (WCAG 2.2 AA) in ${colorScheme} @needs-js`, async ({ signedIn, marketplace, page }) => {
    await page.emulateMedia({ colorScheme });
    // Connected apps show their configuration forms: every control type between these two.
    const account = await accountIdFor(signedIn.email);
    await connectKeyBased(account, "airtable", { personal_access_token: "pat", base_id: "appX" });
    await connectOAuth(account, "salesforce");
    // The list with its banner, unfinished setups, a connection history.
    const pages = ["/integrations", "/integrations/quickbooks", "/integrations/copper", "/integrations/airtable", "/integrations/salesforce", "/integrations/airtable?history"];
    for (const path of [...pages, "/integrations/no-such-app", "/no-such-page"]) {
      await marketplace.goto(path);
      const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
      expect(results.violations.map((v) => `${path}: ${v.id} ${v.nodes.map((n) => n.target).join(" | ")}`)).toEqual([]);
    }
    // An opened run, with its steps and Retry.
    await marketplace.goto("/integrations/salesforce?runs=failed");
    await page.getByRole("link", { name: /View run/ }).first().click();
    await expect(page.getByRole("button", { name: "Retry run" })).toBeVisible();
    const run = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
    expect(run.violations.map((v) => `an opened run: ${v.id} ${v.nodes.map((n) => n.target).join(" | ")}`)).toEqual([]);
    await page.context().clearCookies();
    await page.goto("/signup");
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
    expect(results.violations.map((v) => `/signup: ${v.id}`)).toEqual([]);
  });
}

test("the theme toggle persists across visits @needs-js", async ({ signedIn, marketplace, page }) => {
  await marketplace.goto();
  await expect(marketplace.themeToggle).toHaveAttribute("aria-pressed", "false");
  await marketplace.themeToggle.click();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await marketplace.goto();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await expect(marketplace.themeToggle).toHaveAttribute("aria-pressed", "true");
});

for (const dir of ["ltr", "rtl"] as const) {
  test(`no page overflows sideways at 320 and 1280 px, ${dir}`, async ({ signedIn, marketplace, page }) => {
    // The layout uses logical properties only, so a right-to-left page mirrors it (the
    // direction is set on the page until a right-to-left language is offered).
    await connectOAuth(await accountIdFor(signedIn.email), "hubspot");
    for (const width of [320, 1280]) {
      await page.setViewportSize({ width, height: 800 });
      for (const path of ["/integrations", "/integrations/hubspot", "/integrations/quickbooks"]) {
        await marketplace.goto(path);
        await page.evaluate((dir) => (document.documentElement.dir = dir), dir);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `${path} at ${width} px`).toBeLessThanOrEqual(0);
      }
    }
    await marketplace.goto("/integrations");
    await page.evaluate((dir) => (document.documentElement.dir = dir), dir);
    const card = page.locator('.card[data-slug="hubspot"]');
    const name = await card.locator(".card__name").boundingBox();
    const badge = await card.locator(".badge").boundingBox();
    expect(badge!.x > name!.x, "the badge follows the name in reading order").toBe(dir === "ltr");
  });
}
