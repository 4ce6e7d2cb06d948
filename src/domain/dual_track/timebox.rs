//! Timeboxes of discovery items: reading "5d", "2w" or a date, and how much time is left.

use chrono::{Days, NaiveDate};

use crate::model::{Board, Item, Track};

/// Reads a timebox: a date (`2026-12-01`) or a length from `today` (`5d`, `2w`).
pub fn parse(text: &str, today: NaiveDate) -> Result<NaiveDate, String> {
    let text = text.trim();
    let fail =
        || format!("`{text}` is not a timebox: give a date such as 2026-12-01 or a length such as 5d or 2w");
    if let Ok(date) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        return Ok(date);
    }
    let (number, unit) = text.split_at(text.len().saturating_sub(1));
    let count: u64 = number.trim().parse().map_err(|_| fail())?;
    let days = match unit {
        "d" | "D" => count,
        "w" | "W" => count.checked_mul(7).ok_or_else(fail)?,
        _ => return Err(fail()),
    };
    today.checked_add_days(Days::new(days)).ok_or_else(fail)
}

/// Where an open discovery item stands against its timebox.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Standing {
    /// No outcome or no timebox: the work has no clear end.
    OpenEnded,
    /// Days left until the decide-by date (0: decide today).
    Left(i64),
    /// Days since the decide-by date passed.
    Overdue(i64),
}

impl Standing {
    /// As a card says it: "3d left", "today", "2d overdue", "open-ended".
    pub fn label(self) -> String {
        match self {
            Standing::OpenEnded => "open-ended".into(),
            Standing::Left(0) => "decide today".into(),
            Standing::Left(n) => format!("{n}d left"),
            Standing::Overdue(n) => format!("{n}d overdue"),
        }
    }

    /// As a one-row card says it: "3d", "!2d", "?".
    pub fn short(self) -> String {
        match self {
            Standing::OpenEnded => "?".into(),
            Standing::Left(n) => format!("{n}d"),
            Standing::Overdue(n) => format!("!{n}d"),
        }
    }
}

/// How an item stands against its timebox; `None` for delivery items and concluded ones.
pub fn standing(board: &Board, item: &Item, today: NaiveDate) -> Option<Standing> {
    if item.track != Track::Discovery || board.is_done_column(item.track, &item.column) {
        return None;
    }
    let (Some(timebox), Some(_)) = (item.timebox, &item.outcome) else {
        return Some(Standing::OpenEnded);
    };
    let days = (timebox - today).num_days();
    Some(if days < 0 { Standing::Overdue(-days) } else { Standing::Left(days) })
}

/// Whether the item's timebox has passed while it is still open.
pub fn overdue(board: &Board, item: &Item, today: NaiveDate) -> bool {
    matches!(standing(board, item, today), Some(Standing::Overdue(_)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("date")
    }

    #[test]
    fn lengths_and_dates() {
        let today = day("2026-11-21");
        for (text, expected) in [
            ("5d", "2026-11-26"),
            ("2w", "2026-12-05"),
            ("0d", "2026-11-21"),
            (" 3D ", "2026-11-24"),
            ("2027-01-10", "2027-01-10"),
        ] {
            assert_eq!(parse(text, today), Ok(day(expected)), "{text}");
        }
    }

    #[test]
    fn bad_input_says_what_is_expected() {
        let today = day("2026-11-21");
        for text in ["", "5", "d", "5 days", "-3d", "2026-13-01", "1.5w", "99999999999999999999w"] {
            let err = parse(text, today).expect_err(text);
            assert!(err.contains("is not a timebox"), "{text}: {err}");
        }
    }

    #[test]
    fn standing_on_a_fixed_clock() {
        let mut board = Board::new("t");
        let new = crate::domain::change::NewItem {
            title: "spike".into(),
            track: Some(Track::Discovery),
            outcome: Some("a decision".into()),
            timebox: Some(day("2026-11-24")),
            ..Default::default()
        };
        let op = crate::domain::change::ops::add(&board, new, chrono::DateTime::UNIX_EPOCH).expect("add");
        board.apply(op.edit).expect("apply");
        let item = board.item(1).expect("item").clone();
        assert_eq!(standing(&board, &item, day("2026-11-21")), Some(Standing::Left(3)));
        assert_eq!(
            standing(&board, &item, day("2026-11-24")).map(Standing::label).as_deref(),
            Some("decide today")
        );
        assert_eq!(standing(&board, &item, day("2026-11-26")), Some(Standing::Overdue(2)));
        assert!(overdue(&board, &item, day("2026-11-26")));
        let mut open = item.clone();
        open.outcome = None;
        assert_eq!(standing(&board, &open, day("2026-11-21")), Some(Standing::OpenEnded));
        open.track = Track::Delivery;
        assert_eq!(standing(&board, &open, day("2026-11-21")), None, "delivery items have no timebox");
    }
}
