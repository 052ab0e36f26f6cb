// Retry and Stop of an opened run without a reload. Loaded only by a page whose opened run
// offers one of them (see app/src/pages/activity.rs), so no other page pays for it; without it
// (or without JavaScript) the same forms post and the server answers with the page of the new
// or stopped run. Here the post is sent in the background and the Activity section of that
// page replaces this one. Every sentence it shows comes from the page (data-pending,
// data-offline), so it stays in the page's language.
document.addEventListener("submit", async (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || !form.hasAttribute("data-run-action")) return;
  event.preventDefault();
  const button = form.querySelector("button");
  const label = button.textContent;
  button.disabled = true;
  button.textContent = form.dataset.pending;
  let answer;
  try {
    answer = await fetch(form.action, {
      method: "POST",
      body: new URLSearchParams(new FormData(form)),
    });
  } catch {
    // Nothing came back: say so, and let the user try again.
    button.disabled = false;
    button.textContent = label;
    const status = form.closest(".run")?.querySelector("[role=status]");
    if (status) status.textContent = form.dataset.offline;
    return;
  }
  const page = answer.ok && new DOMParser().parseFromString(await answer.text(), "text/html");
  const fresh = page && page.getElementById("activity");
  const here = document.getElementById("activity");
  if (!fresh || !here) {
    // Not the page we expect (an error page, a new sign-in): show it as it is.
    location.assign(answer.url);
    return;
  }
  here.replaceWith(fresh);
  history.replaceState(null, "", answer.url);
  // The outcome is focused, so assistive technology reads it; the run follows it.
  fresh.querySelector(".notice[tabindex]")?.focus();
});
