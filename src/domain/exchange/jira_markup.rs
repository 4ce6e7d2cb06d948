//! Jira's wiki markup (its "Text Formatting Notation" help page) turned into Markdown, so a
//! description reads the same on the board: headings, bold and italic, monospace, code and
//! noformat blocks, links, lists, quotes.

/// `text` in Jira markup as Markdown.
pub fn to_markdown(text: &str) -> String {
    let mut out = Vec::new();
    let mut in_block = false;
    for line in text.replace("\r\n", "\n").lines() {
        let trimmed = line.trim_start();
        if let Some(rest) = block_fence(trimmed) {
            in_block = !in_block;
            out.push(format!("```{}", if in_block { rest } else { "" }));
            continue;
        }
        if in_block {
            out.push(line.to_owned());
            continue;
        }
        out.push(block_line(trimmed));
    }
    out.join("\n")
}

/// `{code}`, `{code:java}` or `{noformat}` opening or closing a block; the language when given.
fn block_fence(line: &str) -> Option<&str> {
    let inner = line.strip_prefix('{')?.strip_suffix('}')?;
    let (name, language) = inner.split_once(':').unwrap_or((inner, ""));
    matches!(name, "code" | "noformat").then(|| language.split('|').next().unwrap_or(""))
}

/// One line outside a block: a heading, a list entry, a quote, or a paragraph's line.
fn block_line(line: &str) -> String {
    for level in 1..=6 {
        if let Some(rest) = line.strip_prefix(&format!("h{level}. ")) {
            return format!("{} {}", "#".repeat(level), inline(rest));
        }
    }
    if let Some(rest) = line.strip_prefix("bq. ") {
        return format!("> {}", inline(rest));
    }
    let marks = line.chars().take_while(|c| *c == '*' || *c == '#' || *c == '-').count();
    if marks > 0 && line[marks..].starts_with(' ') {
        let indent = "  ".repeat(marks - 1);
        let bullet = if line[..marks].ends_with('#') { "1." } else { "-" };
        return format!("{indent}{bullet} {}", inline(line[marks..].trim_start()));
    }
    inline(line)
}

/// Inline marks: `*bold*`, `_italic_`, `{{mono}}`, `[text|url]`, `[url]`.
fn inline(text: &str) -> String {
    let text = text.replace("{{", "`").replace("}}", "`");
    let mut out = String::with_capacity(text.len());
    let mut rest = text.as_str();
    while let Some(open) = rest.find('[') {
        out.push_str(&emphasis(&rest[..open]));
        let after = &rest[open + 1..];
        match after.find(']') {
            Some(close) => {
                let inside = &after[..close];
                match inside.split_once('|') {
                    Some((label, url)) => out.push_str(&format!("[{label}]({url})")),
                    None if inside.contains("://") => out.push_str(&format!("<{inside}>")),
                    None => out.push_str(&format!("[{inside}]")),
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push('[');
                rest = after;
            }
        }
    }
    out.push_str(&emphasis(rest));
    out
}

/// `*bold*` → `**bold**` and `_italic_` → `*italic*`, for marks that open at a word's start.
fn emphasis(text: &str) -> String {
    text.split(' ')
        .map(|word| {
            let swap = |w: &str, mark: char, with: &str| match w
                .strip_prefix(mark)
                .and_then(|w| w.strip_suffix(mark))
            {
                Some(inner) if !inner.is_empty() => Some(format!("{with}{inner}{with}")),
                _ => None,
            };
            swap(word, '*', "**").or_else(|| swap(word, '_', "*")).unwrap_or_else(|| word.to_owned())
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::to_markdown;

    #[test]
    fn the_common_marks_become_markdown() {
        let jira = "h2. Steps\r\n* open *cart*\r\n## nested _step_\r\nSee [the spec|https://x.test/s] and {{make run}}\r\n{code:rust}\r\nlet *a* = 1;\r\n{code}\r\nbq. quoted";
        assert_eq!(
            to_markdown(jira),
            "## Steps\n- open **cart**\n  1. nested *step*\nSee [the spec](https://x.test/s) and `make run`\n```rust\nlet *a* = 1;\n```\n> quoted"
        );
    }
}
