//! Wording shared by every output: counts with their noun, lists of item ids.

/// "1 item", "3 items": a count with its noun, plural unless one.
pub fn count<N>(n: N, noun: &str) -> String
where
    N: std::fmt::Display + PartialEq + From<u8>,
{
    if n == N::from(1) { format!("1 {noun}") } else { format!("{n} {noun}s") }
}

/// `#4, #5, #6`: item ids as every message names them.
pub fn id_list(ids: &[u64]) -> String {
    ids.iter().map(|id| format!("#{id}")).collect::<Vec<_>>().join(", ")
}
