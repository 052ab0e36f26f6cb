import { test as base, expect } from "@playwright/test";
import { MarketplacePage } from "./pages/marketplace_page";

type Fixtures = {
  marketplace: MarketplacePage;
  /** Errors the page logged or threw; each test asserts there are none. */
  pageErrors: string[];
};

export const test = base.extend<Fixtures>({
  pageErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(`console: ${message.text()}`);
    });
    await use(errors);
  },
  // `javaScriptEnabled` is a built-in option, set per project in playwright.config.ts.
  marketplace: async ({ page, javaScriptEnabled }, use) => {
    await use(new MarketplacePage(page, { hydrates: javaScriptEnabled }));
  },
});

export { expect };
