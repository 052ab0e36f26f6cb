/*! Integrations tab host SDK 1: mounts the tab in an iframe and speaks its message protocol
(version 1). No dependencies. Types: itab-1.d.ts beside this file. */
(() => {
  const PROTOCOL = 1;

  // Mounts the tab into `target` (an element or a selector). See itab-1.d.ts for the options.
  function mount(target, options) {
    const element = typeof target === "string" ? document.querySelector(target) : target;
    const origin = new URL(options.url).origin;
    const on = options.on || {};
    const frame = document.createElement("iframe");
    frame.title = options.title || "Integrations";
    frame.style.cssText = "display:block;width:100%;border:0;height:" + (options.height || 480) + "px";
    // Back from a consent page that had to leave the frame: open the tab at that app again,
    // with the consent's outcome, and take the markers out of the address bar.
    const here = new URL(location.href);
    const back = here.searchParams.get("itab-connected");
    let outcome = back && (here.searchParams.get("itab-status") || "connected");
    if (back) {
      here.searchParams.delete("itab-connected");
      here.searchParams.delete("itab-status");
      history.replaceState(history.state, "", here);
    }
    // Where such a consent page comes back to: this page without its query and fragment,
    // unless the host names one (they could carry what the host keeps to itself).
    const returnTo = options.returnUrl || location.origin + location.pathname;
    let app = back || options.app;
    let warned = false;

    // The host backend's token: from a function, or fetched from a URL of the host's own
    // (its answer is the token as text, or JSON with a `token`).
    async function token() {
      if (typeof options.token === "function") return options.token();
      const answer = await fetch(options.token, { credentials: "same-origin", cache: "no-store" });
      if (!answer.ok) throw new Error("the token URL answered " + answer.status);
      const text = (await answer.text()).trim();
      return text.startsWith("{") ? JSON.parse(text).token : text;
    }

    function failed(error) {
      const event = { itab: PROTOCOL, type: "error", reason: "token", message: String(error) };
      if (on.error) on.error(event);
      else console.error("integrations tab:", error);
      if (on.event) on.event(event);
    }

    // (Re)opens the tab signed in with a fresh token, at `app` when one is open.
    function open() {
      return token().then((fresh) => {
        const query = new URLSearchParams({ token: fresh });
        if (app) query.set("app", app);
        if (outcome) query.set("status", outcome);
        outcome = null;
        query.set("host", returnTo);
        if (options.theme) query.set("theme", options.theme);
        if (options.brand) query.set("brand", options.brand);
        if (options.locale) query.set("locale", options.locale);
        frame.src = origin + "/embed?" + query;
      }, failed);
    }

    function send(type, fields) {
      if (frame.contentWindow) {
        frame.contentWindow.postMessage(Object.assign({ itab: PROTOCOL, type }, fields), origin);
      }
    }

    function receive(event) {
      if (event.source !== frame.contentWindow) return;
      const message = event.data;
      if (event.origin !== origin || !message || message.itab !== PROTOCOL) {
        if (!warned) console.warn("integrations tab: ignored a message from " + event.origin);
        warned = true;
        return;
      }
      if (message.type === "ready") app = message.app;
      if (message.type === "height") frame.style.height = message.height + "px";
      if (message.type === "session-expiring") {
        token().then((fresh) => send("token", { token: fresh }), failed);
      }
      if (message.type === "session-expired" && message.reason === "expired") open();
      if (on[message.type]) on[message.type](message);
      if (on.event) on.event(message);
    }

    window.addEventListener("message", receive);
    element.appendChild(frame);
    open();
    return {
      frame,
      navigate(slug) {
        send("navigate", { app: slug || null });
      },
      setTheme(theme) {
        send("theme", theme);
      },
      destroy() {
        window.removeEventListener("message", receive);
        frame.remove();
      },
    };
  }

  globalThis.IntegrationsTab = { mount, protocol: PROTOCOL };
})();
