//! Three versions of a journal file made one (git's merge driver for `<board>.journal`,
//! docs/guide/teams-and-git.md, "A board in git"): the lines both sides kept from the common version, in order, then every
//! line either side appended, once, in time order. A journal never conflicts.
//!
//! git's own `merge=union` would keep both sides' lines too, but ours as a block before theirs;
//! readers of the journal (the log, standups) expect time order.

use std::collections::HashMap;

use crate::domain::team::activity::Entry;
use crate::model::Timestamp;

/// The merged journal text.
pub fn merge(base: &[u8], ours: &[u8], theirs: &[u8]) -> Vec<u8> {
    let in_base = counts(&lines(base));
    let (ours_old, ours_new) = split(&lines(ours), &in_base);
    let (theirs_old, theirs_new) = split(&lines(theirs), &in_base);
    // A line of the common version stays if both sides still have it (append-only in practice;
    // a side that cut its journal short is followed).
    let mut theirs_has = counts(&theirs_old);
    let kept = ours_old.into_iter().filter(|line| take(&mut theirs_has, line));
    // A line both sides appended (the same change merged on both) is one line.
    let mut ours_added = counts(&ours_new);
    let theirs_new: Vec<&[u8]> = theirs_new.into_iter().filter(|line| !take(&mut ours_added, line)).collect();
    let mut out = Vec::with_capacity(ours.len().max(theirs.len()));
    for line in kept.chain(in_time_order(&ours_new, &theirs_new)) {
        out.extend_from_slice(line);
        out.push(b'\n');
    }
    out
}

fn lines(text: &[u8]) -> Vec<&[u8]> {
    text.split(|b| *b == b'\n').filter(|line| !line.is_empty()).collect()
}

fn counts<'t>(lines: &[&'t [u8]]) -> HashMap<&'t [u8], usize> {
    let mut counts = HashMap::new();
    for line in lines {
        *counts.entry(*line).or_insert(0) += 1;
    }
    counts
}

/// Takes one `line` from `counts`, if there is one left.
fn take(counts: &mut HashMap<&[u8], usize>, line: &[u8]) -> bool {
    match counts.get_mut(line) {
        Some(n) if *n > 0 => {
            *n -= 1;
            true
        }
        _ => false,
    }
}

/// A side's lines: those of the common version, and those it appended.
fn split<'t>(lines: &[&'t [u8]], in_base: &HashMap<&[u8], usize>) -> (Vec<&'t [u8]>, Vec<&'t [u8]>) {
    let mut left = in_base.clone();
    lines.iter().partition(|line| take(&mut left, line))
}

/// When each line was written; a line that does not read (cut by a crash) goes with the line
/// before it.
fn times(lines: &[&[u8]]) -> Vec<Option<Timestamp>> {
    let mut last = None;
    lines
        .iter()
        .map(|line| {
            if let Ok(entry) = serde_json::from_slice::<Entry>(line) {
                last = Some(entry.time);
            }
            last
        })
        .collect()
}

/// Both sides' lines, each side's in its own order, the earlier first (ours first at a tie).
fn in_time_order<'t>(ours: &[&'t [u8]], theirs: &[&'t [u8]]) -> Vec<&'t [u8]> {
    let (our_times, their_times) = (times(ours), times(theirs));
    let mut out = Vec::with_capacity(ours.len() + theirs.len());
    let (mut o, mut t) = (0, 0);
    while o < ours.len() || t < theirs.len() {
        let theirs_first = t < theirs.len() && (o == ours.len() || their_times[t] < our_times[o]);
        if theirs_first {
            out.push(theirs[t]);
            t += 1;
        } else {
            out.push(ours[o]);
            o += 1;
        }
    }
    out
}

#[cfg(test)]
#[path = "journal_merge_tests.rs"]
mod tests;
