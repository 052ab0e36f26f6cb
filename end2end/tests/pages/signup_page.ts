import type { Locator, Page } from "@playwright/test";

/** The `/signup` page: locators and actions, no assertions. */
export class SignupPage {
  readonly name: Locator;
  readonly email: Locator;
  readonly submit: Locator;
  readonly alert: Locator;

  constructor(readonly page: Page) {
    this.name = page.getByLabel("Name");
    this.email = page.getByLabel("Work email");
    this.submit = page.getByRole("button", { name: "Create account" });
    this.alert = page.getByRole("alert");
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
