// Two instances behind one load balancer: scripts/test.sh starts them in live mode against one
// standalone cobalt-sandbox, sharing nothing but Redis. The sandbox delivers its webhooks to
// instance A only (BASE_URL); the tab under test is open on instance B (SECOND_URL).
import { test, expect } from "./fixtures";
import { MarketplacePage } from "./pages/marketplace_page";
import { accountIdFor, connectKeyBased, expireConnection } from "./sandbox";

const second = process.env.SECOND_URL ?? "http://127.0.0.1:3411";

test("an expiry sent to one instance updates a tab open on the other within 5 seconds", async ({ signedIn, context }) => {
  const account = await accountIdFor(signedIn.email);
  await connectKeyBased(account, "copper", { api_token: "secret-token", email: "ops@example.com" });

  // Same host, other port: the browser sends the session cookie, and B reads what A sealed.
  const page = await context.newPage();
  const marketplace = new MarketplacePage(page, { hydrates: true });
  await marketplace.goto(`${second}/integrations`);
  await page.locator("body[data-live]").waitFor({ state: "attached" });
  const card = marketplace.app("Copper");
  await expect(card.locator(".badge")).toHaveText("Finish setup");

  await expireConnection(account, "copper");
  await expect(card.locator(".badge")).toHaveText("Needs reconnect", { timeout: 5000 });
  await expect(card.getByRole("link", { name: /^Reconnect/ })).toBeVisible();
});
