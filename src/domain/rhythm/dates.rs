//! A sprint's dates as people type them, read the same way by the command line and the board
//! screen: a date (`2026-12-04`), or a length counted with the first day included (`2w` is
//! fourteen days, start + 13; `10d` is ten days, start + 9). Also the days between sprints.

use chrono::{Days, NaiveDate};

use crate::model::Sprint;

/// A typed date or length that could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    /// `what` names the field ("start").
    #[error("the {what} `{text}` is not a date: give one such as 2026-12-04")]
    NotADate { what: &'static str, text: String },
    #[error("the end `{0}` is not a date or a length: give one such as 2026-12-04, 2w or 10d")]
    NotAnEnd(String),
}

/// The longest length read (ten years): anything longer is a typo, never a sprint.
const LONGEST: u32 = 3650;

/// How a sprint's last day was given: a date, or a number of days from its first day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum End {
    On(NaiveDate),
    /// This many days, the first day included (at least one).
    Days(u32),
}

impl End {
    /// Reads `2026-12-04`, `10d` or `2w` (any case, spaces around allowed); a length of zero
    /// days is refused, as a sprint lasts at least its first day, and so is one of years.
    pub fn parse(text: &str) -> Result<End, DateError> {
        let trimmed = text.trim();
        let fail = || DateError::NotAnEnd(trimmed.to_owned());
        if let Ok(date) = date(trimmed, "end") {
            return Ok(End::On(date));
        }
        let (number, unit) = trimmed.split_at(trimmed.len().saturating_sub(1));
        let count: u32 = number.trim().parse().map_err(|_| fail())?;
        let days = match unit {
            "d" | "D" => count,
            "w" | "W" => count.checked_mul(7).ok_or_else(fail)?,
            _ => return Err(fail()),
        };
        match days {
            1..=LONGEST => Ok(End::Days(days)),
            _ => Err(fail()),
        }
    }

    /// The last day of a sprint that starts on `start` (the start itself when a length would
    /// run past the calendar's end, which no one types).
    pub fn from(self, start: NaiveDate) -> NaiveDate {
        match self {
            End::On(date) => date,
            End::Days(days) => start.checked_add_days(Days::new(u64::from(days) - 1)).unwrap_or(start),
        }
    }
}

/// A date as `2026-12-04` (no other form: a team's dates must read the same to everyone).
pub fn date(text: &str, what: &'static str) -> Result<NaiveDate, DateError> {
    let text = text.trim();
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| DateError::NotADate { what, text: text.to_owned() })
}

/// How many days a sprint lasts, its first and last day included.
pub fn length(sprint: &Sprint) -> u32 {
    let days = (sprint.end - sprint.start).num_days().saturating_add(1).max(1);
    u32::try_from(days).unwrap_or(u32::MAX)
}

/// The days with no sprint between `before` and `after` (0 when `after` starts the day after
/// `before` ends; sprints never overlap, but a hand-edited board might, which counts as 0).
pub fn gap(before: &Sprint, after: &Sprint) -> u32 {
    let days = (after.start - before.end).num_days().saturating_sub(1).max(0);
    u32::try_from(days).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().expect("date")
    }

    #[test]
    fn lengths_count_the_first_day() {
        let start = day("2026-11-16");
        for (text, last) in [
            ("2w", "2026-11-29"),
            ("1w", "2026-11-22"),
            ("1d", "2026-11-16"),
            ("10d", "2026-11-25"),
            (" 3W ", "2026-12-06"),
            ("2026-12-04", "2026-12-04"),
        ] {
            assert_eq!(End::parse(text).map(|end| end.from(start)), Ok(day(last)), "{text}");
        }
    }

    #[test]
    fn lengths_cross_month_ends_year_ends_and_leap_days() {
        let cases = [
            ("2026-01-25", "2w", "2026-02-07"),
            ("2026-12-21", "2w", "2027-01-03"),
            ("2028-02-16", "2w", "2028-02-29"),
            ("2028-02-29", "1d", "2028-02-29"),
            ("2028-02-20", "10d", "2028-02-29"),
            ("2027-02-20", "10d", "2027-03-01"),
            ("2026-04-30", "1w", "2026-05-06"),
        ];
        for (start, text, last) in cases {
            let end = End::parse(text).expect(text);
            assert_eq!(end.from(day(start)), day(last), "{start} + {text}");
        }
        assert!(date("2028-02-29", "start").is_ok(), "2028 is a leap year");
        assert!(date("2027-02-29", "start").is_err(), "2027 is not");
    }

    #[test]
    fn what_is_not_a_date_or_a_length_is_one_sentence() {
        for text in [
            "",
            "0d",
            "0w",
            "5",
            "d",
            "2 weeks",
            "-3d",
            "2026-13-01",
            "1.5w",
            "4294967295w",
            "9999w",
            "friday",
        ] {
            let err = End::parse(text).expect_err(text);
            assert_eq!(
                err.to_string(),
                format!(
                    "the end `{}` is not a date or a length: give one such as 2026-12-04, 2w or 10d",
                    text.trim()
                )
            );
        }
        assert_eq!(
            date(" 2026-02-30 ", "start").map_err(|e| e.to_string()),
            Err("the start `2026-02-30` is not a date: give one such as 2026-12-04".to_owned())
        );
    }

    #[test]
    fn length_and_gap_count_whole_days() {
        let sprint = |start: &str, end: &str| Sprint {
            name: "s".into(),
            start: day(start),
            end: day(end),
            capacity: 0,
            model: crate::model::Model::Split,
            stage: None,
            delivery_sprints: None,
            goal: None,
            figures: None,
        };
        let first = sprint("2026-11-16", "2026-11-29");
        assert_eq!(length(&first), 14);
        assert_eq!(gap(&first, &sprint("2026-11-30", "2026-12-13")), 0, "the day after: no gap");
        assert_eq!(gap(&first, &sprint("2026-12-03", "2026-12-13")), 3);
        assert_eq!(gap(&first, &sprint("2026-11-20", "2026-12-13")), 0, "an overlap is no gap");
    }
}
