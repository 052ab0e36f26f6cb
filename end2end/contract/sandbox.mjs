// Starts the cobalt-sandbox binary on an ephemeral port for the contract tests and talks to
// it with the org API key, as a platform's backend would.

import { spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import path from "node:path";

const END2END = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
export const API_KEY = "tk_contract";

/** Spawns the sandbox and resolves once it prints its listening line. */
export async function startSandbox() {
  const bin = path.resolve(END2END, process.env.SANDBOX_BIN ?? "../target/debug/cobalt-sandbox");
  const child = spawn(bin, [], {
    env: { ...process.env, SANDBOX_ADDR: "127.0.0.1:0", SANDBOX_API_KEYS: API_KEY, SANDBOX_STATE_FILE: "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (chunk) => {
    stderr += chunk;
  });
  const lines = createInterface({ input: child.stdout });
  const baseUrl = await new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`${bin} exited with ${code} before listening:\n${stderr}`)));
    lines.once("line", (line) => {
      const match = /^cobalt sandbox listening on (http:\/\/\S+)$/.exec(line);
      if (match) resolve(match[1]);
      else reject(new Error(`unexpected first line from the sandbox: ${line}`));
    });
  });
  child.removeAllListeners("exit");
  return {
    baseUrl,
    /** Stops the sandbox with SIGTERM and resolves with its exit code. */
    async stop() {
      const exited = once(child, "exit");
      child.kill("SIGTERM");
      const [code] = await exited;
      return code;
    },
  };
}

/** Calls the sandbox with the org API key; resolves `{status, body}`. */
export async function api(baseUrl, method, route, body) {
  const response = await fetch(`${baseUrl}${route}`, {
    method,
    headers: { "x-api-key": API_KEY, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

/** Creates a linked account and mints a session token for it, as the platform's server does. */
export async function sessionFor(baseUrl, accountId) {
  const account = await api(baseUrl, "PUT", "/api/v2/public/linked-account", {
    linked_account_id: accountId,
    name: `Contract ${accountId}`,
  });
  if (account.status !== 200) throw new Error(`upsert failed: ${JSON.stringify(account.body)}`);
  const minted = await api(baseUrl, "POST", "/api/v2/public/session-token", { linked_account_id: accountId });
  if (minted.status !== 200) throw new Error(`session token failed: ${JSON.stringify(minted.body)}`);
  return minted.body.token;
}

/**
 * A stand-in for the browser's `window`: `open(url)` plays the user in the popup. It loads the
 * consent page, submits its form with `decision` ("allow" or "deny") as a browser would, and
 * then reports the popup closed, which is what cobalt-js polls for.
 */
export function fakeWindow(decision) {
  const popups = [];
  return {
    popups,
    open(url) {
      const popup = { url, closed: false, outcome: null, error: null, close() { this.closed = true; } };
      popups.push(popup);
      popup.done = (async () => {
        try {
          const page = await (await fetch(url)).text();
          const action = /<form method="post" action="([^"]+)"/.exec(page)?.[1];
          const state = /name="state" value="([^"]+)"/.exec(page)?.[1];
          if (!action || !state) throw new Error(`no consent form in:\n${page}`);
          if (!page.includes(`value="${decision}"`)) throw new Error(`no ${decision} button in:\n${page}`);
          const answer = await fetch(new URL(action, url), {
            method: "POST",
            headers: { "content-type": "application/x-www-form-urlencoded" },
            body: new URLSearchParams({ state, decision }).toString(),
            redirect: "manual",
          });
          popup.outcome = await answer.text();
        } catch (error) {
          popup.error = error;
        } finally {
          popup.closed = true;
        }
      })();
      return popup;
    },
  };
}
