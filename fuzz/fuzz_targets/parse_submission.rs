//! The no-JS configuration form: any posted pairs against a configuration with every field type.
#![no_main]

use std::collections::BTreeMap;
use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;

static CONFIG: LazyLock<cobalt::Config> = LazyLock::new(|| {
    let field = |id: &str, kind: &str, extra: serde_json::Value| {
        let mut field = serde_json::json!({"id": id, "name": id, "field_type": kind, "required": true});
        if let (Some(field), Some(extra)) = (field.as_object_mut(), extra.as_object()) {
            field.extend(extra.clone());
        }
        field
    };
    let options = serde_json::json!({"options": [{"name": "A", "value": "a"}, {"name": "One", "value": 1}]});
    let fields = vec![
        field("text", "text", serde_json::json!({})),
        field("area", "textarea", serde_json::json!({})),
        field("num", "number", serde_json::json!({"min": -5, "max": 5, "step": 0.5})),
        field("mail", "email", serde_json::json!({})),
        field("link", "url", serde_json::json!({})),
        field("day", "date", serde_json::json!({})),
        field("secret", "password", serde_json::json!({})),
        field("flag", "boolean", serde_json::json!({})),
        field("doc", "json", serde_json::json!({})),
        field("pick", "select", options.clone()),
        field("many", "select", serde_json::json!({"multiple": true, "options": options["options"]})),
        field("map", "map_v2", serde_json::json!({"labels": [{"name": "L", "value": "l"}], "options": options["options"]})),
        field("odd", "rule_engine", serde_json::json!({})),
    ];
    let config = serde_json::json!({
        "slug": "fuzz", "config_id": "cus_fuzz", "fields": fields,
        "workflows": [{"id": "wf", "name": "Workflow", "enabled": true, "fields": [field("inner", "number", serde_json::json!({}))]}],
    });
    serde_json::from_value(config).expect("the fuzz configuration parses")
});

fuzz_target!(|data: &[u8]| {
    // Pairs as `name=value` lines: the parser sees exactly what a form post could send.
    let text = String::from_utf8_lossy(data);
    let form: Vec<(String, String)> = text
        .lines()
        .map(|line| match line.split_once('=') {
            Some((name, value)) => (name.to_owned(), value.to_owned()),
            None => (line.to_owned(), String::new()),
        })
        .collect();
    let _ = app::model::config_form::parse_submission(&CONFIG, &form, &BTreeMap::new());
});
