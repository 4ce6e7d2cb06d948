//! An import's plan as people read it: the summary line, then each new item, each field
//! updated, each conflict and each item gone from the source.

use crate::domain::change::fields;
use crate::domain::exchange::Plan;

/// The plan as text, one line each; `authors` names who made each conflict's local value, in
/// the order of the plan's conflicts (`None`: the journal does not say).
pub fn text(plan: &Plan, authors: &[Option<String>]) -> String {
    let mut out = format!("{}\n", plan.summary());
    for (id, key, title) in &plan.created {
        out.push_str(&format!("  new #{id} {key} \"{title}\"\n"));
    }
    for (id, key, changes) in &plan.updated {
        let fields: Vec<String> = changes
            .iter()
            .map(|c| {
                format!(
                    "{} \"{}\" → \"{}\"",
                    c.name,
                    short(&fields::display(&c.from)),
                    short(&fields::display(&c.to))
                )
            })
            .collect();
        out.push_str(&format!("  updated #{id} {key}: {}\n", fields.join("; ")));
    }
    for (i, c) in plan.conflicts.iter().enumerate() {
        let whose = match authors.get(i).and_then(Option::as_deref) {
            Some(author) => format!("{author}'s"),
            None => "this board's".to_owned(),
        };
        out.push_str(&format!(
            "  conflict #{} {}: kept {whose} \"{}\" (local), {} says \"{}\"\n",
            c.id,
            c.field,
            short(&fields::display(&c.local)),
            c.key,
            short(&fields::display(&c.source))
        ));
    }
    for (id, key) in &plan.gone {
        out.push_str(&format!("  gone #{id} {key}: no longer in the source; kept on the board\n"));
    }
    out
}

/// A value cut to 60 characters, so one line stays one line.
fn short(text: &str) -> String {
    let one: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match one.char_indices().nth(60) {
        Some((at, _)) => format!("{}…", &one[..at]),
        None => one,
    }
}
