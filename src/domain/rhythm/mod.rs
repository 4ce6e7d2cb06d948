//! The team's rhythm: planning sprints (start, commit, close), the figures a sprint records when
//! it closes, the standup and the sprint review, and the documents they are written as.

pub mod doc;
pub mod figures;
pub mod planning;
pub mod report;
pub mod standup;
mod standup_doc;
