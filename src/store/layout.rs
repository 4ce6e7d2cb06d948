//! The board file's layout (docs/FORMAT.md): the RON pretty-printer settings every save uses and
//! the fixed lines around the items, shared by the fast writer (`item_text`), the fast reader
//! (`item_parse`) and the text reuse of saves (`written`).

use ron::ser::PrettyConfig;

/// One level of indentation.
pub const INDENT: &str = "    ";
/// The items line of a board without items.
pub const ITEMS_EMPTY: &str = "    items: [],\n";
/// The line that opens a non-empty items list.
pub const ITEMS_OPEN: &str = "    items: [\n";
/// The line that closes it.
pub const ITEMS_CLOSE: &str = "    ],\n";
/// The line that opens one item (without its newline).
pub const ITEM_OPEN: &str = "        (";
/// The line that closes one item (without its newline).
pub const ITEM_CLOSE: &str = "        ),";
/// The indentation of an item's fields: items sit two levels deep.
pub const FIELD: &str = "            ";
/// Where one item starts in the text: the end of the previous line, the item's opening line and
/// the start of its first field.
pub const ITEM_START: &str = "\n        (\n            id: ";

/// The layout every save uses, so that an unchanged board saves byte-identical.
pub fn pretty() -> PrettyConfig {
    PrettyConfig::new()
        .indentor(INDENT)
        .struct_names(false)
        .depth_limit(3)
        .separate_tuple_members(false)
        .enumerate_arrays(false)
}
