import { test, expect } from "./fixtures";
import { clearFaults, injectFault } from "./sandbox";

// What users see while Cobalt misbehaves, driven by the sandbox's fault injection. Faults are
// injected before sign-up, so the account's catalog is not yet cached; they are scoped to the
// account the sign-up form will create, so tests running beside these never meet them.

// A 500 is an outage; a 429 is Cobalt's rate limit, which stops every call (not retried)
// until its Retry-After, and pages say how long to wait. That stop is the server's, for every
// account, so the 429 test is tagged @alone: it runs after the others, by itself
// (playwright.config.ts).
const failures = [
  { name: "answers 500", fault: { status: 500 }, says: "unavailable", status: 502, tag: [] },
  { name: "answers 429 (not retried)", fault: { status: 429 }, says: "busy", status: 503, tag: ["@alone"] },
];

for (const { name, fault, says, status, tag } of failures) {
  test(`while Cobalt ${name}, pages say so, and Retry recovers once it clears`, { tag }, async ({ page, signup, accountToSignUp, marketplace }) => {
    test.setTimeout(60_000);
    await injectFault(accountToSignUp, { path: "/api/v2/public/application", method: "GET", count: 1000, ...fault });
    await signup.signUp("Faulty", `${accountToSignUp}@example.com`);
    await expect(page.getByRole("alert")).toContainText(says);
    await expect(marketplace.retry).toBeVisible();

    const detail = await page.goto("/integrations/copper");
    expect(detail?.status()).toBe(status);
    await expect(page.getByRole("alert")).toContainText(says);

    await clearFaults(accountToSignUp);
    // What the page promised: try again once Cobalt's wait has passed.
    const wait = Number((await detail?.allHeaders())?.["retry-after"] ?? 0);
    if (wait > 0) await page.waitForTimeout(wait * 1000);
    await marketplace.hydrated();
    await page.getByRole("link", { name: "Retry" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Copper" })).toBeVisible();
    await marketplace.goto();
    await expect(marketplace.grid).toBeVisible();
  });
}

test("with 3 s of upstream latency, pages wait for Cobalt and then show", async ({ page, signup, accountToSignUp, marketplace }) => {
  await injectFault(accountToSignUp, { path: "/api/v2/public/application", method: "GET", latency_ms: 3000, count: 1 });
  const started = Date.now();
  await signup.signUp("Patient", `${accountToSignUp}@example.com`);
  await expect(marketplace.grid).toBeVisible();
  expect(Date.now() - started).toBeGreaterThanOrEqual(3000);
  await expect(page.getByRole("alert")).toHaveCount(0);
});
