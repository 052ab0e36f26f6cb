import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { test, expect } from "./fixtures";
import { type Language, languages, message } from "./catalog";
import { accountIdFor, connectKeyBased, connectOAuth, expireConnection } from "./sandbox";

const sandboxURL = process.env.SANDBOX_URL ?? "http://127.0.0.1:3401";

/** Switches the page's language with the switcher at its foot, as a user would. */
async function choose(page: Page, from: Language, to: Language, name: string) {
  await page.getByLabel(message(from, "language-label")).selectOption({ label: name });
  await page.getByRole("button", { name: message(from, "language-apply") }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", to);
}

test("the language switcher works without JavaScript and its choice persists", async ({ signedIn, marketplace, page }) => {
  await marketplace.goto("/integrations?status=connected");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await choose(page, "en", "de", "Deutsch");
  // The same view comes back, in German, and stays German on a reload and on the next page.
  await expect(page).toHaveURL(/status=connected/);
  await expect(page.getByRole("button", { name: message("de", "header-sign-out") })).toBeVisible();
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  await marketplace.goto("/integrations/hubspot");
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  await expect(page.getByLabel(message("de", "language-label"))).toHaveValue("de");
  await choose(page, "de", "ja", "日本語");
  await expect(page.getByRole("button", { name: message("ja", "header-sign-out") })).toBeVisible();
});

for (const language of ["de", "ja"] as const) {
  test(`connect, configure and disconnect in ${language}`, async ({ signedIn, detail, page, javaScriptEnabled }) => {
    const say = (id: string, args: Record<string, string | number> = {}) => message(language, id, args);
    await page.goto(`/integrations/copper?lang=${language}`);
    await expect(page.locator("html")).toHaveAttribute("lang", language);
    if (javaScriptEnabled) await page.locator("body[data-hydrated]").waitFor({ state: "attached" });

    // A missing required field is named in the language; then a good connect is announced.
    await detail.field("API Key").fill("copper-key-123");
    await page.getByRole("button", { name: say("connect-submit", { app: "Copper" }) }).click();
    await expect(page.getByText(say("connect-form-enter", { label: "Email Address" }))).toBeVisible();
    await detail.field("API Key").fill("copper-key-123");
    await detail.field("Email Address").fill("ops@example.com");
    await page.getByRole("button", { name: say("connect-submit", { app: "Copper" }) }).click();
    await expect(page).toHaveURL(/\/integrations\/copper\?status=connected$/);
    await expect(detail.outcome).toHaveText(say("integration-connected", { app: "Copper" }));

    // Configure Airtable: a bad value is refused in the language, a good save announced.
    await connectKeyBased(await accountIdFor(signedIn.email), "airtable", { personal_access_token: "pat", base_id: "appX" });
    await page.goto("/integrations/airtable");
    if (javaScriptEnabled) await page.locator("body[data-hydrated]").waitFor({ state: "attached" });
    const save = page.getByRole("button", { name: say("configuration-save") });
    await page.getByLabel("Base URL").fill("airtable.com/appLeads");
    await save.click();
    await expect(page.getByText(say("validation-url", { label: "Base URL" }))).toBeVisible();
    await expect(page.getByLabel("Base URL")).toHaveAttribute("aria-invalid", "true");
    await page.getByLabel("Base URL").fill("https://airtable.com/appLeads");
    await page.getByLabel("Table name").fill("Leads");
    await save.click();
    await expect(page.getByText(say(javaScriptEnabled ? "config-editor-saved" : "integration-config-saved"))).toBeVisible();

    // Disconnect: the dialog with JavaScript, the confirmation page without.
    await page.getByRole("link", { name: say("disconnect-open") }).click();
    const confirm = say(javaScriptEnabled ? "disconnect-confirm" : "disconnect-page-confirm", { app: "Airtable" });
    await page.getByRole("button", { name: confirm }).click();
    await expect(page).toHaveURL(/\/integrations\/airtable\?status=disconnected$/);
    await expect(page.getByText(say("integration-disconnected", { app: "Airtable" }))).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", language);
  });
}

/** Every string of the sandbox's answers for an account: what Cobalt says is data, not ours. */
async function cobaltTexts(accountId: string): Promise<string[]> {
  const texts = new Set<string>();
  const collect = (value: unknown) => {
    if (typeof value === "string" && value.length > 1) texts.add(value);
    else if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === "object") {
      // Account identifiers are shown as `key: value`: their keys are Cobalt's words too.
      Object.keys(value).forEach(collect);
      Object.values(value).forEach(collect);
    }
  };
  const headers = { "x-api-key": "tk_sandbox_local", linked_account_id: accountId };
  const get = async (path: string) => collect(await (await fetch(`${sandboxURL}${path}`, { headers })).json());
  await get("/api/v2/public/application");
  for (const slug of ["airtable", "hubspot", "salesforce"]) {
    await get(`/api/v2/public/slug/${slug}/config`);
    await get(`/api/v2/public/execution?slug=${slug}`);
  }
  await get("/api/v1/audit/public/audit-logs");
  return [...texts].sort((a, b) => b.length - a.length);
}

/** Text a user can read or hear on the page: text nodes and the labelling attributes. */
async function readable(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest("script, style, option, select")) continue;
      out.push(node.textContent ?? "");
    }
    for (const element of document.querySelectorAll("[aria-label], [title], [placeholder], [alt]")) {
      for (const name of ["aria-label", "title", "placeholder", "alt"]) {
        const value = element.getAttribute(name);
        if (value) out.push(value);
      }
    }
    out.push(document.title);
    return out;
  });
}

test("the pseudo-locale shows no untranslated English on any page", async ({ signedIn, page, javaScriptEnabled }) => {
  const account = await accountIdFor(signedIn.email);
  await connectKeyBased(account, "airtable", { personal_access_token: "pat", base_id: "appX" });
  await connectOAuth(account, "hubspot");
  await connectOAuth(account, "salesforce");
  await expireConnection(account, "salesforce", "The refresh token was revoked.");
  // Also data: who is signed in, the platform's name, an address typed by the user.
  const data = [...(await cobaltTexts(account)), signedIn.name, signedIn.email, "Acme Cloud", "no-such-app"];
  const paths = [
    "/integrations",
    "/integrations?status=attention",
    "/integrations/airtable",
    "/integrations/hubspot",
    "/integrations/hubspot?history",
    "/integrations/hubspot?runs=failed",
    "/integrations/salesforce",
    "/integrations/copper",
    "/integrations/quickbooks",
    "/integrations/airtable/disconnect",
    "/integrations/no-such-app",
    "/no-such-page",
  ];
  for (const path of paths) {
    await page.goto(`${path}${path.includes("?") ? "&" : "?"}lang=en-XA`);
    // With JavaScript, the islands' own words too (a page without islands never hydrates).
    if (javaScriptEnabled && (await page.locator("leptos-island").count()) > 0) {
      await page.locator("body[data-hydrated]").waitFor({ state: "attached" });
    }
    const english: string[] = [];
    for (let text of await readable(page)) {
      // Our sentences are bracketed and accented; what is left must be Cobalt's data.
      text = text.replace(/\[[^\]]*\]/g, " ");
      for (const datum of data) text = text.split(datum).join(" ");
      if (/[A-Za-z]{2,}/.test(text)) english.push(text.trim());
    }
    expect(english, `untranslated on ${path}`).toEqual([]);
  }
});

test("the right-to-left pseudo-locale mirrors the layout with no sideways overflow", async ({ signedIn, marketplace, page }) => {
  await connectOAuth(await accountIdFor(signedIn.email), "hubspot");
  for (const width of [320, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    for (const path of ["/integrations", "/integrations/hubspot", "/integrations/quickbooks"]) {
      await marketplace.goto(`${path}?lang=ar-XB`);
      await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${path} at ${width} px`).toBeLessThanOrEqual(0);
    }
  }
  await marketplace.goto("/integrations");
  const card = page.locator('.card[data-slug="hubspot"]');
  const name = await card.locator(".card__name").boundingBox();
  const badge = await card.locator(".badge").boundingBox();
  expect(badge!.x < name!.x, "the badge follows the name, leftwards").toBe(true);
});

test("the accented pseudo-locale, a third longer, is not clipped at 320 px", async ({ signedIn, marketplace, page }) => {
  await connectOAuth(await accountIdFor(signedIn.email), "hubspot");
  await page.setViewportSize({ width: 320, height: 800 });
  for (const path of ["/integrations", "/integrations/hubspot", "/integrations/quickbooks"]) {
    await marketplace.goto(`${path}?lang=en-XA`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${path} overflows`).toBeLessThanOrEqual(0);
    // No control cuts its own label off.
    const clipped = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>("button, a.button, .badge, label")]
        .filter((element) => element.offsetParent !== null && element.scrollWidth > element.clientWidth + 1)
        .map((element) => element.textContent?.trim()),
    );
    expect(clipped, `${path}: clipped labels`).toEqual([]);
  }
});

for (const language of languages) {
  test(`axe finds no violation in ${language} @needs-js`, async ({ signedIn, marketplace, page }) => {
    await connectKeyBased(await accountIdFor(signedIn.email), "airtable", { personal_access_token: "pat", base_id: "appX" });
    for (const path of ["/integrations", "/integrations/airtable", "/integrations/quickbooks"]) {
      await marketplace.goto(`${path}?lang=${language}`);
      await expect(page.locator("html")).toHaveAttribute("lang", language);
      const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
      expect(results.violations.map((v) => `${path}: ${v.id} ${v.nodes.map((n) => n.target).join(" | ")}`)).toEqual([]);
    }
  });
}
