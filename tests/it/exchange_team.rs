//! An import as a team lives with it (docs/guide/import-export.md): the config file's mapping
//! with `--map` over it.

use crate::common::Sandbox;
use crate::exchange::{by_key, empty_board};

/// Writes `text` to `name` beside the board; its path.
fn write(s: &Sandbox, name: &str, text: &str) -> String {
    let path = s.dir.path().join(name);
    std::fs::write(&path, text).expect("write");
    path.to_string_lossy().into_owned()
}

#[test]
fn the_config_files_mapping_applies_and_map_overrides_it_key_by_key() {
    let s = empty_board();
    let config = write(
        &s,
        "config.ron",
        "(\n  import: (\n    track: {\"ux-research\": \"discovery\"},\n    columns: {\"waiting for qa\": \"review\", \"parked\": \"ready\"},\n  ),\n)\n",
    );
    let csv = write(
        &s,
        "jira.csv",
        "Summary,Issue key,Status,Labels\nA,X-1,Waiting for QA,\nB,X-2,Parked,\nC,X-3,To Do,ux-research\n",
    );
    let map = write(&s, "map.ron", "(columns: {\"Parked\": \"doing\"})");
    s.run(&["--config", &config, "import", &csv, "--map", &map]).ok();
    let items = by_key(&s);
    assert_eq!(items["X-1"]["column"], "review", "from the config file");
    assert_eq!(items["X-2"]["column"], "doing", "--map over the config file");
    assert_eq!(items["X-3"]["track"], "discovery", "a label mapped by the config file");
    // A name the board does not have: one sentence with the config file's line and column.
    let before = s.read();
    let bad = write(&s, "bad.ron", "(\n  import: (\n    columns: {\"parked\": \"qa\"},\n  ),\n)\n");
    let csv = write(&s, "next.csv", "Summary,Issue key,Status\nD,X-4,Parked\n");
    let run = s.run(&["--config", &bad, "import", &csv]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stderr,
        format!(
            "twotrack: config file {bad}: line 3, column 25: the board has no column `qa`; nothing was imported\n"
        )
    );
    assert_eq!(s.read(), before, "the board unchanged");
}
