//! A control the signed-in user's role does not allow (see [`crate::model::Role`]): shown
//! disabled, with the sentence that says why, so the page reads the same for everyone and a
//! screen reader hears the reason with the control.

use leptos::prelude::*;

/// A disabled button labelled `label`, described by `why` (given the element id `id`).
#[component]
pub fn Refused(label: String, why: String, id: &'static str) -> impl IntoView {
    view! {
        <div class="refused">
            <button type="button" class="button" disabled=true aria-describedby=id>{label}</button>
            <p class="refused__why" id=id>{why}</p>
        </div>
    }
}
