// The tab's side of the host protocol (version 1; the host's side is /sdk/itab-1.js, and the
// README lists every message). Loaded only for a session opened in another site's frame. It
// talks to one origin: the site framing the tab, if it is one of EMBED_ORIGINS (the script's
// data-origins); messages go only there and are taken only from there. What it reports is
// read from the server-rendered page (elements with data-event, the cards' data-status), so
// the wasm bundles carry none of it.
const PROTOCOL = 1;
const script = document.querySelector("script[data-frame]");
const allowed = (script.dataset.origins || "").split(" ").filter(Boolean);
// Browsers that block third-party storage throw on any use of it: the host is then read from
// the frame's ancestors or referrer alone.
const stored = (use) => {
  try {
    return use(sessionStorage);
  } catch {
    return null;
  }
};
const remembered = stored((storage) => storage.getItem("itab-host"));
const referrer = document.referrer ? new URL(document.referrer).origin : null;
const host = window.parent === window ? null
  : [location.ancestorOrigins?.[0], remembered, referrer].find((origin) => allowed.includes(origin));
const app = location.pathname.match(/^\/integrations\/([^/]+)/)?.[1];
let warned = false;

function ignore(what) {
  if (!warned) console.warn(`integrations tab: ignored ${what}`);
  warned = true;
}

function post(type, fields) {
  parent.postMessage({ itab: PROTOCOL, type, ...fields }, host);
}

if (!host) {
  if (window.parent !== window) ignore("the frame's host: it is not one of EMBED_ORIGINS");
} else {
  stored((storage) => storage.setItem("itab-host", host));
  start();
}

function start() {
  // Outcomes the server (or an island) rendered with data-event, each reported once.
  const reported = new WeakSet();
  const report = (element) => {
    if (reported.has(element)) return;
    reported.add(element);
    const { event, reason, message } = element.dataset;
    if (reason) post(event, message ? { reason, message } : { reason });
    else post(event, { app: element.dataset.app || app });
  };
  const scan = (node) => {
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    if (node.matches("[data-event]")) report(node);
    node.querySelectorAll("[data-event]").forEach(report);
  };

  let height = 0;
  new ResizeObserver(() => {
    const now = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (now !== height) post("height", { height: (height = now) });
  }).observe(document.documentElement);

  // The marketplace's counts, again whenever a pushed status changes a card.
  const cards = document.querySelectorAll(".card[data-status]");
  let counted = "";
  const count = () => {
    const statuses = [...cards].map((card) => card.dataset.status);
    const counts = {
      connected: statuses.filter((s) => s === "Connected" || s === "NeedsSetup").length,
      needsAttention: [...cards].filter((card) => "attention" in card.dataset).length,
      total: statuses.length,
    };
    if (JSON.stringify(counts) !== counted) post("status", counts);
    counted = JSON.stringify(counts);
  };

  // The host's theme and brand colour: kept in the frame's own (partitioned) cookies, so the
  // server renders them from the next page's first paint.
  const keep = (name, value) => {
    document.cookie = `${name}=${encodeURIComponent(value)}; path=/; max-age=31536000; samesite=none; secure; partitioned`;
  };
  const root = document.documentElement;
  new MutationObserver(() => {
    const theme = root.dataset.theme;
    if (theme) keep("theme", theme);
    document.querySelector(".theme-toggle")?.setAttribute("aria-pressed", String(theme === "dark"));
  }).observe(root, { attributes: true, attributeFilter: ["data-theme"] });

  let timers = [];
  const schedule = (seconds) => {
    timers.forEach(clearTimeout);
    // Beyond 2^31 - 1 ms a timer fires at once: a session that long outlives the page anyway.
    if (seconds * 1000 > 2 ** 31 - 1) return;
    const lead = Math.min(60, seconds / 2);
    timers = [
      setTimeout(() => post("session-expiring", { expiresIn: Math.round(lead) }), (seconds - lead) * 1000),
      setTimeout(() => post("session-expired", { reason: "expired" }), seconds * 1000),
    ];
  };

  async function renew(token) {
    const answer = await fetch("/embed/session", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ token }),
    });
    if (answer.ok) schedule((await answer.json()).expiresIn);
    else post("error", { reason: "token-refused", message: await answer.text() });
  }

  window.addEventListener("message", (event) => {
    const message = event.data;
    const ours = event.source === parent || (message && message.itab !== undefined);
    if (!ours) return;
    if (event.origin !== host || event.source !== parent || message?.itab !== PROTOCOL) {
      return ignore(`a message from ${event.origin}`);
    }
    if (message.type === "navigate") {
      const slug = message.app;
      if (slug === null) location.assign("/integrations");
      else if (typeof slug === "string" && /^[a-z0-9_-]{1,64}$/.test(slug)) location.assign(`/integrations/${slug}`);
    } else if (message.type === "theme") {
      if (message.theme === "light" || message.theme === "dark") root.dataset.theme = message.theme;
      if (/^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(message.brand)) {
        root.style.setProperty("--brand", message.brand);
        keep("brand", message.brand);
      }
    } else if (message.type === "token" && typeof message.token === "string") {
      renew(message.token).catch((error) => post("error", { reason: "token-refused", message: String(error) }));
    } else {
      ignore(`a message of type ${message.type}`);
    }
  });

  // The page's outcomes and the session's timers need no wasm: they start at once. The markers
  // the server put in the address (`status=`, `from=embed`, `saved=`…) go, once reported, so
  // a reload neither reports them again nor mistakes an ended session for blocked cookies.
  scan(document.body);
  const address = new URL(location.href);
  for (const marker of ["status", "slug", "from", "saved", "created", "reset", "deleted"]) {
    address.searchParams.delete(marker);
  }
  if (address.href !== location.href) history.replaceState(history.state, "", address);
  if (script.dataset.expiresIn) schedule(Number(script.dataset.expiresIn));
  new MutationObserver((changes) => {
    changes.forEach((change) => change.addedNodes.forEach(scan));
    if (cards.length) count();
  }).observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ["data-status", "data-attention"] });
  if (cards.length) count();

  const ready = () => post("ready", { page: location.pathname, app });
  if (document.body.hasAttribute("data-hydrated")) ready();
  else {
    new MutationObserver((_, observer) => {
      if (!document.body.hasAttribute("data-hydrated")) return;
      observer.disconnect();
      ready();
    }).observe(document.body, { attributes: true, attributeFilter: ["data-hydrated"] });
  }
}
