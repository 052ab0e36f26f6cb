// Drives the Cobalt sandbox's own API and admin API from tests: connections, faults, lookups.
import { expect } from "@playwright/test";

const sandboxURL = process.env.SANDBOX_URL ?? "http://127.0.0.1:3401";
const apiKey = "tk_sandbox_local";

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<unknown> {
  const response = await fetch(`${sandboxURL}${path}`, {
    method,
    headers: { "x-api-key": apiKey, "content-type": "application/json", ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
    // A call that never answers fails here, naming its route, instead of as a bare test timeout.
    signal: AbortSignal.timeout(10_000),
  }).catch((error: unknown) => {
    throw new Error(`${method} ${path}: ${error}`);
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  const text = await response.text();
  return text ? JSON.parse(text) : null;
}

/** The linked account id that sign-up created for `email` (kept in the account's `udf`). The
 *  sandbox filters by it: a page of all accounts, ordered by id, would miss the newest once a
 *  run (or a server kept across runs) has made more than a page of them. */
export async function accountIdFor(email: string): Promise<string> {
  const query = new URLSearchParams({ env_variable_name: "email", env_variable_value: email });
  const page = (await call("GET", `/api/v2/public/linked-account?${query}`)) as { docs: { account_id: string }[] };
  if (page.docs.length !== 1) throw new Error(`${page.docs.length} linked accounts for ${email}, not 1`);
  return page.docs[0].account_id;
}

/** Connects a key-based app for the account, as if the user had entered valid credentials. */
export async function connectKeyBased(accountId: string, slug: string, credentials: Record<string, string>): Promise<void> {
  await call("PUT", `/api/v2/public/linked-account/integration/save-key-credentials/${slug}`, credentials, {
    linked_account_id: accountId,
  });
  await webhookHandled(accountId, slug, "Connection Created");
}

/** Expires the account's connection at Cobalt (the provider saying `reason`, if given); the
 *  tab learns it from the webhook. */
export async function expireConnection(accountId: string, slug: string, reason?: string): Promise<void> {
  await call("POST", "/_sandbox/connections/expire", { linked_account_id: accountId, slug, reason });
  await webhookHandled(accountId, slug, "Connection Expired");
}

/** The account's next `count` calls matching `path` (a glob) answer `status` and/or wait
 *  `latency_ms`. Only that account's: the tests running beside it use accounts of their own. */
export async function injectFault(
  accountId: string,
  fault: { path: string; method?: string; status?: number; latency_ms?: number; count?: number },
): Promise<void> {
  await call("POST", "/_sandbox/faults", { ...fault, linked_account_id: accountId });
}

/** Clears the account's faults and no one else's. */
export async function clearFaults(accountId: string): Promise<void> {
  await call("DELETE", `/_sandbox/faults?${new URLSearchParams({ linked_account_id: accountId })}`);
}

/** Revokes every session token of the account, as if Cobalt had invalidated them. */
export async function revokeTokens(accountId: string): Promise<void> {
  await call("POST", "/_sandbox/tokens/revoke", { linked_account_id: accountId });
}

/** Whether the app is connected (and needs no reconnect) for the account, as Cobalt says. */
export async function isConnected(accountId: string, slug: string): Promise<boolean> {
  const app = (await call("GET", `/api/v2/public/application/${slug}`, undefined, { linked_account_id: accountId })) as {
    connected?: boolean;
    reauth_required?: boolean;
  };
  return app.connected === true && !app.reauth_required;
}

/** Creates a named configuration of the app for the account. */
export async function createConfig(accountId: string, slug: string, configId: string): Promise<void> {
  await call("POST", "/api/v2/public/config", { slug, config_id: configId, labels: [] }, { linked_account_id: accountId });
}

/** The ids of the account's configurations of the app. */
export async function configIds(accountId: string, slug: string): Promise<string[]> {
  const ids = (await call("GET", `/api/v2/public/slug/${slug}/configs`, undefined, { linked_account_id: accountId })) as {
    config_id: string;
  }[];
  return ids.map((id) => id.config_id);
}

/** Connects an OAuth app for the account by answering the sandbox's consent page with Allow. */
export async function connectOAuth(accountId: string, slug: string): Promise<void> {
  const { auth_url } = (await call("GET", `/api/v2/public/linked-account/integration/oauth-url/${slug}`, undefined, {
    linked_account_id: accountId,
  })) as { auth_url: string };
  const state = new URL(auth_url).searchParams.get("state") ?? "";
  const response = await fetch(`${sandboxURL}/emulator/oauth/${slug}/authorize`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ state, decision: "allow" }),
  });
  if (!response.ok) throw new Error(`consent for ${slug}: ${response.status}`);
  await webhookHandled(accountId, slug, "Connection Created");
}

/** Waits until the tab has taken the sandbox's webhook for this change: when a connection is
 *  made or expires behind the browser's back, only the webhook clears the tab's cached catalog,
 *  and a page loaded before it arrives shows the old state. A failed delivery fails here, not
 *  later on a stale page. */
async function webhookHandled(accountId: string, slug: string, event: string): Promise<void> {
  const status = async () => {
    const { deliveries } = (await call("GET", "/_sandbox/webhooks")) as {
      deliveries: { linked_account_id: string; slug: string; event: string; status: string }[];
    };
    return deliveries.find((d) => d.linked_account_id === accountId && d.slug === slug && d.event === event)?.status;
  };
  await expect.poll(status, { message: `the ${event} webhook for ${slug}`, timeout: 5000 }).toBe("delivered");
}
