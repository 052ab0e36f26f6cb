import type { Locator, Page } from "@playwright/test";

/** The `/integrations/{slug}` page: locators and actions, no assertions. */
export class DetailPage {
  readonly heading: Locator;
  readonly status: Locator;
  readonly accounts: Locator;
  readonly back: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1 });
    this.status = page.locator(".detail__status");
    this.accounts = page.getByRole("table", { name: "Connected accounts" });
    this.back = page.getByRole("link", { name: "Integrations", exact: true }).last();
  }

  async goto(slug: string): Promise<void> {
    await this.page.goto(`/integrations/${slug}`);
  }
}
