//! The evidence sections of `twotrack report` (text and Markdown).
