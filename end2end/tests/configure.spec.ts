import { test, expect } from "./fixtures";
import { accountIdFor, clearFaults, connectKeyBased, connectOAuth, expireConnection, injectFault } from "./sandbox";

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
  await injectFault(signedIn.accountId, { path: "/api/v2/public/config", method: "PUT", status: 500, count: 5 });
  await page.getByRole("button", { name: "Save configuration" }).click();
  await expect(page.getByRole("alert")).toContainText("Nothing was saved");
  await expect(page.getByLabel("Table name")).toHaveValue("Leads");
  await clearFaults(signedIn.accountId);
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
  await expect(page.getByText("Configuration saved.")).toBeVisible();
  await expect(page.getByLabel("Table name")).toHaveValue("Main table");
  await page.getByText("Reset to defaults…").click();
  await page.getByRole("button", { name: "Reset configuration" }).click();
  await expect(page.getByText("The configuration is back to the app's defaults.")).toBeVisible();
  await expect(page.getByLabel("Table name")).toHaveValue("");
});

test.describe("with JavaScript", () => {
  test.beforeEach(({ javaScriptEnabled }) => {
    test.skip(!javaScriptEnabled, "the hydrated form's own behaviour");
  });

  test("options load when a select is first opened, follow its parent, and Save stays on the page", async ({ signedIn, detail, page }) => {
    await connectOAuth(await accountIdFor(signedIn.email), "hubspot");
    await detail.goto("hubspot");
    const optionRequests: string[] = [];
    page.on("request", (request) => {
      if (new URL(request.url()).pathname.startsWith("/api/select_options")) optionRequests.push(request.url());
    });
    // Marks this document: a full page load would lose the mark.
    await page.evaluate(() => document.body.setAttribute("data-same-document", ""));
    const pipeline = page.getByLabel("Pipeline");
    const stage = page.getByLabel("Deal stage");

    await pipeline.focus();
    await expect.poll(() => optionRequests.length).toBe(1);
    await expect(page.locator('.field[data-kind="select"][aria-busy]')).toHaveCount(0);
    await stage.focus();
    await pipeline.focus();
    await expect.poll(() => optionRequests.length).toBe(2); // the stage's, once; the pipeline's is cached

    await pipeline.selectOption({ label: "Partner pipeline" });
    await expect(stage.getByRole("option")).toHaveText(["Choose…", "Partner sourced", "Partner won"]);
    await stage.selectOption({ label: "Partner won" });

    // Save is pending while Cobalt answers slowly, then says it saved, without a page load.
    await injectFault(signedIn.accountId, { path: "/api/v2/public/config", method: "PUT", latency_ms: 800, count: 1 });
    const save = page.getByRole("button", { name: "Save configuration" });
    await save.click();
    await expect(page.getByRole("button", { name: "Saving…" })).toHaveAttribute("aria-disabled", "true");
    await expect(page.getByRole("status").filter({ hasText: "Configuration saved." })).toBeVisible();
    await expect(save).not.toHaveAttribute("aria-disabled");

    // Another pipeline: the stage no longer fits, so it is cleared, and the page says so.
    const before = optionRequests.length;
    await pipeline.selectOption({ label: "Sales pipeline" });
    await expect(page.getByText("Deal stage was cleared: its choice does not fit the new selection.")).toBeVisible();
    await expect(stage).toHaveValue("");
    await expect(stage.getByRole("option")).toContainText(["Closed won"]);
    // Back to the partner pipeline: its stages are already known.
    await pipeline.selectOption({ label: "Partner pipeline" });
    await expect(stage.getByRole("option")).toHaveText(["Choose…", "Partner sourced", "Partner won"]);
    expect(optionRequests.length).toBe(before + 1);
    await expect(page.locator("body[data-same-document]")).toHaveCount(1);

    await page.reload();
    await expect(page.getByLabel("Pipeline")).toHaveValue("partners");
    await expect(page.getByLabel("Deal stage")).toHaveValue("partner_won");
  });

  test("Cobalt's field errors show on the field they name", async ({ signedIn, detail, page }) => {
    const account = await accountIdFor(signedIn.email);
    await connectOAuth(account, "hubspot");
    await detail.goto("hubspot");
    // The connection expires while the form is open: the provider's options cannot load.
    await expireConnection(account, "hubspot");
    const pipeline = page.getByLabel("Pipeline");
    await pipeline.focus();
    await expect(pipeline).toHaveAttribute("aria-invalid", "true");
    await expect(pipeline).toHaveAccessibleDescription(/Could not load options for Pipeline: HubSpot is not connected/);
  });

  test("fields are checked as they are typed and JSON is formatted once valid", async ({ signedIn, detail, page }) => {
    await airtable(signedIn.email, detail);
    const push = page.getByRole("group", { name: "Push records" });
    await push.getByLabel("Enabled").check();
    const extra = push.getByLabel("Extra fields");
    await extra.fill('{"score": [1,');
    await expect(extra).toHaveAttribute("aria-invalid", "true");
    await expect(push.getByText(/Extra fields is not valid JSON/)).toBeVisible();
    await extra.pressSequentially(" 2]}");
    await expect(extra).not.toHaveAttribute("aria-invalid");
    await extra.press("Tab");
    await expect(extra).toHaveValue('{\n  "score": [\n    1,\n    2\n  ]\n}');

    // Other fields say what is wrong on Save (appearing text would move what the pointer is
    // about to click), and stop as soon as it is fixed.
    await page.getByLabel("Table name").fill("Leads");
    const url = page.getByLabel("Base URL");
    await url.fill("airtable.com/appLeads");
    await url.press("Tab");
    await expect(url).not.toHaveAttribute("aria-invalid");
    await page.getByRole("button", { name: "Save configuration" }).click();
    await expect(page.getByText("Base URL must be a web address starting with https://.")).toBeVisible();
    await expect(url).toBeFocused();
    await url.fill("https://airtable.com/appLeads");
    await expect(url).not.toHaveAttribute("aria-invalid");
    await expect(page.getByText("Base URL must be a web address starting with https://.")).toHaveCount(0);
  });

  test("unsaved changes: a link asks before leaving, and so does closing the page", async ({ signedIn, detail, page }) => {
    await airtable(signedIn.email, detail);
    await page.getByLabel("Table name").fill("Leads");

    const asked: string[] = [];
    page.once("dialog", async (dialog) => {
      asked.push(`${dialog.type()}: ${dialog.message()}`);
      await dialog.dismiss();
    });
    await detail.back.click();
    expect(asked).toEqual(["confirm: This configuration has changes that are not saved. Leave without saving them?"]);
    await expect(page).toHaveURL(/\/integrations\/airtable$/);
    await expect(page.getByLabel("Table name")).toHaveValue("Leads");

    page.once("dialog", async (dialog) => {
      asked.push(dialog.type());
      await dialog.dismiss();
    });
    await page.close({ runBeforeUnload: true });
    await expect.poll(() => asked.length).toBe(2);
    expect(asked[1]).toBe("beforeunload");
    expect(page.isClosed()).toBe(false);

    // Saved: nothing to ask any more.
    await page.getByRole("button", { name: "Save configuration" }).click();
    await expect(page.getByText("Configuration saved.")).toBeVisible();
    await detail.back.click();
    await expect(page).toHaveURL(/\/integrations$/);
    expect(asked).toHaveLength(2);
  });
});
