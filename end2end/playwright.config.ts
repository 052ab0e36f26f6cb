import { defineConfig, devices } from "@playwright/test";

// The server is started by scripts/test.sh (the test build, sandbox mode) or scripts/bench.sh
// (release build) on BASE_URL.
const baseURL = process.env.BASE_URL ?? "http://127.0.0.1:3400";

const chromium = {
  ...devices["Desktop Chrome"],
  baseURL,
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    // Without the background-networking flags Chromium keeps dialling Google's hosts, which
    // this closed network refuses.
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  },
};

// Every test signs up an account of its own and scopes its sandbox faults to it, so any two
// tests, of one file or not, run side by side. Tests tagged @alone change what every account
// sees (Cobalt's 429 stops the server's calls for all of them until its Retry-After): they run
// after the others, one at a time, then the byte budgets of `size`, and the timings (@bench)
// come last, with nothing beside them. A failure before them leaves them "did not run".
const alone = /@alone/;
const bench = /@bench/;
const notHere = /(size|shared|embedded)\.spec\.ts/;
const noJs = { ...chromium, javaScriptEnabled: false };

export default defineConfig({
  testDir: "./tests",
  globalSetup: "./global-setup.ts",
  timeout: 30_000,
  expect: { timeout: 10_000 },
  forbidOnly: !!process.env.CI,
  retries: 0,
  // On the 2-core CI machine the suite is CPU-bound (Chromium and the server): a second worker
  // saves about a sixth of the wall time, not half.
  workers: 2,
  fullyParallel: true,
  reporter: "list",
  projects: [
    // Full experience: server-rendered HTML, then the wasm islands.
    { name: "hydrated", use: chromium, testIgnore: notHere, grepInvert: alone },
    // Progressive enhancement: server-rendered HTML and plain form posts only.
    { name: "no-js", use: noJs, testIgnore: notHere, grepInvert: [/@needs-js/, alone] },
    { name: "hydrated-alone", use: chromium, testIgnore: notHere, grep: alone, dependencies: ["hydrated", "no-js", "embedded"], workers: 1 },
    {
      name: "no-js-alone",
      use: noJs,
      testIgnore: notHere,
      grep: alone,
      grepInvert: /@needs-js/,
      dependencies: ["hydrated-alone"],
      workers: 1,
    },
    // The first-load byte report and budget check.
    { name: "size", use: chromium, testMatch: /size\.spec\.ts/, grepInvert: bench, dependencies: ["no-js-alone"], workers: 1 },
    // The browser timings, with nothing beside them: `make bench` runs them against the release
    // server; `make test` does not (its server is the unoptimised test build).
    { name: "timings", use: chromium, testMatch: /size\.spec\.ts/, grep: bench, dependencies: ["size"], workers: 1 },
    // The tab in the example host's page on another site (scripts/test.sh starts the host).
    // The tab is a cross-site (out-of-process) frame: Chromium routes a click into it by the
    // host's last drawn frame, so a click right after Playwright scrolled the host could land
    // where the element was and be lost (a disclosure that never opened, a dialog never shown;
    // seen under load, as in CI). A viewport taller than the host's page with the tab at its
    // tallest means the host never scrolls.
    { name: "embedded", use: { ...chromium, viewport: { width: 1280, height: 2560 } }, testMatch: /embedded\.spec\.ts/ },
    // Two instances sharing state through Redis (scripts/test.sh starts them; run alone).
    { name: "shared", use: chromium, testMatch: /shared\.spec\.ts/ },
  ],
});
