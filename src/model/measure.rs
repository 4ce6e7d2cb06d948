//! Measures: the improvement a piece of work made, as a name and a number before and after it
//! ("p95 checkout latency 480 → 210 ms"). Numbers are kept as the decimal text they were typed
//! in, so they print exactly and compare as written.

use serde::{Deserialize, Serialize};

/// A decimal number as typed: an optional minus, digits, and an optional fraction (`480`,
/// `-3`, `0.95`). No exponent, no infinity: what people write in a review.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Decimal(String);

/// Longest decimal text accepted: ample for any measure, short enough to print on a card.
const MAX_DIGITS: usize = 24;

impl Decimal {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The number, for arithmetic (a change's direction); the text stays the exact value.
    pub fn value(&self) -> f64 {
        self.0.parse().unwrap_or(0.0)
    }
}

impl TryFrom<String> for Decimal {
    type Error = String;
    fn try_from(text: String) -> Result<Self, Self::Error> {
        text.parse()
    }
}

impl From<Decimal> for String {
    fn from(decimal: Decimal) -> String {
        decimal.0
    }
}

impl std::str::FromStr for Decimal {
    type Err = String;
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let text = text.trim();
        let digits = text.strip_prefix('-').unwrap_or(text);
        let (whole, fraction) = digits.split_once('.').unwrap_or((digits, "0"));
        let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        if !all_digits(whole) || !all_digits(fraction) || text.len() > MAX_DIGITS {
            return Err(format!("`{text}` is not a number (write it like 480, -3 or 0.95)"));
        }
        Ok(Decimal(text.to_owned()))
    }
}

impl std::fmt::Display for Decimal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// One measure of an item: what was measured, before and after the work, and its unit.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Measure {
    pub name: String,
    pub before: Decimal,
    pub after: Decimal,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
}

impl std::fmt::Display for Measure {
    /// `p95 checkout latency 480 → 210 ms`, `coverage 41 → 68 %`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {} → {}", self.name, self.before, self.after)?;
        match &self.unit {
            Some(unit) => write!(f, " {unit}"),
            None => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_are_kept_as_typed_and_words_refused() {
        let ok: Vec<String> = ["480", "-3", "0.95", " 41 "]
            .iter()
            .map(|t| t.parse::<Decimal>().map(String::from).unwrap_or_default())
            .collect();
        assert_eq!(ok, ["480", "-3", "0.95", "41"]);
        for bad in ["", "fast", "1e3", "inf", "NaN", "4.", ".5", "--1", "1,5", "1.2.3"] {
            assert!(bad.parse::<Decimal>().is_err(), "{bad:?} must be refused");
        }
        let m = Measure {
            name: "coverage".into(),
            before: Decimal("41".into()),
            after: Decimal("68".into()),
            unit: Some("%".into()),
        };
        assert_eq!(m.to_string(), "coverage 41 → 68 %");
        assert_eq!(Decimal("0.95".into()).value(), 0.95);
    }
}
