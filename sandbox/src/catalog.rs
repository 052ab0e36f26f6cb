//! The seeded catalog: the apps the sandbox's org has enabled, read from `data/catalog.json`,
//! and their logos (the project's own SVGs in `logos/`).
//!
//! Keys starting with `sandbox_` in the data file drive the simulation (consent scopes,
//! provider-side options, connection identifiers) and never appear in API answers.

use std::collections::{BTreeMap, HashMap};

use cobalt::{AuthType, ConfigField, FieldOption, InputField};
use serde::Deserialize;
use serde_json::Value;

use crate::error::SandboxError;

const CATALOG_JSON: &str = include_str!("../data/catalog.json");

/// `(slug, svg)` for every app of the catalog.
const LOGOS: &[(&str, &str)] = &[
    ("hubspot", include_str!("../logos/hubspot.svg")),
    ("salesforce", include_str!("../logos/salesforce.svg")),
    ("quickbooks", include_str!("../logos/quickbooks.svg")),
    ("slack", include_str!("../logos/slack.svg")),
    ("google-sheets", include_str!("../logos/google-sheets.svg")),
    ("copper", include_str!("../logos/copper.svg")),
    ("twilio", include_str!("../logos/twilio.svg")),
    ("mailchimp", include_str!("../logos/mailchimp.svg")),
    ("airtable", include_str!("../logos/airtable.svg")),
    ("stripe", include_str!("../logos/stripe.svg")),
    ("zendesk", include_str!("../logos/zendesk.svg")),
    ("freshdesk", include_str!("../logos/freshdesk.svg")),
];

/// The logo of `slug`, if the catalog has one.
pub fn logo(slug: &str) -> Option<&'static str> {
    LOGOS
        .iter()
        .find(|(name, _)| *name == slug)
        .map(|(_, svg)| *svg)
}

#[derive(Debug, Deserialize)]
struct CatalogFile {
    apps: Vec<CatalogApp>,
}

/// One app of the catalog with its config template.
#[derive(Debug, Clone, Deserialize)]
pub struct CatalogApp {
    pub slug: String,
    pub app_id: String,
    pub name: String,
    pub description: String,
    pub tags: Vec<String>,
    pub auth_type: AuthType,
    #[serde(default)]
    pub auth_input_map: Vec<InputField>,
    /// What the consent page says the app asks for (OAuth2 apps).
    #[serde(default)]
    pub sandbox_scopes: Vec<String>,
    /// The connection identifier an OAuth2 provider would report.
    #[serde(default)]
    pub sandbox_identifier: Option<Value>,
    /// The credential input whose value identifies a key-based connection.
    #[serde(default)]
    pub sandbox_identifier_input: Option<String>,
    pub fields: Vec<TemplateField>,
    pub workflows: Vec<TemplateWorkflow>,
}

/// A field of a config template, plus how the sandbox resolves its options.
#[derive(Debug, Clone, Deserialize)]
pub struct TemplateField {
    #[serde(flatten)]
    pub field: ConfigField,
    /// Options that exist only once the app is connected (a "datasource" field).
    #[serde(default)]
    pub sandbox_dynamic_options: Option<Vec<FieldOption>>,
    /// Options by the value of the `parent` field (a dependent field).
    #[serde(default)]
    pub sandbox_options_by_parent: Option<BTreeMap<String, Vec<FieldOption>>>,
    /// Right-hand sides by left-hand side value (a rule-engine field).
    #[serde(default)]
    pub sandbox_rule_rhs: Option<BTreeMap<String, RuleRhs>>,
}

/// The right-hand side allowed for one left-hand side of a rule.
#[derive(Debug, Clone, Deserialize)]
pub struct RuleRhs {
    #[serde(rename = "type")]
    pub side_type: String,
    #[serde(default)]
    pub options: Vec<FieldOption>,
}

/// A workflow of a config template.
#[derive(Debug, Clone, Deserialize)]
pub struct TemplateWorkflow {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub enabled: bool,
    pub fields: Vec<TemplateField>,
}

impl TemplateWorkflow {
    pub fn field(&self, id: &str) -> Option<&TemplateField> {
        self.fields.iter().find(|field| field.field.id == id)
    }
}

impl CatalogApp {
    pub fn workflow(&self, id: &str) -> Option<&TemplateWorkflow> {
        self.workflows.iter().find(|workflow| workflow.id == id)
    }

    pub fn field(&self, id: &str) -> Option<&TemplateField> {
        self.fields.iter().find(|field| field.field.id == id)
    }

    /// The required credential inputs of a key-based app.
    pub fn required_inputs(&self) -> impl Iterator<Item = &InputField> {
        self.auth_input_map.iter().filter(|input| input.required)
    }
}

/// The catalog, in its file's order, indexed by slug.
#[derive(Debug, Clone)]
pub struct Catalog {
    apps: Vec<CatalogApp>,
    by_slug: HashMap<String, usize>,
}

impl Catalog {
    /// Parses the seeded catalog and checks that it is consistent.
    pub fn seeded() -> Result<Self, SandboxError> {
        let file: CatalogFile = serde_json::from_str(CATALOG_JSON)
            .map_err(|err| SandboxError::Catalog(err.to_string()))?;
        let mut by_slug = HashMap::new();
        for (index, app) in file.apps.iter().enumerate() {
            if by_slug.insert(app.slug.clone(), index).is_some() {
                return Err(SandboxError::Catalog(format!(
                    "duplicate slug {}",
                    app.slug
                )));
            }
            if logo(&app.slug).is_none() {
                return Err(SandboxError::Catalog(format!("no logo for {}", app.slug)));
            }
        }
        Ok(Self {
            apps: file.apps,
            by_slug,
        })
    }

    /// The catalog with `extra` apps after the seeded ones (tests use it for entries such as
    /// one whose texts carry markup). They need no logo; their slugs must be new.
    pub fn with_apps(mut self, extra: Vec<CatalogApp>) -> Result<Self, SandboxError> {
        for app in extra {
            if self
                .by_slug
                .insert(app.slug.clone(), self.apps.len())
                .is_some()
            {
                return Err(SandboxError::Catalog(format!(
                    "duplicate slug {}",
                    app.slug
                )));
            }
            self.apps.push(app);
        }
        Ok(self)
    }

    pub fn apps(&self) -> &[CatalogApp] {
        &self.apps
    }

    pub fn get(&self, slug: &str) -> Option<&CatalogApp> {
        self.by_slug.get(slug).map(|&index| &self.apps[index])
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use cobalt::FieldType;

    use super::*;

    fn all_fields(app: &CatalogApp) -> impl Iterator<Item = &TemplateField> {
        app.fields
            .iter()
            .chain(app.workflows.iter().flat_map(|workflow| &workflow.fields))
    }

    #[test]
    fn the_seeded_catalog_parses() {
        let catalog = Catalog::seeded().unwrap();
        assert!(catalog.apps().len() >= 12);
    }

    #[test]
    fn the_catalog_has_enough_apps_of_each_auth_type_and_quickbooks_is_oauth2() {
        let catalog = Catalog::seeded().unwrap();
        let count = |auth: AuthType| {
            catalog
                .apps()
                .iter()
                .filter(|app| app.auth_type == auth)
                .count()
        };
        assert!(count(AuthType::OAuth2) >= 4);
        assert!(count(AuthType::KeyBased) >= 4);
        let quickbooks = catalog.get("quickbooks").unwrap();
        assert_eq!(quickbooks.name, "QuickBooks Online");
        assert_eq!(quickbooks.auth_type, AuthType::OAuth2);
    }

    #[test]
    fn templates_together_use_every_documented_field_kind() {
        let catalog = Catalog::seeded().unwrap();
        let fields: Vec<&TemplateField> = catalog.apps().iter().flat_map(all_fields).collect();
        let types: BTreeSet<String> = fields
            .iter()
            .map(|field| field.field.field_type.to_string())
            .collect();
        for kind in [
            "text", "textarea", "number", "email", "url", "date", "select", "boolean", "json",
            "map", "password",
        ] {
            assert!(types.contains(kind), "no {kind} field");
        }
        let select = |field: &&&TemplateField| field.field.field_type == FieldType::Select;
        assert!(
            fields
                .iter()
                .filter(select)
                .any(|field| field.field.is_multiple())
        );
        assert!(
            fields
                .iter()
                .filter(select)
                .any(|field| !field.field.is_multiple())
        );
        assert!(
            fields
                .iter()
                .any(|field| field.sandbox_dynamic_options.is_some())
        );
        assert!(fields.iter().any(|field| field.field.parent.is_some()));
    }

    #[test]
    fn every_app_has_one_to_three_workflows_with_fields() {
        for app in Catalog::seeded().unwrap().apps() {
            assert!((1..=3).contains(&app.workflows.len()), "{}", app.slug);
            assert!(
                app.workflows
                    .iter()
                    .all(|workflow| !workflow.fields.is_empty()),
                "{}",
                app.slug
            );
        }
    }

    #[test]
    fn ids_are_unique_24_hex_digits() {
        let catalog = Catalog::seeded().unwrap();
        let mut seen = BTreeSet::new();
        for app in catalog.apps() {
            let ids = std::iter::once(&app.app_id)
                .chain(app.workflows.iter().map(|workflow| &workflow.id))
                .chain(all_fields(app).map(|field| &field.field.id));
            for id in ids {
                assert!(
                    id.len() == 24 && id.chars().all(|c| c.is_ascii_hexdigit()),
                    "{id}"
                );
                assert!(seen.insert(id.clone()), "duplicate id {id}");
            }
        }
    }

    #[test]
    fn dependent_fields_name_an_existing_parent_and_dynamic_fields_a_slot() {
        for app in Catalog::seeded().unwrap().apps() {
            for field in all_fields(app) {
                if let Some(parent) = &field.field.parent {
                    assert!(
                        all_fields(app).any(|other| &other.field.id == parent),
                        "{parent}"
                    );
                    assert!(field.sandbox_options_by_parent.is_some());
                }
                if field.sandbox_dynamic_options.is_some() {
                    assert!(field.field.dynamic_slot_identifier.is_some());
                }
            }
        }
    }

    #[test]
    fn logos_are_small_svgs() {
        for (slug, svg) in LOGOS {
            assert!(
                svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"),
                "{slug}"
            );
            assert!(svg.len() < 2048, "{slug} logo is {} bytes", svg.len());
        }
    }
}
