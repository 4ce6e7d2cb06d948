//! CSV cells made safe to open in a spreadsheet: a cell starting with `=`, `+`, `-`, `@`, a tab
//! or a carriage return would be read as a formula (OWASP's "CSV Injection"), so it gets a
//! leading `'`, which spreadsheets show as text and Linear's own export uses too.

use std::borrow::Cow;

/// `cell`, with a `'` in front when a spreadsheet would take it for a formula.
pub fn guard(cell: &str) -> Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// Rows as CSV (RFC 4180 through the `csv` crate, CRLF line ends), every cell guarded.
pub fn write(rows: &[Vec<String>]) -> String {
    let mut writer = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(Vec::new());
    for row in rows {
        // Writing to a Vec cannot fail for lack of room; a row the writer refuses is left out.
        let _ = writer.write_record(row.iter().map(|c| guard(c).into_owned()));
    }
    String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised_and_plain_text_is_not() {
        for bad in ["=1+2", "+SUM(A1)", "-2+3", "@cmd", "\tx", "\rx"] {
            assert!(guard(bad).starts_with('\''), "{bad:?}");
        }
        for good in ["Fix login", "a=b", "5", ""] {
            assert_eq!(guard(good), good);
        }
        assert_eq!(
            write(&[vec!["=HYPERLINK(\"x\")".into(), "a,b".into()]]),
            "\"'=HYPERLINK(\"\"x\"\")\",\"a,b\"\r\n"
        );
    }
}
