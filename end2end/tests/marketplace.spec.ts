import { test, expect } from "./fixtures";

test("the root redirects to the integrations tab", async ({ marketplace, page }) => {
  await marketplace.goto("/");
  await expect(page).toHaveURL(/\/integrations$/);
  await expect(marketplace.heading).toBeVisible();
});

test("the marketplace is rendered on the server", async ({ marketplace, page, pageErrors }) => {
  await marketplace.goto();
  await expect(page).toHaveTitle("Integrations · Acme Cloud");
  await expect(marketplace.heading).toBeVisible();
  await expect(page.getByRole("link", { name: "Integrations" })).toHaveAttribute("aria-current", "page");
  expect(pageErrors).toEqual([]);
});

test("the refresh button calls the server @needs-js", async ({ marketplace, pageErrors }) => {
  await marketplace.goto();
  await marketplace.refreshButton.click();
  await expect(marketplace.refreshStatus).toHaveText(/^\d+ apps available$/);
  expect(pageErrors).toEqual([]);
});

test("an unknown page is a 404 with a way back", async ({ page }) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await page.getByRole("link", { name: "Back to integrations" }).click();
  await expect(page).toHaveURL(/\/integrations$/);
});
