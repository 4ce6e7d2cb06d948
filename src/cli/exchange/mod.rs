//! Import and export on the command line (docs/guide/import-export.md).

pub mod export;
pub mod import;
pub mod plan_text;
