//! twotrack: a keyboard-driven terminal planning board for dual-track, two-stage delivery.

pub mod app;
pub mod cli;
pub mod clock;
pub mod config;
pub mod diagnostics;
pub mod domain;
pub mod editor;
pub mod escape;
pub mod generate;
pub mod model;
pub mod reader;
pub mod session;
pub mod store;
pub mod term;
pub mod tui;
pub mod ui;
pub mod watch;
pub mod words;
