//! Bringing items in from other tools and sending the board out to them
//! (docs/guide/import-export.md). Readers turn each format's text into neutral [`Record`]s; the
//! mapping turns records into item fields; the plan compares them with the board and becomes one
//! [`Edit`](crate::domain::change::Edit). Writers turn the board into each format's text. Text in,
//! text out: reading and writing files is the command line's.

pub mod cells;
pub mod compare;
pub mod detect;
pub mod error;
pub mod export;
pub mod github;
pub mod jira;
pub mod jira_markup;
pub mod linear;
pub mod loose;
pub mod mapping;
pub mod obsidian;
pub mod own;
pub mod plan;
pub mod planner;
pub mod record;
pub mod table;
pub mod trello;
pub mod wanted;

pub use self::detect::Format;
pub use self::error::ExchangeError;
pub use self::mapping::Mapping;
pub use self::plan::Plan;
pub use self::planner::plan;
pub use self::record::{Batch, Record};
