//! In-process and quick command-line tests: the app through its keymap, whole screens (insta
//! snapshots), the store, the command line and its JSON, merges and their properties.

#[path = "../common/mod.rs"]
mod common;

mod app_flow;
mod architecture;
mod archive;
mod background_save;
mod capacity;
mod charts;
mod cli;
mod domain_props;
mod done_policy;
mod dual_track;
mod evidence;
mod evidence_cli;
mod evidence_props;
mod exchange;
mod exchange_props;
mod git_merge;
mod hardening;
mod help;
mod journal_cli;
mod merge_file;
mod merge_git_props;
mod merge_note;
mod merge_props;
mod named_board;
mod palette;
mod phased_app;
mod phased_cli;
mod presence;
mod presence_screens;
mod readable;
mod readonly;
mod report;
mod restore;
mod retro;
mod review_recorded;
mod rhythm;
mod screens;
mod sprint_board;
mod sprint_cadence;
mod sprint_forms;
mod sprints;
mod standup;
mod store;
mod team;
mod teammate_files;
mod themes;
mod two_stage;
mod wide_text;
