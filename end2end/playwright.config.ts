import { defineConfig, devices } from "@playwright/test";

// The server is started by scripts/test.sh (release build, sandbox mode) on BASE_URL.
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

export default defineConfig({
  testDir: "./tests",
  globalSetup: "./global-setup.ts",
  timeout: 30_000,
  expect: { timeout: 10_000 },
  forbidOnly: !!process.env.CI,
  retries: 0,
  // One worker: the sandbox's fault injection is global, so tests that use it must not overlap others.
  workers: 1,
  reporter: "list",
  projects: [
    // Full experience: server-rendered HTML, then the wasm islands.
    { name: "hydrated", use: chromium, testIgnore: /(size|shared)\.spec\.ts/ },
    // Progressive enhancement: server-rendered HTML and plain form posts only.
    {
      name: "no-js",
      use: { ...chromium, javaScriptEnabled: false },
      grepInvert: /@needs-js/,
      testIgnore: /(size|shared)\.spec\.ts/,
    },
    // The first-load byte report and budget check.
    { name: "size", use: chromium, testMatch: /size\.spec\.ts/ },
    // Two instances sharing state through Redis (scripts/test.sh starts them; run alone).
    { name: "shared", use: chromium, testMatch: /shared\.spec\.ts/ },
  ],
});
