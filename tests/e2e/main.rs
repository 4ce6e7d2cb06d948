//! The real binary in a pseudo-terminal, other users via setpriv, and endurance runs (killed
//! writers, concurrent writers): the slow tests, in their own binary so `cargo test --test it`
//! stays quick.

#[path = "../common/mod.rs"]
mod common;

mod archive_kills;
mod board_session;
mod browser;
mod cadence_session;
mod crash_journal;
mod editor_session;
mod endurance;
mod evidence_session;
mod facilitate;
mod lock_wait;
mod other_users;
mod other_users_presence;
mod phased_session;
mod planning_session;
mod shared;
mod sprint_board;
mod team_pty;
mod terminal;
