//! `list --json` written item by item: byte for byte the document it was when the whole array was
//! built in memory first (`tests/golden/list.json` was written by that version, on the fixture
//! `tests/fixtures/list.ron`: a generated board of 60 items with three closed sprints, a title
//! with a bidi override, DEL and an escape sequence, a description over two lines, a measure and
//! a block whose reason holds bidi isolates).

use crate::common::{Sandbox, golden};

#[test]
fn list_json_streamed_is_the_document_it_was() {
    let s = Sandbox::new();
    std::fs::copy("tests/fixtures/list.ron", &s.board).expect("fixture");
    let listed = s.run(&["list", "--json"]).ok().stdout;
    golden("list.json", &listed);
    // Each item as `show --json` prints it alone, in board order.
    let rows: Vec<serde_json::Value> = serde_json::from_str(&listed).expect("JSON");
    assert_eq!(rows.len(), 60);
    for row in rows.iter().step_by(7) {
        let id = row["id"].to_string();
        let shown: serde_json::Value =
            serde_json::from_str(&s.run(&["show", &id, "--json"]).ok().stdout).expect("JSON");
        assert_eq!(&shown, row, "#{id}");
    }
    assert!(!listed.contains('\u{202e}') && !listed.contains('\u{1b}') && listed.contains("\\u202e"));
}
