import type { Locator, Page } from "@playwright/test";

/** The `/integrations/{slug}` page: locators and actions, no assertions. */
export class DetailPage {
  readonly heading: Locator;
  readonly status: Locator;
  readonly accounts: Locator;
  readonly back: Locator;
  /** The outcome of the last connection, shown after the page comes back from it. */
  readonly outcome: Locator;
  /** The connect panel's live region: progress, cancellation and errors. */
  readonly connectStatus: Locator;
  readonly cancel: Locator;
  readonly configuration: Locator;

  constructor(
    readonly page: Page,
    private readonly options: { hydrates: boolean } = { hydrates: false },
  ) {
    this.heading = page.getByRole("heading", { level: 1 });
    this.status = page.locator(".detail__status");
    this.accounts = page.getByRole("table", { name: "Connected accounts" });
    this.back = page.getByRole("link", { name: "Integrations", exact: true }).last();
    this.outcome = page.locator(".detail__outcome");
    this.connectStatus = page.locator(".connect__status");
    this.cancel = page.getByRole("button", { name: "Cancel" });
    this.configuration = page.getByRole("heading", { name: "Configuration" });
  }

  /** Opens the page and, when JavaScript runs, waits until its islands are hydrated. */
  async goto(slug: string): Promise<void> {
    await this.page.goto(`/integrations/${slug}`);
    if (this.options.hydrates) {
      await this.page.locator("body[data-hydrated]").waitFor({ state: "attached" });
    }
  }

  /** The Connect (or Reconnect) control of an OAuth app. */
  connectButton(name: string, label = "Connect"): Locator {
    return this.page.getByRole("link", { name: `${label} ${name}` });
  }

  /** A field of a key-based credentials form, by its label. */
  field(label: string): Locator {
    return this.page.getByLabel(label, { exact: false });
  }

  submitCredentials(name: string, label = "Connect"): Promise<void> {
    return this.page.getByRole("button", { name: `${label} ${name}` }).click();
  }
}
