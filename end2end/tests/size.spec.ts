import { readFileSync } from "node:fs";
import { get } from "node:http";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import type { Page } from "@playwright/test";
import { test, expect } from "./fixtures";
import { connectOAuth } from "./sandbox";

// The first-load byte report of each kind of page: every HTML, CSS, JS and wasm response of a
// load of /integrations and of the detail page of a connected, configurable OAuth app (the
// heaviest page), measured raw, gzip -9 and brotli, against the page's budget in
// ../size-budget.json (total brotli bytes). Brotli is what the server sends to a client that
// accepts it: the build's precompressed file for CSS, JS and wasm (quality 11). The HTML is
// compressed by the server as it is sent, at a quality fit for every request (tower-http's
// default, 4); here it counts at quality 11, as the budgets always have. The tests
// tagged @bench are the browser timings, run by `make bench` only (project `timings`).
type Kind = "html" | "css" | "js" | "wasm";
const budget: {
  marketplace_first_load_brotli_bytes: number;
  detail_first_load_brotli_bytes: number;
  host_sdk_brotli_bytes: number;
} = JSON.parse(
  readFileSync(new URL("../../size-budget.json", import.meta.url), "utf8"),
);

function kindOf(url: string, contentType: string): Kind | null {
  if (contentType.includes("text/html")) return "html";
  if (contentType.includes("text/css")) return "css";
  if (contentType.includes("javascript")) return "js";
  if (contentType.includes("application/wasm") || new URL(url).pathname.endsWith(".wasm")) return "wasm";
  return null;
}

const brotli = (body: Buffer) =>
  brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const gzip = (body: Buffer) => gzipSync(body, { level: 9 }).length;

/** The bytes the server sends for `url` to a client that accepts brotli only: brotli, or the
 * file itself when compressing it would not make it smaller. */
function servedBrotli(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    get(url, { headers: { "accept-encoding": "br" } }, (response) => {
      let bytes = 0;
      response.on("data", (chunk: Buffer) => (bytes += chunk.length));
      response.on("end", () => {
        const encoding = response.headers["content-encoding"];
        if (response.statusCode === 200 && (encoding === undefined || encoding === "br")) resolve(bytes);
        else reject(new Error(`${url}: ${response.statusCode}, content-encoding ${encoding}`));
      });
      response.on("error", reject);
    }).on("error", reject);
  });
}

type Row = { files: number; raw: number; gzip: number; brotli: number };

/** Loads `path`, prints its table of bytes per kind, and returns the rows and the URLs loaded. */
async function firstLoad(page: Page, path: string, budgetBytes: number) {
  const bodies: { kind: Kind; url: string; body: Promise<Buffer> }[] = [];
  const record = (response: import("@playwright/test").Response) => {
    const kind = kindOf(response.url(), response.headers()["content-type"] ?? "");
    if (kind && response.status() === 200) bodies.push({ kind, url: response.url(), body: response.body() });
  };
  // From a blank page: responses still arriving for the page before (the sign-up's
  // redirect target) would be counted, and their bodies are gone once it is left.
  await page.goto("about:blank");
  page.on("response", record);
  await page.goto(path);
  await page.locator("body[data-hydrated]").waitFor({ state: "attached" });
  await page.waitForLoadState("networkidle");
  page.off("response", record);

  const rows = new Map<Kind, Row>();
  for (const kind of ["html", "css", "js", "wasm"] as Kind[]) rows.set(kind, { files: 0, raw: 0, gzip: 0, brotli: 0 });
  for (const { kind, url, body } of bodies) {
    const bytes = await body;
    const row = rows.get(kind)!;
    row.files += 1;
    row.raw += bytes.length;
    row.gzip += gzip(bytes);
    row.brotli += kind === "html" ? brotli(bytes) : await servedBrotli(url);
  }
  const total = { files: 0, raw: 0, gzip: 0, brotli: 0 };
  const line = (name: string, r: Row) =>
    `  ${name.padEnd(6)} ${String(r.files).padStart(5)} ${String(r.raw).padStart(10)} ${String(r.gzip).padStart(10)} ${String(r.brotli).padStart(10)}`;
  const report = [`first load of ${path} (bytes)`, `  ${"type".padEnd(6)} ${"files".padStart(5)} ${"raw".padStart(10)} ${"gzip -9".padStart(10)} ${"brotli".padStart(10)}`];
  for (const [kind, row] of rows) {
    report.push(line(kind, row));
    total.files += row.files;
    total.raw += row.raw;
    total.gzip += row.gzip;
    total.brotli += row.brotli;
  }
  report.push(line("total", total));
  const share = ((100 * total.brotli) / budgetBytes).toFixed(1);
  report.push(`  budget ${budgetBytes} brotli bytes: ${total.brotli} used (${share} %)`);
  console.log(report.join("\n"));
  return { rows, total, urls: bodies.map((b) => new URL(b.url).pathname) };
}

test("first load of /integrations stays within its byte budget", async ({ signedIn, page }) => {
  const { rows, total, urls } = await firstLoad(page, "/integrations", budget.marketplace_first_load_brotli_bytes);
  expect(rows.get("html")!.files, "the page itself").toBe(1);
  expect(urls.filter((url) => url.startsWith("/vendor/")), "cobalt-js waits for a connection").toEqual([]);
  expect(urls.filter((url) => url.endsWith(".wasm")), "the marketplace's bundle only").toEqual(["/pkg/marketplace.wasm"]);
  expect(total.brotli, "total brotli bytes of the first load").toBeLessThanOrEqual(budget.marketplace_first_load_brotli_bytes);
});

test("first load of a connected app's page stays within its byte budget", async ({ signedIn, page }) => {
  await connectOAuth(signedIn.accountId, "hubspot");
  const { rows, total, urls } = await firstLoad(page, "/integrations/hubspot", budget.detail_first_load_brotli_bytes);
  expect(rows.get("html")!.files, "the page itself").toBe(1);
  await expect(page.getByRole("button", { name: "Save configuration" }), "a configurable app").toBeVisible();
  expect(urls.filter((url) => url.startsWith("/vendor/")), "cobalt-js waits for a connection").toEqual([]);
  expect(urls.filter((url) => url.endsWith(".wasm")), "the detail page's bundle only").toEqual(["/pkg/detail.wasm"]);
  expect(total.brotli, "total brotli bytes of the first load").toBeLessThanOrEqual(budget.detail_first_load_brotli_bytes);
});

/** Milliseconds from navigation start to the mark /boot.js sets after the last island, median of 10. */
async function medianToHydrated(page: Page, path: string): Promise<{ median: number; min: number; max: number }> {
  const times: number[] = [];
  for (let i = 0; i < 10; i++) {
    await page.goto(path);
    await page.locator("body[data-hydrated]").waitFor({ state: "attached" });
    times.push(await page.evaluate(() => performance.getEntriesByName("hydrated")[0].startTime));
  }
  times.sort((a, b) => a - b);
  return { median: (times[4] + times[5]) / 2, min: times[0], max: times[9] };
}

test("navigation to hydrated: the median of 10 loads, against a page without wasm @bench", async ({ signedIn, page }) => {
  await connectOAuth(signedIn.accountId, "hubspot");
  // The same shell, stylesheet and boot script, and no wasm: what the browser costs anyway.
  const baseline = await medianToHydrated(page, "/signed-out");
  const lines = [`navigation to data-hydrated over 10 loads (median, min, max; ratio to the page without wasm)`];
  const show = (name: string, t: { median: number; min: number; max: number }) =>
    `  ${name.padEnd(24)} ${t.median.toFixed(1).padStart(7)} ms ${t.min.toFixed(1).padStart(7)} ${t.max.toFixed(1).padStart(7)}  ${(t.median / baseline.median).toFixed(2)}×`;
  lines.push(show("/signed-out (no wasm)", baseline));
  for (const path of ["/integrations", "/integrations/hubspot"]) {
    const timing = await medianToHydrated(page, path);
    lines.push(show(path, timing));
    expect(timing.median).toBeGreaterThan(0);
  }
  console.log(lines.join("\n"));
});

const hostURL = process.env.HOST_URL ?? "http://localhost:3402";

test("the host SDK stays within its byte budget, and what the frame's bridge adds", async ({ page }) => {
  const sizes = async (path: string) => {
    const body = await (await page.request.get(path)).body();
    return { raw: body.length, gzip: gzip(body), brotli: brotli(body) };
  };
  const sdk = await sizes("/sdk/itab-1.js");
  const bridge = await sizes("/frame.js");
  console.log(
    [
      "embedding (bytes: raw, gzip -9, brotli 11)",
      `  host SDK /sdk/itab-1.js        ${sdk.raw} ${sdk.gzip} ${sdk.brotli} (budget ${budget.host_sdk_brotli_bytes} brotli)`,
      `  frame bridge /frame.js         ${bridge.raw} ${bridge.gzip} ${bridge.brotli} (framed sessions only)`,
    ].join("\n"),
  );
  expect(sdk.brotli).toBeLessThanOrEqual(budget.host_sdk_brotli_bytes);
});

test("mount to ready in the host's frame, against a top-level load of the same page (median of 10) @bench", async ({ signedIn, page }) => {
  const user = `timing-${Date.now()}`;
  const mounts: number[] = [];
  for (let i = 0; i < 10; i++) {
    await page.goto(`${hostURL}/?user=${user}`);
    await expect.poll(() => page.evaluate(() => (window as unknown as { readyAfterMs?: number }).readyAfterMs)).toBeGreaterThan(0);
    mounts.push(await page.evaluate(() => (window as unknown as { readyAfterMs: number }).readyAfterMs));
  }
  mounts.sort((a, b) => a - b);
  const mount = { median: (mounts[4] + mounts[5]) / 2, min: mounts[0], max: mounts[9] };
  const top = await medianToHydrated(page, "/integrations");
  console.log(
    [
      "the tab in a host page: IntegrationsTab.mount() to `ready` (token, /embed, page, hydration), median of 10",
      `  mount to ready             ${mount.median.toFixed(1).padStart(7)} ms (min ${mount.min.toFixed(1)}, max ${mount.max.toFixed(1)})`,
      `  top-level /integrations    ${top.median.toFixed(1).padStart(7)} ms (navigation to hydrated)`,
      `  ratio                      ${(mount.median / top.median).toFixed(2)}×`,
    ].join("\n"),
  );
  expect(mount.median).toBeGreaterThan(0);
});

const OAUTH_APPS = [
  ["hubspot", "HubSpot"],
  ["salesforce", "Salesforce"],
  ["slack", "Slack"],
  ["google-sheets", "Google Sheets"],
  ["quickbooks", "QuickBooks Online"],
] as const;

test("what a connect adds, and click-to-Connected over 5 OAuth connects @bench", async ({ signedIn, page, context }) => {
  test.setTimeout(120_000);
  const times: number[] = [];
  let added: { path: string; bytes: number }[] = [];
  for (const [index, [slug, name]] of OAUTH_APPS.entries()) {
    await page.goto(`/integrations/${slug}`);
    await page.locator("body[data-hydrated]").waitFor({ state: "attached" });
    const responses: Promise<{ path: string; bytes: number }>[] = [];
    const record = (response: import("@playwright/test").Response) => {
      // The live status stream never ends (its size would never resolve) and is no part of a connect.
      if (new URL(response.url()).pathname === "/events") return;
      responses.push(
        response
          .request()
          .sizes()
          .then((sizes) => ({ path: new URL(response.url()).pathname, bytes: sizes.responseBodySize + sizes.responseHeadersSize })),
      );
    };
    page.on("response", record);
    const popupOpened = page.waitForEvent("popup");
    const connect =
      slug === "quickbooks" ? page.getByRole("link", { name: "Connect to QuickBooks" }) : page.getByRole("link", { name: `Connect ${name}` });
    const start = Date.now();
    await connect.click();
    const popup = await popupOpened;
    await popup.getByRole("button", { name: "Allow" }).click();
    await page.getByText(`${name} is connected.`).waitFor();
    times.push(Date.now() - start);
    page.off("response", record);
    // The first connect of the page load is the one that loads cobalt-js.
    if (index === 0) {
      added = (await Promise.all(responses)).filter((r) => !r.path.startsWith(`/integrations/${slug}`) && !r.path.startsWith("/pkg/"));
    }
  }
  const byKind = (match: (path: string) => boolean) => added.filter((r) => match(r.path)).reduce((sum, r) => sum + r.bytes, 0);
  const sdk = byKind((p) => p.startsWith("/vendor/"));
  const ours = byKind((p) => p.startsWith("/api/"));
  const cobalt = byKind((p) => !p.startsWith("/vendor/") && !p.startsWith("/api/"));
  console.log(
    [
      "bytes a connect adds to the page (on the wire, headers included, first connect of a page load)",
      `  cobalt-js module        ${String(sdk).padStart(7)}`,
      `  our server functions   ${String(ours).padStart(7)}`,
      `  Cobalt API (SDK calls) ${String(cobalt).padStart(7)}`,
      `  total                  ${String(sdk + ours + cobalt).padStart(7)}`,
    ].join("\n"),
  );
  times.sort((a, b) => a - b);
  console.log(
    `click on Connect to Connected (sandbox, consent answered at once), ${times.length} OAuth apps: median ${times[2]} ms (min ${times[0]}, max ${times[4]})`,
  );
  expect(sdk, "cobalt-js loaded on demand").toBeGreaterThan(0);
  expect(context.pages()).toHaveLength(1);
});
