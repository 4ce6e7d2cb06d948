//! What the commands print: everything goes through `output` once (escaped, a closed pipe ends
//! quietly); plain text for people, JSON for scripts, documents as text or Markdown.

pub(super) mod doc;
pub(super) mod html;
pub(super) mod item_json;
pub(super) mod json;
pub(super) mod out_file;
pub mod output;
pub(super) mod standup_json;
pub(super) mod text;
