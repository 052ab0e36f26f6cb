// Mounts the integrations tab with the host SDK and lists what it reports. The user, role,
// session length, app, theme and language come from this page's query (a demo; see src/main.rs).
const params = new URLSearchParams(location.search);
const who = new URLSearchParams();
for (const name of ["user", "role", "ttl"]) {
  if (params.get(name)) who.set(name, params.get(name));
}

// Every event but `height`, in order, for the list beside the tab (and for tests).
window.tabEvents = [];
const list = document.getElementById("events");
const mountedAt = performance.now();

const tab = IntegrationsTab.mount("#tab", {
  url: document.body.dataset.tab,
  token: `/token?${who}`,
  app: params.get("app") || undefined,
  theme: params.get("theme") || undefined,
  locale: params.get("locale") || undefined,
  // This demo page needs its query (who is signed in) to come back to the same user.
  returnUrl: location.href,
  on: {
    ready() {
      window.readyAfterMs ??= performance.now() - mountedAt;
    },
    event(event) {
      if (event.type === "height") return;
      window.tabEvents.push(event);
      const item = document.createElement("li");
      item.textContent = event.app ? `${event.type} ${event.app}` : event.type;
      list.append(item);
    },
  },
});

document.getElementById("light").addEventListener("click", () => tab.setTheme({ theme: "light" }));
document.getElementById("dark").addEventListener("click", () => tab.setTheme({ theme: "dark" }));
document.getElementById("open-hubspot").addEventListener("click", () => tab.navigate("hubspot"));
