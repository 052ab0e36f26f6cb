// Drives the Cobalt sandbox's own API and admin API from tests: connections, faults, lookups.
const sandboxURL = process.env.SANDBOX_URL ?? "http://127.0.0.1:3401";
const apiKey = "tk_sandbox_local";

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<unknown> {
  const response = await fetch(`${sandboxURL}${path}`, {
    method,
    headers: { "x-api-key": apiKey, "content-type": "application/json", ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  const text = await response.text();
  return text ? JSON.parse(text) : null;
}

/** The linked account id that sign-up created for `email` (kept in the account's `udf`). */
export async function accountIdFor(email: string): Promise<string> {
  const page = (await call("GET", "/api/v2/public/linked-account?limit=100")) as {
    docs: { account_id: string; udf: { key_name: string; key_value: string }[] }[];
  };
  const account = page.docs.find((doc) => doc.udf.some((u) => u.key_name === "email" && u.key_value === email));
  if (!account) throw new Error(`no linked account for ${email}`);
  return account.account_id;
}

/** Connects a key-based app for the account, as if the user had entered valid credentials. */
export async function connectKeyBased(accountId: string, slug: string, credentials: Record<string, string>): Promise<void> {
  await call("PUT", `/api/v2/public/linked-account/integration/save-key-credentials/${slug}`, credentials, {
    linked_account_id: accountId,
  });
}

export async function expireConnection(accountId: string, slug: string): Promise<void> {
  await call("POST", "/_sandbox/connections/expire", { linked_account_id: accountId, slug });
}

/** The next `count` calls matching `path` (a glob) answer `status`. */
export async function injectFault(fault: { path: string; method?: string; status?: number; latency_ms?: number; count?: number }): Promise<void> {
  await call("POST", "/_sandbox/faults", fault);
}

export async function clearFaults(): Promise<void> {
  await call("DELETE", "/_sandbox/faults");
}
