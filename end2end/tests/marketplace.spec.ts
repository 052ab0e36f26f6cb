import { test, expect } from "./fixtures";

test("the marketplace is rendered on the server", async ({ signedIn, marketplace, page, pageErrors }) => {
  await marketplace.goto();
  await expect(page).toHaveTitle("Integrations · Acme Cloud");
  await expect(marketplace.heading).toBeVisible();
  await expect(page.getByRole("link", { name: "Integrations" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByText(signedIn.name)).toBeVisible();
  await expect(marketplace.apps.first()).toBeVisible();
  expect(await marketplace.apps.count()).toBeGreaterThanOrEqual(12);
  await expect(page.getByRole("img", { name: "QuickBooks Online logo" })).toBeVisible();
  expect(pageErrors).toEqual([]);
});

test("the refresh button calls the server @needs-js", async ({ signedIn, marketplace, pageErrors }) => {
  await marketplace.goto();
  await marketplace.refreshButton.click();
  await expect(marketplace.refreshStatus).toHaveText(/^\d+ apps available$/);
  expect(pageErrors).toEqual([]);
});

test("the root redirects to the integrations tab", async ({ signedIn, page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/integrations$/);
});

test("an unknown page is a 404 with a way back", async ({ signedIn, page }) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await page.getByRole("link", { name: "Back to integrations" }).click();
  await expect(page).toHaveURL(/\/integrations$/);
});
