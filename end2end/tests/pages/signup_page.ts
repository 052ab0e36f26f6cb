import type { Locator, Page } from "@playwright/test";

/** The `/signup` page: locators and actions, no assertions. */
export class SignupPage {
  readonly name: Locator;
  readonly email: Locator;
  readonly submit: Locator;
  readonly alert: Locator;
  readonly ticket: Locator;

  constructor(readonly page: Page) {
    this.name = page.getByLabel("Name");
    this.email = page.getByLabel("Work email");
    this.submit = page.getByRole("button", { name: "Create account" });
    this.alert = page.getByRole("alert");
    this.ticket = page.locator('input[type="hidden"][name="ticket"]');
  }

  /** The linked account id this form creates when sent: its ticket is
   *  `{customer id}.{issued at}.{signature}` (app/src/server/signup.rs), and the customer id is
   *  the linked account id. */
  async accountId(): Promise<string> {
    const ticket = (await this.ticket.getAttribute("value")) ?? "";
    return ticket.split(".")[0];
  }

  async goto(): Promise<void> {
    await this.page.goto("/signup");
  }

  async signUp(name: string, email: string): Promise<void> {
    await this.name.fill(name);
    await this.email.fill(email);
    await this.submit.click();
  }
}
