import { readFileSync } from "node:fs";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { test, expect } from "./fixtures";

// The first-load byte report: every HTML, CSS, JS and wasm response of a cold load of
// /integrations, measured raw, gzip -9 and brotli -q 11, against the budget in
// ../size-budget.json (total brotli bytes).
type Kind = "html" | "css" | "js" | "wasm";
const budget: { total_brotli_bytes: number } = JSON.parse(
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

test("first load of /integrations stays within the byte budget", async ({ signedIn, page }) => {
  const bodies: { kind: Kind; url: string; body: Promise<Buffer> }[] = [];
  page.on("response", (response) => {
    const kind = kindOf(response.url(), response.headers()["content-type"] ?? "");
    if (kind && response.status() === 200) bodies.push({ kind, url: response.url(), body: response.body() });
  });
  await page.goto("/integrations");
  await page.locator("body[data-hydrated]").waitFor({ state: "attached" });
  await page.waitForLoadState("networkidle");

  const rows = new Map<Kind, { files: number; raw: number; gzip: number; brotli: number }>();
  for (const kind of ["html", "css", "js", "wasm"] as Kind[]) rows.set(kind, { files: 0, raw: 0, gzip: 0, brotli: 0 });
  for (const { kind, body } of bodies) {
    const bytes = await body;
    const row = rows.get(kind)!;
    row.files += 1;
    row.raw += bytes.length;
    row.gzip += gzip(bytes);
    row.brotli += brotli(bytes);
  }
  const total = { files: 0, raw: 0, gzip: 0, brotli: 0 };
  const line = (name: string, r: typeof total) =>
    `  ${name.padEnd(6)} ${String(r.files).padStart(5)} ${String(r.raw).padStart(10)} ${String(r.gzip).padStart(10)} ${String(r.brotli).padStart(10)}`;
  const report = ["first load of /integrations (bytes)", `  ${"type".padEnd(6)} ${"files".padStart(5)} ${"raw".padStart(10)} ${"gzip -9".padStart(10)} ${"brotli 11".padStart(10)}`];
  for (const [kind, row] of rows) {
    report.push(line(kind, row));
    total.files += row.files;
    total.raw += row.raw;
    total.gzip += row.gzip;
    total.brotli += row.brotli;
  }
  report.push(line("total", total));
  const share = ((100 * total.brotli) / budget.total_brotli_bytes).toFixed(1);
  report.push(`  budget ${budget.total_brotli_bytes} brotli bytes: ${total.brotli} used (${share} %)`);
  console.log(report.join("\n"));

  expect(rows.get("html")!.files, "the page itself").toBe(1);
  expect(bodies.filter((b) => b.url.includes("/vendor/")), "cobalt-js waits for a connection").toEqual([]);
  expect(rows.get("wasm")!.files, "the islands' wasm").toBe(1);
  expect(total.brotli, "total brotli bytes of the first load").toBeLessThanOrEqual(budget.total_brotli_bytes);
});

test("navigation to hydrated: the median of 10 loads of /integrations", async ({ signedIn, page }) => {
  const times: number[] = [];
  for (let i = 0; i < 10; i++) {
    await page.goto("/integrations");
    await page.locator("body[data-hydrated]").waitFor({ state: "attached" });
    // Milliseconds from navigation start to the mark /boot.js sets after the last island.
    times.push(await page.evaluate(() => performance.getEntriesByName("hydrated")[0].startTime));
  }
  times.sort((a, b) => a - b);
  const median = (times[4] + times[5]) / 2;
  console.log(`navigation to data-hydrated over 10 loads: median ${median.toFixed(1)} ms (min ${times[0].toFixed(1)}, max ${times[9].toFixed(1)})`);
  expect(median).toBeGreaterThan(0);
});

const OAUTH_APPS = [
  ["hubspot", "HubSpot"],
  ["salesforce", "Salesforce"],
  ["slack", "Slack"],
  ["google-sheets", "Google Sheets"],
  ["quickbooks", "QuickBooks Online"],
] as const;

test("what a connect adds, and click-to-Connected over 5 OAuth connects", async ({ signedIn, page, context }) => {
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
