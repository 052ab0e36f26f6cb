import type { Locator, Page } from "@playwright/test";

/** The `/integrations` page: locators and actions, no assertions. */
export class MarketplacePage {
  readonly heading: Locator;
  readonly grid: Locator;
  readonly apps: Locator;
  readonly search: Locator;
  readonly applyFilters: Locator;
  readonly categories: Locator;
  readonly count: Locator;
  readonly clearFilters: Locator;
  readonly retry: Locator;
  readonly themeToggle: Locator;

  constructor(
    readonly page: Page,
    private readonly options: { hydrates: boolean },
  ) {
    this.heading = page.getByRole("heading", { level: 1, name: "Integrations" });
    this.grid = page.getByRole("list", { name: "Apps" });
    // The cards shown: the server renders every card, those the filters leave out hidden.
    this.apps = this.grid.locator(":scope > li:visible");
    this.search = page.getByLabel("Search integrations");
    this.applyFilters = page.getByRole("button", { name: "Apply filters" });
    this.categories = page.getByRole("navigation", { name: "Categories" });
    this.count = page.locator(".marketplace__count");
    this.clearFilters = page.getByRole("link", { name: "Clear filters" });
    this.retry = page.getByRole("link", { name: "Retry" });
    this.themeToggle = page.getByRole("button", { name: "Dark theme" });
  }

  async goto(path = "/integrations"): Promise<void> {
    await this.page.goto(path);
    await this.hydrated();
  }

  /** Waits until /boot.js has attached every island's event handlers (hydrated project only). */
  async hydrated(): Promise<void> {
    if (this.options.hydrates) {
      await this.page.locator("body[data-hydrated]").waitFor({ state: "attached" });
    }
  }

  app(name: string): Locator {
    return this.apps.filter({ has: this.page.getByRole("heading", { name, exact: true }) });
  }

  async appNames(): Promise<string[]> {
    return this.grid.getByRole("heading", { level: 2 }).allTextContents();
  }

  /** Searches: instantly when hydrated, through the GET form otherwise. */
  async searchFor(text: string): Promise<void> {
    await this.search.fill(text);
    if (!this.options.hydrates) await this.applyFilters.click();
  }

  async chooseStatus(label: string): Promise<void> {
    await this.page.getByRole("radio", { name: label }).check();
    if (!this.options.hydrates) await this.applyFilters.click();
  }

  category(name: string): Locator {
    return this.categories.getByRole("link", { name: new RegExp(`^${name} \\d+$`) });
  }
}
