import type { Locator, Page } from "@playwright/test";

/** The `/integrations` page: locators and actions, no assertions. */
export class MarketplacePage {
  readonly heading: Locator;
  readonly apps: Locator;
  readonly refreshButton: Locator;
  readonly refreshStatus: Locator;

  constructor(
    readonly page: Page,
    private readonly options: { hydrates: boolean },
  ) {
    this.heading = page.getByRole("heading", { level: 1, name: "Integrations" });
    this.apps = page.getByRole("list", { name: "Apps" }).getByRole("listitem");
    this.refreshButton = page.getByRole("button", { name: "Check for new apps" });
    this.refreshStatus = page.getByRole("status");
  }

  async goto(path = "/integrations"): Promise<void> {
    await this.page.goto(path);
    if (this.options.hydrates) {
      // Set by /boot.js once every island's event handlers are attached.
      await this.page.locator("body[data-hydrated]").waitFor({ state: "attached" });
    }
  }
}
