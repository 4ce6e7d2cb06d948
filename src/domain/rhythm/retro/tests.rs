//! The retrospective on fixture boards with a pinned clock.
