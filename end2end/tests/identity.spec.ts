import { test, expect } from "./fixtures";

test("a visitor without a session is sent to sign up and comes back", async ({ page, signup }) => {
  await page.goto("/integrations");
  await expect(page).toHaveURL(/\/signup\?return=%2Fintegrations$/);
  await signup.signUp("Ada Lovelace", `ada-${Date.now()}@example.com`);
  await expect(page).toHaveURL(/\/integrations$/);
  await expect(page.getByText("Ada Lovelace")).toBeVisible();
});

test("sign-up explains bad input and keeps every value", async ({ page, signup }) => {
  await signup.goto();
  await signup.signUp("  Ada  ", "not-an-email");
  await expect(page.getByText("Please enter a valid email address")).toBeVisible();
  await expect(signup.name).toHaveValue("Ada");
  await expect(signup.email).toHaveValue("not-an-email");
  await expect(signup.email).toHaveAttribute("aria-invalid", "true");
});

test("signing out ends the session", async ({ signedIn, page }) => {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signup/);
  await page.goto("/integrations");
  await expect(page).toHaveURL(/\/signup/);
});
