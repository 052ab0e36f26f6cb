import { test as base, expect } from "@playwright/test";
import { DetailPage } from "./pages/detail_page";
import { MarketplacePage } from "./pages/marketplace_page";
import { SignupPage } from "./pages/signup_page";
import { clearFaults } from "./sandbox";

type Fixtures = {
  signup: SignupPage;
  marketplace: MarketplacePage;
  detail: DetailPage;
  /** A fresh account, signed in through the real sign-up form. */
  signedIn: { name: string; email: string; accountId: string };
  /** The sign-up form, opened and not yet sent, and the id of the linked account sending it
   *  creates: a test can script the sandbox (faults) for the account before it exists. */
  accountToSignUp: string;
  /** Errors the page logged or threw; tests assert there are none. */
  pageErrors: string[];
  /** Fails any test during which the page broke its Content-Security-Policy. */
  cspHolds: void;
};

export const test = base.extend<Fixtures>({
  cspHolds: [
    async ({ page }, use) => {
      const violations: string[] = [];
      page.on("console", (message) => {
        if (message.text().includes("Content Security Policy")) violations.push(message.text());
      });
      await use();
      expect(violations, "Content-Security-Policy violations").toEqual([]);
    },
    { auto: true },
  ],
  pageErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(`console: ${message.text()}`);
    });
    await use(errors);
  },
  signup: async ({ page }, use) => {
    await use(new SignupPage(page));
  },
  // `javaScriptEnabled` is a built-in option, set per project in playwright.config.ts.
  marketplace: async ({ page, javaScriptEnabled }, use) => {
    await use(new MarketplacePage(page, { hydrates: javaScriptEnabled }));
  },
  detail: async ({ page, javaScriptEnabled }, use) => {
    await use(new DetailPage(page, { hydrates: javaScriptEnabled }));
  },
  // Both account fixtures clear the account's sandbox faults at the end, so a test that failed
  // midway leaves none behind.
  accountToSignUp: async ({ signup }, use) => {
    await signup.goto();
    const accountId = await signup.accountId();
    await use(accountId);
    await clearFaults(accountId);
  },
  signedIn: async ({ signup, page }, use, testInfo) => {
    const id = `${testInfo.project.name}-${testInfo.testId}-${Date.now()}`;
    await signup.goto();
    const user = { name: `Tester ${testInfo.workerIndex}`, email: `${id}@example.com`, accountId: await signup.accountId() };
    await signup.signUp(user.name, user.email);
    await page.waitForURL(/\/integrations$/);
    await use(user);
    await clearFaults(user.accountId);
  },
});

export { expect };
