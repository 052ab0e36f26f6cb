import { test, expect } from "./fixtures";
import { accountIdFor, clearFaults, connectKeyBased, connectOAuth, injectFault } from "./sandbox";

test.afterEach(async () => {
  await clearFaults();
});

/** Signs in, connects Airtable through the sandbox and opens its detail page. */
async function airtable(email: string, detail: import("./pages/detail_page").DetailPage) {
  await connectKeyBased(await accountIdFor(email), "airtable", { personal_access_token: "pat", base_id: "appX" });
  await detail.goto("airtable");
}

test("a workflow's fields show while it is enabled, and saved values survive a reload", async ({ signedIn, detail, page }) => {
  await airtable(signedIn.email, detail);
  const push = page.getByRole("group", { name: "Push records" });
  const extra = push.getByLabel("Extra fields");
  await expect(extra).toBeHidden();
  await push.getByLabel("Enabled").check();
  await expect(extra).toBeVisible();
  await page.getByLabel("Table name").fill("Leads");
  await page.getByLabel("Base URL").fill("https://airtable.com/appLeads");
  await extra.fill('{"score":[1,2]}');
  await page.getByRole("button", { name: "Save configuration" }).click();
  await expect(page.getByText("Configuration saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Table name")).toHaveValue("Leads");
  await expect(push.getByLabel("Enabled")).toBeChecked();
  // JSON comes back formatted.
  await expect(push.getByLabel("Extra fields")).toHaveValue('{\n  "score": [\n    1,\n    2\n  ]\n}');
});

test("invalid values are named by their fields and nothing typed is lost", async ({ signedIn, detail, page }) => {
  await airtable(signedIn.email, detail);
  await page.getByLabel("Table name").fill("Leads");
  await page.getByLabel("Base URL").fill("airtable.com/appLeads");
  const push = page.getByRole("group", { name: "Push records" });
  await push.getByLabel("Enabled").check();
  await push.getByLabel("Extra fields").fill("{oops");
  await page.getByRole("button", { name: "Save configuration" }).click();
  await expect(page.getByRole("alert")).toHaveText("2 fields need your attention; nothing was saved.");
  await expect(page.getByLabel("Base URL")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Base URL must be a web address starting with https://.")).toBeVisible();
  await expect(page.getByText(/Extra fields is not valid JSON/)).toBeVisible();
  await expect(page.getByLabel("Table name")).toHaveValue("Leads");
  await expect(push.getByLabel("Extra fields")).toHaveValue("{oops");
});

test("a Cobalt failure while saving keeps every value and says nothing was saved", async ({ signedIn, detail, page }) => {
  await airtable(signedIn.email, detail);
  await page.getByLabel("Table name").fill("Leads");
  await injectFault({ path: "/api/v2/public/config", method: "PUT", status: 500, count: 5 });
  await page.getByRole("button", { name: "Save configuration" }).click();
  await expect(page.getByRole("alert")).toContainText("Nothing was saved");
  await expect(page.getByLabel("Table name")).toHaveValue("Leads");
  await clearFaults();
  await page.getByRole("button", { name: "Save configuration" }).click();
  await expect(page.getByText("Configuration saved.")).toBeVisible();
  await expect(page.getByLabel("Table name")).toHaveValue("Leads");
});

test("dynamic options come from the provider and a dependent select follows its parent", async ({ signedIn, detail, page }) => {
  await connectOAuth(await accountIdFor(signedIn.email), "hubspot");
  await detail.goto("hubspot");
  const pipeline = page.getByLabel("Pipeline");
  await expect(pipeline.getByRole("option")).toHaveText(["Choose…", "Sales pipeline", "Partner pipeline"]);
  await pipeline.selectOption({ label: "Partner pipeline" });
  await page.getByRole("button", { name: "Save configuration" }).click();
  await expect(page.getByText("Configuration saved.")).toBeVisible();
  const stage = page.getByLabel("Deal stage");
  await expect(stage.getByRole("option")).toHaveText(["Choose…", "Partner sourced", "Partner won"]);
  await stage.selectOption({ label: "Partner won" });
  await page.getByRole("button", { name: "Save configuration" }).click();
  await expect(page.getByText("Configuration saved.")).toBeVisible();
  // A new pipeline clears a stage that no longer fits it.
  await pipeline.selectOption({ label: "Sales pipeline" });
  await page.getByRole("button", { name: "Save configuration" }).click();
  await expect(page.getByText("Configuration saved.")).toBeVisible();
  await expect(page.getByLabel("Pipeline")).toHaveValue("default");
  await expect(page.getByLabel("Deal stage")).toHaveValue("");
  await expect(page.getByLabel("Deal stage").getByRole("option")).toContainText(["Closed won"]);
});

test("named configurations keep their own values; deleting and resetting ask first", async ({ signedIn, detail, page }) => {
  await airtable(signedIn.email, detail);
  const configurations = page.getByRole("navigation", { name: "Configurations" });
  await page.getByLabel("New configuration").fill("staging");
  await page.getByRole("button", { name: "Create" }).click();
  await expect(page.getByText("Configuration created.")).toBeVisible();
  await expect(configurations.getByRole("link", { name: "staging" })).toHaveAttribute("aria-current", "page");
  await page.getByLabel("Table name").fill("Staging table");
  await page.getByRole("button", { name: "Save configuration" }).click();
  await expect(page.getByText("Configuration saved.")).toBeVisible();
  await configurations.getByRole("link", { name: "Default" }).click();
  await expect(page.getByLabel("Table name")).toHaveValue("");
  await configurations.getByRole("link", { name: "staging" }).click();
  await expect(page.getByLabel("Table name")).toHaveValue("Staging table");

  // Deleting asks first: the button is only reachable once the disclosure is opened.
  const remove = page.getByRole("button", { name: "Delete configuration" });
  await expect(remove).toBeHidden();
  await page.getByText("Delete this configuration…").click();
  await expect(page.getByText("This deletes the configuration “staging”")).toBeVisible();
  await remove.click();
  await expect(page.getByText("The configuration was deleted.")).toBeVisible();
  await expect(configurations.getByRole("link", { name: "staging" })).toHaveCount(0);

  await page.getByLabel("Table name").fill("Main table");
  await page.getByRole("button", { name: "Save configuration" }).click();
  await expect(page.getByLabel("Table name")).toHaveValue("Main table");
  await page.getByText("Reset to defaults…").click();
  await page.getByRole("button", { name: "Reset configuration" }).click();
  await expect(page.getByText("The configuration is back to the app's defaults.")).toBeVisible();
  await expect(page.getByLabel("Table name")).toHaveValue("");
});
