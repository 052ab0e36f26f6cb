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
