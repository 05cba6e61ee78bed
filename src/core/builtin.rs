//! Frameworks compiled into the library.

use crate::core::framework::Framework;
use crate::core::issue::{describe, Issue};
use serde::Serialize;

/// The JSON text of each built-in framework, by id (compacted by build.rs from
/// frameworks/).
const BUILTIN: &[(&str, &str)] = &[(
    "place-based-partnership",
    include_str!(concat!(env!("OUT_DIR"), "/place-based-partnership.json")),
)];

/// The id of the framework used when none is named.
pub const DEFAULT_ID: &str = "place-based-partnership";

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BuiltinInfo {
    pub id: String,
    pub title: String,
    pub version: String,
}

/// The JSON text of a built-in framework.
pub fn builtin_json(id: &str) -> Option<&'static str> {
    BUILTIN.iter().find(|(i, _)| *i == id).map(|(_, j)| *j)
}

/// A built-in framework, read and checked.
pub fn builtin(id: &str) -> Result<Framework, Issue> {
    let json = builtin_json(id).ok_or_else(|| {
        Issue::new(
            "",
            format!(
                "\"{}\" is not a built-in framework; the built-in ones are: {}",
                id.chars().take(64).collect::<String>(),
                BUILTIN
                    .iter()
                    .map(|(i, _)| *i)
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        )
    })?;
    // Tests check every built-in framework is valid; this message would be a bug.
    Framework::from_json(json).map_err(|e| Issue::new("", describe(&e)))
}

/// Id, title and version of each built-in framework.
pub fn builtins() -> Vec<BuiltinInfo> {
    BUILTIN
        .iter()
        .filter_map(|(id, _)| builtin(id).ok())
        .map(|f| BuiltinInfo {
            id: f.id,
            title: f.title,
            version: f.version,
        })
        .collect()
}
