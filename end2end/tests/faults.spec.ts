import { test, expect } from "./fixtures";
import { clearFaults, injectFault } from "./sandbox";

// What users see while Cobalt misbehaves, driven by the sandbox's fault injection. Faults are
// injected before sign-up, so the account's catalog is not yet cached.

test.afterEach(async () => {
  await clearFaults();
});

const failures = [
  { name: "answers 500", fault: { status: 500 } },
  { name: "answers 429 (retried, then given up)", fault: { status: 429 } },
];

for (const { name, fault } of failures) {
  test(`while Cobalt ${name}, pages say so, and Retry recovers once it clears`, async ({ page, signup, marketplace }) => {
    test.setTimeout(60_000);
    await injectFault({ path: "/api/v2/public/application", method: "GET", count: 1000, ...fault });
    await signup.goto();
    await signup.signUp("Faulty", `fault-${Date.now()}@example.com`);
    await expect(page.getByRole("alert")).toContainText("unavailable");
    await expect(marketplace.retry).toBeVisible();

    const detail = await page.goto("/integrations/copper");
    expect(detail?.status()).toBe(502);
    await expect(page.getByRole("alert")).toContainText("unavailable");

    await clearFaults();
    await marketplace.hydrated();
    await page.getByRole("link", { name: "Retry" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Copper" })).toBeVisible();
    await marketplace.goto();
    await expect(marketplace.grid).toBeVisible();
  });
}

test("with 3 s of upstream latency, pages wait for Cobalt and then show", async ({ page, signup, marketplace }) => {
  await injectFault({ path: "/api/v2/public/application", method: "GET", latency_ms: 3000, count: 1 });
  await signup.goto();
  const started = Date.now();
  await signup.signUp("Patient", `slow-${Date.now()}@example.com`);
  await expect(marketplace.grid).toBeVisible();
  expect(Date.now() - started).toBeGreaterThanOrEqual(3000);
  await expect(page.getByRole("alert")).toHaveCount(0);
});
