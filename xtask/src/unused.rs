//! JS classes that a dependency exports and no page uses, taken out of each bundle.
//!
//! wasm-bindgen keeps every class that a linked crate exports, used or not. Leptos links
//! server_fn's browser client on wasm, and with it wasm-streams, whose three stream adapters
//! are such classes: their methods stay in the wasm (as exports) and their classes in the JS
//! glue, although the islands call server functions with `fetch` (`app/src/api/client.rs`)
//! and never build a stream. Taking their exports out lets `wasm-opt` drop their code: about
//! 1.2 KB brotli of each bundle, and 0.4 KB of each glue.

use anyhow::{Result, ensure};

/// wasm-streams' adapters, which JS only reaches through objects that Rust code made and
/// handed over (`new ReadableStream(source)`); [`check_unreachable`] proves no code can.
const CLASSES: [&str; 3] = [
    "IntoUnderlyingByteSource",
    "IntoUnderlyingSink",
    "IntoUnderlyingSource",
];

/// Whether a wasm export belongs to one of the classes: its methods are exported as
/// `<class in lower case>_<method>` and its destructor as `__wbg_<class in lower case>_free`.
pub fn is_class_export(name: &str) -> bool {
    let name = name.strip_prefix("__wbg_").unwrap_or(name);
    CLASSES.iter().any(|class| {
        name.strip_prefix(&class.to_lowercase())
            .is_some_and(|rest| rest.starts_with('_'))
    })
}

/// The glue without the classes: each class's declaration, its `Symbol.dispose` wiring and
/// its finalization registry, as wasm-bindgen (the version pinned in `Cargo.toml`) writes
/// them. A glue written another way is an error, not a silent leftover.
pub fn remove_classes(js: &str) -> Result<String> {
    let mut js = js.to_owned();
    for class in CLASSES {
        let dispose = format!(
            "if (Symbol.dispose) {class}.prototype[Symbol.dispose] = {class}.prototype.free;\n"
        );
        js = cut(&js, &format!("export class {class} {{"), &dispose)?;
        js = cut(&js, &format!("const {class}Finalization = "), ";\n")?;
        ensure!(
            !js.contains(class),
            "the JS glue still names {class} after its class was taken out"
        );
    }
    Ok(js)
}

/// `text` without the one span that starts with `start` and ends with the first `end` after it.
fn cut(text: &str, start: &str, end: &str) -> Result<String> {
    let from = text.find(start);
    ensure!(
        from.is_some() && text.matches(start).count() == 1,
        "the JS glue has not exactly one `{start}`"
    );
    let from = from.unwrap_or_default();
    let Some(length) = text[from..].find(end) else {
        anyhow::bail!("the JS glue's `{start}` has no `{}` after it", end.trim());
    };
    let to = from + length + end.len();
    Ok(format!("{}{}", &text[..from], &text[to..]))
}

/// After `wasm-opt`: no import that makes one of the classes' JS objects survived, so no code
/// left in the wasm could hand JS an object whose methods were taken out.
pub fn check_unreachable(wasm: &[u8]) -> Result<()> {
    // web-sys's `ReadableStream::new_with_into_underlying_source` and its siblings. (The
    // adapters' source paths stay in the wasm's data, for panic messages: data is kept whole.)
    let needle = b"new_with_into_underlying";
    ensure!(
        !wasm.windows(needle.len()).any(|window| window == needle),
        "the optimized wasm still makes wasm-streams' adapters, so their exports must stay \
         (see xtask/src/unused.rs)"
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exports_of_the_classes_are_told_from_others() {
        assert!(is_class_export("intounderlyingsource_pull"));
        assert!(is_class_export("__wbg_intounderlyingbytesource_free"));
        assert!(is_class_export("intounderlyingsink_write"));
        assert!(!is_class_export("hydrate"));
        assert!(!is_class_export("__wbg_get_session_token"));
        assert!(!is_class_export("intounderlyingsourcex"));
    }

    fn class(name: &str) -> String {
        format!(
            "const {name}Finalization = (typeof FinalizationRegistry === 'undefined')\n    ? {{ register: () => {{}}, unregister: () => {{}} }}\n    : new FinalizationRegistry(ptr => wasm.__wbg_{lower}_free(ptr >>> 0, 1));\n\
             export class {name} {{\n    free() {{\n        wasm.__wbg_{lower}_free(this.__destroy_into_raw(), 0);\n    }}\n}}\n\
             if (Symbol.dispose) {name}.prototype[Symbol.dispose] = {name}.prototype.free;\n",
            lower = name.to_lowercase()
        )
    }

    #[test]
    fn the_classes_leave_the_glue_and_everything_else_stays() -> Result<()> {
        let glue = format!(
            "export function hydrate() {{ wasm.hydrate(); }}\n{}{}{}function keep() {{}}\n",
            class("IntoUnderlyingByteSource"),
            class("IntoUnderlyingSink"),
            class("IntoUnderlyingSource"),
        );
        assert_eq!(
            remove_classes(&glue)?,
            "export function hydrate() { wasm.hydrate(); }\nfunction keep() {}\n"
        );
        Ok(())
    }

    #[test]
    fn a_glue_written_another_way_is_refused() {
        let glue = class("IntoUnderlyingSink").replace("export class", "class");
        assert!(remove_classes(&glue).is_err());
    }

    #[test]
    fn a_wasm_still_making_the_objects_is_refused() {
        assert!(check_unreachable(b"\0asm__wbg_new_with_into_underlying_source_1").is_err());
        assert!(check_unreachable(b"\0asm into_underlying_source.rs hydrate").is_ok());
    }
}
