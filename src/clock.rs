//! The current time, which `TWOTRACK_NOW` can pin (for demos, tests and "what if" checks).

use anyhow::{Context, Result};
use chrono::{DateTime, NaiveDate, SubsecRound, Utc};

use crate::domain::Timestamp;

/// Now, to the second: from `TWOTRACK_NOW` (RFC 3339 or a date) when set, else the system clock.
pub fn now() -> Result<Timestamp> {
    match std::env::var("TWOTRACK_NOW") {
        Ok(text) if !text.trim().is_empty() => parse(text.trim()).with_context(|| {
            format!("TWOTRACK_NOW is `{text}`, which is not a date (2026-11-21) or an RFC 3339 time")
        }),
        _ => Ok(Utc::now().trunc_subsecs(0)),
    }
}

fn parse(text: &str) -> Result<Timestamp> {
    if let Ok(time) = DateTime::parse_from_rfc3339(text) {
        return Ok(time.with_timezone(&Utc).trunc_subsecs(0));
    }
    let date = NaiveDate::parse_from_str(text, "%Y-%m-%d")?;
    Ok(date.and_hms_opt(9, 0, 0).unwrap_or_default().and_utc())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_dates_and_times() {
        assert_eq!(parse("2026-11-21").expect("date").to_rfc3339(), "2026-11-21T09:00:00+00:00");
        assert_eq!(
            parse("2026-11-21T10:30:00+01:00").expect("time").to_rfc3339(),
            "2026-11-21T09:30:00+00:00"
        );
        assert!(parse("tomorrow").is_err());
    }
}
