// Contract test: the real @cobaltio/cobalt-js 8.0.0 against the sandbox. Every public method
// of the SDK runs against a sandbox binary on an ephemeral port, and its results are checked.
// Run from end2end/ with `node --test contract/` after `cargo build -p sandbox`.

import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";

import { api, fakeWindow, sessionFor, startSandbox } from "./sandbox.mjs";

const require = createRequire(import.meta.url);
const { Cobalt } = require("@cobaltio/cobalt-js");

let sandbox;
let accounts = 0;

/** A fresh linked account with its own SDK instance. */
async function sdkForNewAccount() {
  accounts += 1;
  const accountId = `contract_${process.pid}_${accounts}`;
  const token = await sessionFor(sandbox.baseUrl, accountId);
  return { accountId, cobalt: new Cobalt({ token, baseUrl: sandbox.baseUrl }) };
}

/** Runs `action` with `globalThis.window` standing in for the browser. */
async function withWindow(fake, action) {
  globalThis.window = fake;
  try {
    return await action();
  } finally {
    delete globalThis.window;
  }
}

before(async () => {
  sandbox = await startSandbox();
});

after(async () => {
  const code = await sandbox.stop();
  assert.equal(code, 0, "the sandbox shuts down cleanly on SIGTERM");
});

describe("cobalt-js 8.0.0 against the sandbox", () => {
  test("getApp() lists the catalog and getApp(slug) returns one app", async () => {
    const { cobalt } = await sdkForNewAccount();
    const apps = await cobalt.getApp();
    assert.ok(Array.isArray(apps) && apps.length >= 12, `got ${apps.length} apps`);
    for (const app of apps) {
      assert.equal(typeof app.name, "string");
      assert.equal(typeof app.description, "string");
      assert.ok(app.icon.startsWith(`${sandbox.baseUrl}/logos/`), app.icon);
      assert.equal(app.type, app.slug);
      assert.ok(["oauth2", "keybased"].includes(app.auth_type), app.auth_type);
      assert.equal(app.connected, undefined, "nothing is connected yet");
    }
    const quickbooks = await cobalt.getApp("quickbooks");
    assert.equal(quickbooks.name, "QuickBooks Online");
    assert.equal(quickbooks.auth_type, "oauth2");
    assert.equal(quickbooks.reauth_required, false);
    const logo = await fetch(quickbooks.icon);
    assert.equal(logo.headers.get("content-type"), "image/svg+xml");
  });

  test("getApp rejects an unknown slug and a bad token with the status text", async () => {
    const { cobalt } = await sdkForNewAccount();
    await assert.rejects(cobalt.getApp("no-such-app"), { message: "Not Found" });
    const stranger = new Cobalt({ token: "not-a-token", baseUrl: sandbox.baseUrl });
    await assert.rejects(stranger.getApp(), { message: "Unauthorized" });
  });

  test("getAccountDetails() returns the org and the linked account", async () => {
    const { accountId, cobalt } = await sdkForNewAccount();
    const details = await cobalt.getAccountDetails();
    assert.equal(details.linked_account.account_id, accountId);
    assert.equal(typeof details.org._id, "string");
  });

  test("connect(slug, payload) connects a key-based app", async () => {
    const { cobalt } = await sdkForNewAccount();
    const connected = await cobalt.connect("copper", { api_token: "copper-token", email: "ops@acme.example" });
    assert.equal(connected, true);
    const copper = await cobalt.getApp("copper");
    assert.equal(copper.connected, true);
    assert.equal(copper.reauth_required, false);
    assert.equal(copper.connected_accounts[0].identifier, "ops@acme.example");
    assert.equal(copper.connected_accounts[0].status, "active");
  });

  test("connect(slug, payload) rejects when verification fails or a required input is missing", async () => {
    const { cobalt } = await sdkForNewAccount();
    await assert.rejects(
      cobalt.connect("twilio", { sid: "AC123", auth_token: "sandbox-invalid", number: "+15005550006" }),
      { message: "Internal Server Error" },
    );
    await assert.rejects(cobalt.connect("twilio", { sid: "AC123" }), { message: "Bad Request" });
    assert.equal((await cobalt.getApp("twilio")).connected, undefined);
  });

  test("connect(slug) for an OAuth2 app follows the auth_url and Allow connects it", async () => {
    const { cobalt } = await sdkForNewAccount();
    const fake = fakeWindow("allow");
    const connected = await withWindow(fake, () => cobalt.connect("hubspot"));
    assert.equal(connected, true);
    assert.equal(fake.popups.length, 1);
    const [popup] = fake.popups;
    await popup.done;
    assert.equal(popup.error, null);
    assert.ok(popup.url.startsWith(`${sandbox.baseUrl}/emulator/oauth/hubspot/authorize?state=`), popup.url);
    assert.match(popup.outcome, /Connected — you can close this window/);
    assert.equal(popup.closed, true);
    const hubspot = await cobalt.getApp("hubspot");
    assert.equal(hubspot.connected, true);
    assert.equal(hubspot.connected_accounts[0].auth_type, "oauth2");
    assert.equal(hubspot.connected_accounts[0].status, "active");
  });

  test("connect(slug) for an OAuth2 app resolves false when the user denies", async () => {
    const { cobalt } = await sdkForNewAccount();
    const fake = fakeWindow("deny");
    const connected = await withWindow(fake, () => cobalt.connect("slack"));
    assert.equal(connected, false);
    await fake.popups[0].done;
    assert.match(fake.popups[0].outcome, /was not connected/);
    assert.equal((await cobalt.getApp("slack")).connected, undefined);
  });

  test("config, getConfig, updateConfig and deleteConfig manage a config", async () => {
    const { accountId, cobalt } = await sdkForNewAccount();
    const fake = fakeWindow("allow");
    assert.equal(await withWindow(fake, () => cobalt.connect("hubspot")), true);

    const config = await cobalt.config({ slug: "hubspot", labels: [] });
    assert.equal(config.slug, "hubspot");
    assert.equal(config.config_id, accountId, "the config id defaults to the linked account id");
    assert.deepEqual(config.field_errors, []);
    const pipeline = config.fields.find((field) => field.name === "Pipeline");
    const stage = config.fields.find((field) => field.name === "Deal stage");
    assert.ok(pipeline.options.length > 0, "dynamic options load once connected");
    const workflow = config.workflows.find((item) => item.name === "Create deal on upgrade");
    const dealName = workflow.fields.find((field) => field.name === "Deal name template");

    assert.deepEqual(await cobalt.getConfig("hubspot"), config);
    assert.deepEqual(await cobalt.getConfig("hubspot", accountId), config);

    const updated = await cobalt.updateConfig({
      slug: "hubspot",
      fields: { [pipeline.id]: "partners" },
      workflows: [{ id: workflow.id, enabled: true, fields: { [dealName.id]: "{{company}} upgrade" } }],
    });
    assert.equal(updated.fields.find((field) => field.id === pipeline.id).value, "partners");
    assert.deepEqual(
      updated.fields.find((field) => field.id === stage.id).options.map((option) => option.value),
      ["partner_sourced", "partner_won"],
      "the dependent field follows its parent",
    );
    const savedWorkflow = updated.workflows.find((item) => item.id === workflow.id);
    assert.equal(savedWorkflow.enabled, true);
    assert.equal(savedWorkflow.fields.find((field) => field.id === dealName.id).value, "{{company}} upgrade");
    assert.deepEqual(await cobalt.getConfig("hubspot"), updated);

    const named = await cobalt.config({ slug: "hubspot", config_id: "production", labels: [] });
    assert.equal(named.config_id, "production");
    assert.deepEqual(await cobalt.deleteConfig("hubspot", "production"), { message: "Installation Deleted Success" });
    assert.deepEqual(await cobalt.deleteConfig("hubspot"), { message: "Installation Deleted Success" });
    await assert.rejects(cobalt.getConfig("hubspot"), { message: "Not Found" });
    await assert.rejects(cobalt.updateConfig({ slug: "hubspot", fields: {}, workflows: [] }), { message: "Not Found" });
  });

  test("config reports dynamic fields of an unconnected app as field_errors", async () => {
    const { cobalt } = await sdkForNewAccount();
    const config = await cobalt.config({ slug: "slack", labels: [] });
    assert.equal(config.field_errors.length, 1);
    assert.equal(config.field_errors[0].name, "Channel");
  });

  test("disconnect(slug) removes the connection and the app's configs", async () => {
    const { accountId, cobalt } = await sdkForNewAccount();
    assert.equal(await cobalt.connect("mailchimp", { api_key: "key-us21", server_prefix: "us21" }), true);
    await cobalt.config({ slug: "mailchimp", labels: [] });
    assert.equal(await cobalt.disconnect("mailchimp"), undefined);
    assert.equal((await cobalt.getApp("mailchimp")).connected, undefined);
    await assert.rejects(cobalt.getConfig("mailchimp"), { message: "Not Found" });
    const account = await api(sandbox.baseUrl, "GET", `/api/v2/public/linked-account/${accountId}`);
    assert.deepEqual(account.body.integrations, []);
  });
});
