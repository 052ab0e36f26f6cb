// Starts the page's wasm bundle and hydrates the server-rendered islands once the browser is
// idle, then marks <body data-hydrated> so tests (and styles) know that event handlers are
// attached. A page without islands names no bundle and is marked at once.
// An external module rather than Leptos' inline hydration script, so the page's
// Content-Security-Policy needs no 'unsafe-inline'.
const script = document.querySelector("script[data-js][data-wasm]");

async function hydrateTree(node, mod) {
  for (const child of node.children) {
    if (child.tagName === "LEPTOS-ISLAND") {
      const hydrateIsland = mod[child.dataset.component];
      if (hydrateIsland) {
        await hydrateIsland(child);
      } else {
        console.warn(`no hydration function for island ${child.dataset.component}`);
      }
    }
    await hydrateTree(child, mod);
  }
}

function hydrated() {
  document.body.setAttribute("data-hydrated", "");
  // Lets the performance suite read navigation-to-hydrated time from the browser's own clock.
  performance.mark("hydrated");
}

async function start() {
  const mod = await import(script.dataset.js);
  await mod.default({ module_or_path: script.dataset.wasm });
  // The wasm cannot write `import()` itself (it is syntax, and eval is not allowed by the CSP):
  // the detail bundle loads cobalt-js through this function when a connection starts.
  mod.hydrate((url) => import(url));
  await hydrateTree(document.body, mod);
  hydrated();
}

if (!script) {
  hydrated();
} else {
  const run = () => start().catch((error) => console.error("hydration failed", error));
  if ("requestIdleCallback" in window) {
    window.requestIdleCallback(run, { timeout: 500 });
  } else {
    setTimeout(run, 0);
  }
}
