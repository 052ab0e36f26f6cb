// Retry and Stop of an opened run without a reload. Loaded only by a page whose opened run
// offers one of them (see app/src/pages/activity.rs), so no other page pays for it; without it
// (or without JavaScript) the same forms post and the server answers with the page of the new
// or stopped run. Here the post is sent in the background and the Activity section of that
// page replaces this one. Every sentence it shows comes from the page (data-pending,
// data-unknown, data-failed), so it stays in the page's language.
document.addEventListener("submit", async (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || !form.hasAttribute("data-run-action")) return;
  event.preventDefault();
  const button = form.querySelector("button");
  // aria-disabled rather than disabled: the button keeps the keyboard focus.
  if (button.getAttribute("aria-disabled") === "true") return;
  button.setAttribute("aria-disabled", "true");
  button.textContent = form.dataset.pending;
  const say = (text) => {
    const status = form.closest(".run")?.querySelector("[role=status]");
    if (status) status.textContent = text;
  };
  let answer, html;
  try {
    answer = await fetch(form.action, {
      method: "POST",
      body: new URLSearchParams(new FormData(form)),
    });
    html = await answer.text();
  } catch {
    // The post may have been carried out before the answer was lost: a second one could
    // retry the run twice, so the button stays off and the page says how to find out.
    say(form.dataset.unknown);
    return;
  }
  const fresh = answer.ok && new DOMParser().parseFromString(html, "text/html").getElementById("activity");
  const here = document.getElementById("activity");
  if (!answer.ok) {
    // Refused (a role, a limit, a run that is gone): nothing was done.
    say(form.dataset.failed);
    return;
  }
  if (!fresh || !here) {
    // Another page than the one expected (a new sign-in): show it.
    location.assign(answer.url);
    return;
  }
  here.replaceWith(fresh);
  history.replaceState(null, "", answer.url);
  // The outcome is focused, so assistive technology reads it; the run follows it.
  fresh.querySelector(".notice[tabindex]")?.focus();
});
