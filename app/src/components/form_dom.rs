//! What the hydrated forms do to their server-rendered fields: read the values, mark the
//! fields to fix, move the focus. The fields follow one shape (see `ConfigFieldView` and
//! `CredentialField`): a `.field` element with `data-field` (the form name), holding the
//! control (id `X`), an optional help text (`X-help`) and the error text (`X-error`,
//! class `field__error`). Working on that DOM, rather than re-rendering the fields from the
//! island, keeps them out of the wasm.

use leptos::prelude::document;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlFormElement};

use crate::model::connect::FieldProblem;

/// The form's values as a submission would post them (checkboxes only when checked).
pub fn form_values(form: &HtmlFormElement) -> Vec<(String, String)> {
    let Ok(data) = web_sys::FormData::new_with_form(form) else {
        return Vec::new();
    };
    js_sys::try_iter(&data)
        .ok()
        .flatten()
        .into_iter()
        .flatten()
        .filter_map(|entry| {
            let pair: js_sys::Array = entry.ok()?.dyn_into().ok()?;
            Some((pair.get(0).as_string()?, pair.get(1).as_string()?))
        })
        .collect()
}

/// Calls `handler` with every `name` event on `target`, for as long as the page lives.
pub fn listen(
    target: &web_sys::EventTarget,
    name: &str,
    handler: impl FnMut(web_sys::Event) + 'static,
) {
    let handler = wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::Event)>::new(handler);
    if target
        .add_event_listener_with_callback(name, handler.as_ref().unchecked_ref())
        .is_ok()
    {
        handler.forget();
    }
}

/// The elements under `root` that match `selector`.
pub fn query_all(root: &Element, selector: &str) -> Vec<Element> {
    let Ok(list) = root.query_selector_all(selector) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into().ok())
        .collect()
}

/// The first element under `root` that matches `selector`, as a `T`.
pub fn find<T: JsCast>(root: &Element, selector: &str) -> Option<T> {
    root.query_selector(selector)
        .ok()
        .flatten()?
        .dyn_into()
        .ok()
}

/// The first element of the page that matches `selector`, as a `T`: how an island without
/// props finds the server-rendered markup it works on.
pub fn in_page<T: JsCast>(selector: &str) -> Option<T> {
    document()
        .query_selector(selector)
        .ok()
        .flatten()?
        .dyn_into()
        .ok()
}

/// Whether a `.field` shows a problem now.
pub fn shows_problem(field: &Element) -> bool {
    find::<Element>(field, "[aria-invalid]").is_some()
}

/// The `.field` elements under `root`.
pub fn fields(root: &Element) -> Vec<Element> {
    query_all(root, ".field[data-field]")
}

/// Shows `problem` by one field (or clears it): the error text, `aria-invalid`, and the
/// control's `aria-describedby` (help and error).
pub fn mark(field: &Element, problem: Option<&str>) {
    let Some(error) = find::<Element>(field, ".field__error") else {
        return;
    };
    error.set_text_content(problem);
    let error_id = error.id();
    let Some(id) = error_id.strip_suffix("-error") else {
        return;
    };
    let Some(control) = document().get_element_by_id(id) else {
        return;
    };
    let help_id = format!("{id}-help");
    let described_by = crate::components::described_by(
        document()
            .get_element_by_id(&help_id)
            .is_some()
            .then_some(help_id.as_str()),
        problem.is_some().then_some(error_id.as_str()),
    );
    let _ = match problem {
        Some(_) => control.set_attribute("aria-invalid", "true"),
        None => control.remove_attribute("aria-invalid"),
    };
    let _ = match described_by {
        Some(ids) => control.set_attribute("aria-describedby", &ids),
        None => control.remove_attribute("aria-describedby"),
    };
}

/// Marks every field under `root` with its problem in `problems`, clearing the others.
pub fn show_problems(root: &Element, problems: &[FieldProblem]) {
    for field in fields(root) {
        let name = field.get_attribute("data-field").unwrap_or_default();
        let problem = problems.iter().find(|p| p.field == name);
        mark(&field, problem.map(|p| p.message.as_str()));
    }
}

/// Moves the focus to the control posted as `name`.
pub fn focus_field(form: &HtmlFormElement, name: &str) {
    if let Some(element) = find::<HtmlElement>(form, &format!("[name=\"{name}\"]")) {
        let _ = element.focus();
    }
}

/// The sentences the server wrote into `element`'s `data-counts` (a JSON array), the one for
/// each count at its index. A sentence with a number is rendered by the server, which knows the
/// plural rules of the page's language; the browser's table of messages does not.
pub fn counted(element: &Element) -> Vec<String> {
    element
        .get_attribute("data-counts")
        .and_then(|json| js_sys::JSON::parse(&json).ok())
        .and_then(|texts| texts.dyn_into::<js_sys::Array>().ok())
        .map(|texts| texts.iter().filter_map(|text| text.as_string()).collect())
        .unwrap_or_default()
}

/// A server-function error as a sentence.
pub fn sentence(error: &crate::error::AppError) -> String {
    let text = error.to_string();
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| format!("{}{}.", first.to_uppercase(), chars.as_str()))
        .unwrap_or(text)
}
