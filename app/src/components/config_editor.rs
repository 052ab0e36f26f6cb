//! The configuration form, hydrated. The form itself is rendered on the server (it posts and
//! saves without JavaScript, see `pages::configuration`); this island only listens to it:
//!
//! - JSON is checked as it is typed and formatted once left; a field showing a problem is
//!   checked again as it is typed, so the problem goes as soon as it is fixed; the sentences
//!   are the server's own ([`text_problem`]);
//! - Save checks every field in use, then sends the form through [`submit_config`], the same
//!   checks and save as the form's post; the button shows it is pending, the outcome is
//!   announced, and a failure keeps every value;
//! - a dynamic select fetches its options ([`select_options`]) when first focused, a dependent
//!   one whenever its parent changes (clearing a choice that no longer fits); answers are
//!   cached per field and parent value, and a late answer never overwrites a newer one;
//! - unsaved changes: leaving through a link asks first, and so does unloading the page.
//!
//! It works on the server-rendered DOM (see `form_dom`) instead of rendering the fields
//! itself, which keeps every field type out of the wasm.
//!
//! [`text_problem`]: crate::model::config_form::text_problem
//! [`submit_config`]: crate::api::submit_config
//! [`select_options`]: crate::api::select_options

use leptos::prelude::*;

/// Wraps the configuration section (status, switcher and form) of one config: `config_id` is
/// a named configuration, `None` for the account's default one.
#[component]
pub fn ConfigEditor(
    slug: String,
    config_id: Option<String>,
    /// How many fields the form has: the most problems a save can find. The alert's sentence
    /// for each count is rendered here, for the island (the browser cannot choose plurals);
    /// without it, the island words the alert from the browser's table.
    #[prop(optional)]
    fields: usize,
    children: Children,
) -> impl IntoView {
    let problems =
        (fields > 0).then(|| crate::i18n::counted(crate::model::config_form::PROBLEMS, fields));
    view! {
        <Editor>
            <div class="config-editor" data-slug=slug data-config=config_id data-counts=problems>
                {children()}
            </div>
        </Editor>
    }
}

/// The island around the server-rendered section: no props (the slug and the configuration
/// are read from the section's `data-` attributes), no view of its own.
#[cfg_attr(any(feature = "ssr", feature = "detail"), island)]
#[cfg_attr(not(any(feature = "ssr", feature = "detail")), component)]
fn Editor(children: Children) -> impl IntoView {
    #[cfg(feature = "hydrate")]
    if let Some(section) =
        crate::components::form_dom::in_page::<web_sys::Element>(".config-editor[data-slug]")
    {
        let slug = section.get_attribute("data-slug").unwrap_or_default();
        let problems = crate::components::form_dom::counted(&section);
        live::Editor::new(slug, section.get_attribute("data-config"), problems).listen();
    }
    children()
}

/// Plain `Rc<RefCell>` state and one window listener for every event: the island is small
/// and lives as long as the page, and each reactive primitive or typed listener would add
/// its own code to the wasm.
#[cfg(feature = "hydrate")]
mod live {
    use std::cell::RefCell;
    use std::rc::Rc;

    use leptos::prelude::*;
    use wasm_bindgen::{JsCast, JsValue};
    use web_sys::{Element, HtmlFormElement, HtmlInputElement, HtmlTextAreaElement};

    use crate::components::form_dom;
    use crate::model::config_form::{
        not_saved_message, problems_sentence, secret_kept, text_problem,
    };
    use crate::model::connect::FieldProblem;

    /// Form names and values, as posted: (value, label) pairs for a select's options.
    type Pairs = Vec<(String, String)>;

    #[derive(Clone)]
    pub struct Editor(Rc<Inner>);

    struct Inner {
        slug: String,
        config_id: Option<String>,
        /// The alert's sentence for each number of problems (see `ConfigEditor`).
        problems: Vec<String>,
        state: RefCell<State>,
    }

    #[derive(Default)]
    struct State {
        /// Changes not saved yet: leaving asks first.
        dirty: bool,
        /// How many edits the form has seen, so a save only marks clean what it sent.
        edits: u32,
        /// A save is under way: Save does nothing more.
        busy: bool,
        /// Options fetched, by (form name, parent value). A handful at most: a list will do.
        cache: Vec<((String, String), Pairs)>,
        /// The latest options request per select, so an older, slower answer is dropped.
        latest: Vec<(String, u32)>,
        /// The Save button's own label, while it says "Saving…".
        label: Option<String>,
    }

    impl State {
        /// The number of the latest options request of the select `name`.
        fn ticket(&self, name: &str) -> u32 {
            self.latest
                .iter()
                .find(|(n, _)| n == name)
                .map_or(0, |(_, t)| *t)
        }

        /// Numbers a new options request of the select `name`, which makes older ones stale.
        fn next_ticket(&mut self, name: &str) -> u32 {
            let next = self.ticket(name) + 1;
            self.latest.retain(|(n, _)| n != name);
            self.latest.push((name.to_owned(), next));
            next
        }
    }

    impl Editor {
        pub fn new(slug: String, config_id: Option<String>, problems: Vec<String>) -> Self {
            Self(Rc::new(Inner {
                slug,
                config_id,
                problems,
                state: RefCell::default(),
            }))
        }

        /// Listens on the window: the events of the form's controls bubble up to it, and the
        /// page-wide ones (links, unload) are there anyway.
        pub fn listen(self) {
            for name in [
                "submit",
                "input",
                "change",
                "focusin",
                "focusout",
                "click",
                "beforeunload",
            ] {
                let editor = self.clone();
                window_event_listener_untyped(name, move |e| editor.handle(&e));
            }
        }

        fn handle(&self, e: &web_sys::Event) {
            match e.type_().as_str() {
                "submit" => self.submit(e.unchecked_ref()),
                "input" => self.input(e),
                "change" => self.change(e),
                "focusin" => self.focus_in(e),
                "focusout" => self.focus_out(e),
                "click" => self.leave_by_link(e.unchecked_ref()),
                _ if self.dirty() => {
                    e.prevent_default();
                    e.unchecked_ref::<web_sys::BeforeUnloadEvent>()
                        .set_return_value(&crate::t!("config-editor-leave"));
                }
                _ => {}
            }
        }

        fn dirty(&self) -> bool {
            self.0.state.borrow().dirty
        }

        fn set_dirty(&self, dirty: bool) {
            let mut state = self.0.state.borrow_mut();
            state.dirty = dirty;
            if dirty {
                state.edits += 1;
            }
        }

        /// The configuration form, when `target` is in it (a page has one at most).
        fn form_of(&self, target: Option<web_sys::EventTarget>) -> Option<HtmlFormElement> {
            let element: Element = target?.dyn_into().ok()?;
            element.closest("form.config-form").ok()??.dyn_into().ok()
        }

        /// The `.field` holding `target`, with the form it is in.
        fn field_of(
            &self,
            target: Option<web_sys::EventTarget>,
        ) -> Option<(HtmlFormElement, Element)> {
            let form = self.form_of(target.clone())?;
            let element: Element = target?.dyn_into().ok()?;
            let field = element.closest(".field[data-field]").ok()??;
            Some((form, field))
        }

        fn submit(&self, e: &web_sys::SubmitEvent) {
            let Some(form) = self.form_of(e.target()) else {
                return;
            };
            // Reset and Delete post to their own action, after their disclosure asked.
            if e.submitter().is_some_and(|b| b.has_attribute("formaction")) {
                self.set_dirty(false);
                return;
            }
            e.prevent_default();
            if self.0.state.borrow().busy {
                return;
            }
            let values = form_dom::form_values(&form);
            let problems: Vec<FieldProblem> = form_dom::fields(&form)
                .iter()
                .filter_map(|field| {
                    Some(FieldProblem {
                        field: field.get_attribute("data-field")?,
                        message: problem_of(field, &values)?,
                    })
                })
                .collect();
            if !problems.is_empty() {
                self.refuse(&form, &problems);
                return;
            }
            show_alert(&form, None);
            // The last outcome goes, so the next one is announced (and never read as this one's).
            self.announce("", "");
            let edits = {
                let mut state = self.0.state.borrow_mut();
                state.busy = true;
                state.edits
            };
            self.pending(&form, true);
            let editor = self.clone();
            leptos::task::spawn_local(async move {
                let result = crate::api::client::submit_config(
                    &editor.0.slug,
                    editor.0.config_id.as_deref(),
                    &values,
                )
                .await;
                editor.0.state.borrow_mut().busy = false;
                editor.pending(&form, false);
                match result {
                    Ok(problems) if problems.is_empty() => {
                        form_dom::show_problems(&form, &[]);
                        // What was typed during the save is still unsaved.
                        if editor.0.state.borrow().edits == edits {
                            editor.set_dirty(false);
                        }
                        secrets_saved(&form, &values);
                        editor.announce("success", &crate::t!("config-editor-saved"));
                    }
                    Ok(problems) => editor.refuse(&form, &problems),
                    Err(error) => {
                        show_alert(&form, Some(&not_saved_message(&error)));
                        editor.announce("", "");
                    }
                }
            });
        }

        /// Shows what to fix, and moves the focus to the first of them.
        fn refuse(&self, form: &HtmlFormElement, problems: &[FieldProblem]) {
            form_dom::show_problems(form, problems);
            // Past the counts the server rendered (see `ConfigEditor`), the sentence comes from
            // the browser's table, which cannot choose a plural form.
            let count = problems.len();
            let sentence = self.0.problems.get(count).cloned();
            show_alert(
                form,
                Some(&sentence.unwrap_or_else(|| problems_sentence(count))),
            );
            self.announce("", "");
            if let Some(first) = problems.first() {
                form_dom::focus_field(form, &first.field);
            }
        }

        fn input(&self, e: &web_sys::Event) {
            let Some((_, field)) = self.field_of(e.target()) else {
                if self.form_of(e.target()).is_some() {
                    self.set_dirty(true);
                }
                return;
            };
            self.set_dirty(true);
            // JSON is checked as it is typed; other fields once they show a problem, so it
            // goes away as soon as it is fixed.
            let shown = form_dom::shows_problem(&field);
            if shown || field.get_attribute("data-kind").as_deref() == Some("json") {
                self.recheck(&field);
            }
        }

        fn change(&self, e: &web_sys::Event) {
            let Some(form) = self.form_of(e.target()) else {
                return;
            };
            self.set_dirty(true);
            let Some(name) = e
                .target()
                .and_then(|t| t.dyn_into::<Element>().ok())
                .and_then(|t| t.get_attribute("name"))
            else {
                return;
            };
            let selector = format!(".field[data-parent=\"{name}\"]");
            if let Ok(children) = form.query_selector_all(&selector) {
                for i in 0..children.length() {
                    if let Some(child) = children.item(i).and_then(|c| c.dyn_into().ok()) {
                        self.load_options(&form, child, true);
                    }
                }
            }
        }

        fn focus_in(&self, e: &web_sys::Event) {
            let Some((form, field)) = self.field_of(e.target()) else {
                return;
            };
            let is_select = e
                .target()
                .and_then(|t| t.dyn_into::<Element>().ok())
                .is_some_and(|t| t.tag_name() == "SELECT");
            if is_select && field.has_attribute("data-live") {
                self.load_options(&form, field, false);
            }
        }

        /// Formats JSON once left. Leaving a field shows no new problem: the text appearing
        /// would move the control under a pointer that is about to click it.
        fn focus_out(&self, e: &web_sys::Event) {
            if let Some((_, field)) = self.field_of(e.target())
                && field.get_attribute("data-kind").as_deref() == Some("json")
            {
                format_json(&field);
            }
        }

        /// Shows the field's problem, if any, or clears it. An empty field is reported
        /// missing only by Save, or once it already shows a problem.
        fn recheck(&self, field: &Element) {
            let Some(form) = self.form_of(Some(field.clone().into())) else {
                return;
            };
            let values = form_dom::form_values(&form);
            let shown = form_dom::shows_problem(field);
            let empty = field_text(field, &values).is_empty();
            let problem = problem_of(field, &values).filter(|_| shown || !empty);
            form_dom::mark(field, problem.as_deref());
        }

        /// Fetches the options of a dynamic or dependent select for the form as it stands
        /// (once per parent value), then puts them in. `announce`: say so if the choice was
        /// cleared because it no longer fits.
        fn load_options(&self, form: &HtmlFormElement, field: Element, announce: bool) {
            let Some(name) = field.get_attribute("data-field") else {
                return;
            };
            // Only the parent's value goes to the server: it is all the options depend on.
            let values: Vec<(String, String)> = field
                .get_attribute("data-parent")
                .and_then(|parent| {
                    form_dom::form_values(form)
                        .into_iter()
                        .find(|(k, _)| *k == parent)
                })
                .into_iter()
                .collect();
            let parent = values.first().map(|(_, v)| v.clone()).unwrap_or_default();
            let key = (name.clone(), parent);
            let (loaded, ticket) = {
                let mut state = self.0.state.borrow_mut();
                let loaded = state
                    .cache
                    .iter()
                    .find(|(k, _)| *k == key)
                    .map(|(_, c)| c.clone());
                (loaded, state.next_ticket(&name))
            };
            if let Some(choices) = loaded {
                // An older request may still be out: this answer is the field's now.
                let _ = field.remove_attribute("aria-busy");
                // Already current when the field was filled from this answer before.
                if field.get_attribute("data-filled-for").as_deref() != Some(key.1.as_str()) {
                    self.fill(&field, &key.1, &choices, announce);
                }
                return;
            }
            let _ = field.set_attribute("aria-busy", "true");
            let editor = self.clone();
            leptos::task::spawn_local(async move {
                let result = crate::api::client::select_options(
                    &editor.0.slug,
                    editor.0.config_id.as_deref(),
                    &name,
                    &values,
                )
                .await;
                if editor.0.state.borrow().ticket(&name) != ticket {
                    // A newer request owns the field; a good answer is still worth keeping.
                    if let Ok(choices) = result {
                        editor.0.state.borrow_mut().cache.push((key, choices));
                    }
                    return;
                }
                let _ = field.remove_attribute("aria-busy");
                match result {
                    Ok(choices) => {
                        form_dom::mark(&field, None);
                        editor.fill(&field, &key.1, &choices, announce);
                        editor.0.state.borrow_mut().cache.push((key, choices));
                    }
                    // Cobalt's own reason (e.g. the app is no longer connected) as it is.
                    Err(crate::error::AppError::Validation(message)) => {
                        form_dom::mark(&field, Some(&message));
                    }
                    Err(error) => {
                        let message = crate::t!(
                            "config-editor-options-failed",
                            reason = form_dom::sentence(&error)
                        );
                        form_dom::mark(&field, Some(&message));
                    }
                }
            });
        }

        /// Puts `choices` into the field's selects (a map has one per row), keeping what
        /// was chosen where it still fits.
        fn fill(
            &self,
            field: &Element,
            parent: &str,
            choices: &[(String, String)],
            announce: bool,
        ) {
            let document = document();
            let mut cleared = false;
            for select in form_dom::query_all(field, "select") {
                let chosen: Vec<String> = form_dom::query_all(&select, "option:checked")
                    .iter()
                    .filter_map(|o| o.get_attribute("value"))
                    .filter(|v| !v.is_empty())
                    .collect();
                // The empty option ("Choose…", "Not mapped") stays first.
                for option in form_dom::query_all(&select, "option") {
                    if option.get_attribute("value").is_some_and(|v| !v.is_empty()) {
                        option.remove();
                    }
                }
                for (value, label) in choices {
                    let Ok(option) = document.create_element("option") else {
                        continue;
                    };
                    let _ = option.set_attribute("value", value);
                    option.set_text_content(Some(label));
                    if chosen.contains(value) {
                        let _ = option.set_attribute("selected", "");
                    }
                    let _ = select.append_child(&option);
                }
                cleared |= chosen.iter().any(|c| !choices.iter().any(|(v, _)| v == c));
            }
            let _ = field.set_attribute("data-filled-for", parent);
            if cleared && announce {
                let label = field.get_attribute("data-label").unwrap_or_default();
                self.set_dirty(true);
                self.announce("info", &crate::t!("config-editor-cleared", field = label));
            }
        }

        /// Save shows it is under way (and cannot be pressed twice).
        fn pending(&self, form: &HtmlFormElement, on: bool) {
            let Some(button) =
                form_dom::find::<Element>(form, "button[type=submit]:not([formaction])")
            else {
                return;
            };
            if on {
                self.0.state.borrow_mut().label = button.text_content();
                button.set_text_content(Some(&crate::t!("config-editor-saving")));
                let _ = button.set_attribute("aria-disabled", "true");
            } else {
                button.set_text_content(self.0.state.borrow_mut().label.take().as_deref());
                let _ = button.remove_attribute("aria-disabled");
            }
        }

        /// Replaces what the status line says (announced politely); empty clears it.
        fn announce(&self, kind: &str, text: &str) {
            let Some(status) = form_dom::in_page::<Element>(".config-form__status") else {
                return;
            };
            status.set_text_content(None);
            if text.is_empty() {
                return;
            }
            if let Ok(notice) = document().create_element("p") {
                let _ = notice.set_attribute("class", "notice");
                let _ = notice.set_attribute("data-kind", kind);
                if kind == "success" {
                    // Reported to the host by the frame's bridge (`/frame.js`).
                    let _ = notice.set_attribute("data-event", "configured");
                }
                notice.set_text_content(Some(text));
                let _ = status.append_child(&notice);
            }
        }

        /// With unsaved changes, a link that leaves the page asks first; a yes also answers
        /// the unload question.
        fn leave_by_link(&self, e: &web_sys::MouseEvent) {
            if !self.dirty()
                || e.default_prevented()
                || e.button() != 0
                || e.ctrl_key()
                || e.meta_key()
                || e.shift_key()
                || e.alt_key()
            {
                return;
            }
            let Some(link) = e
                .target()
                .and_then(|t| t.dyn_into::<Element>().ok())
                .and_then(|t| t.closest("a[href]").ok().flatten())
                .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
            else {
                return;
            };
            let here = window().location();
            let same_page = link.pathname() == here.pathname().unwrap_or_default()
                && link.search() == here.search().unwrap_or_default()
                && !link.hash().is_empty();
            if same_page || link.has_attribute("download") || !link.target().is_empty() {
                return;
            }
            let leave = crate::t!("config-editor-leave");
            if window().confirm_with_message(&leave).unwrap_or(true) {
                self.set_dirty(false);
            } else {
                e.prevent_default();
            }
        }
    }

    /// What the field holds: its first non-empty value (a map's rows count as its values).
    fn field_text<'a>(field: &Element, values: &'a [(String, String)]) -> &'a str {
        let name = field.get_attribute("data-field").unwrap_or_default();
        let prefix = format!("{name}.");
        values
            .iter()
            .find(|(k, v)| (*k == name || k.starts_with(&prefix)) && !v.trim().is_empty())
            .map(|(_, v)| v.as_str())
            .unwrap_or_default()
    }

    /// The field's problem, the same sentence the server would give. A field of a disabled
    /// workflow has none: it is not posted, and keeps what is stored.
    fn problem_of(field: &Element, values: &[(String, String)]) -> Option<String> {
        if let Some(workflow) = field.closest(".workflow").ok().flatten() {
            let toggle = form_dom::find::<Element>(&workflow, "input[name^=\"t.\"]")?
                .get_attribute("name")?;
            if !values.iter().any(|(k, v)| *k == toggle && v == "true") {
                return None;
            }
        }
        let kind = field.get_attribute("data-kind").unwrap_or_default();
        let label = field.get_attribute("data-label").unwrap_or_default();
        let required = field.has_attribute("data-required");
        text_problem(&kind, &label, required, field_text(field, values))
    }

    /// Pretty-prints a JSON field's text once it is valid, as it will be stored and shown.
    /// The browser's JSON does it (no JSON values in the wasm); it reads numbers as doubles,
    /// so text with a longer run of digits than a double keeps is left as typed.
    fn format_json(field: &Element) {
        let Some(area) = form_dom::find::<HtmlTextAreaElement>(field, "textarea") else {
            return;
        };
        let text = area.value();
        let longest_digits = text
            .split(|c: char| !c.is_ascii_digit())
            .map(str::len)
            .max()
            .unwrap_or(0);
        if longest_digits > 15 {
            return;
        }
        let pretty = js_sys::JSON::parse(&text).ok().and_then(|value| {
            js_sys::JSON::stringify_with_replacer_and_space(&value, &JsValue::NULL, &2.into())
                .ok()?
                .as_string()
        });
        if let Some(pretty) = pretty.filter(|p| *p != text) {
            area.set_value(&pretty);
        }
    }

    /// After a save, the secrets it sent (`values`) are stored: those inputs empty, and say
    /// they keep them. One changed since is left as typed.
    fn secrets_saved(form: &HtmlFormElement, values: &[(String, String)]) {
        for field in form_dom::query_all(form, ".field[data-kind=\"password\"]") {
            let Some(input) = form_dom::find::<HtmlInputElement>(&field, "input") else {
                continue;
            };
            let sent = values
                .iter()
                .any(|(name, value)| *name == input.name() && *value == input.value());
            if sent && !input.value().is_empty() {
                input.set_value("");
                input.set_placeholder(&secret_kept());
                input.set_required(false);
                let _ = field.remove_attribute("data-required");
            }
        }
    }

    /// Shows (or hides) the form's alert.
    fn show_alert(form: &HtmlFormElement, message: Option<&str>) {
        if let Some(alert) = form_dom::find::<Element>(form, ".form-error") {
            alert.set_text_content(message);
            let _ = match message {
                Some(_) => alert.remove_attribute("hidden"),
                None => alert.set_attribute("hidden", ""),
            };
        }
    }
}
