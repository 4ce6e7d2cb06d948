//! GitHub issues as `gh issue list --json number,title,body,labels,assignees,state,milestone,url,
//! createdAt,closedAt` prints them (an array), or `gh issue view --json …` (one object); `gh`'s
//! manual lists the fields, `parent`, `subIssues`, `blockedBy` and `issueType` among them.

use serde_json::Value;

use super::error::ExchangeError;
use super::record::{Batch, Record};

/// The issues of `text`, keyed `gh:NUMBER`, from the repository their URLs name.
pub fn read(text: &str) -> Result<Batch, ExchangeError> {
    let value: Value = super::own::json(text, "GitHub issues JSON")?;
    let issues = match value {
        Value::Array(issues) => issues,
        Value::Object(_) => vec![value],
        _ => return Err(not_github("it is neither a list of issues nor one issue")),
    };
    let mut batch = Batch { system: "github", ..Batch::default() };
    for (index, issue) in issues.iter().enumerate() {
        let at = format!("issue at index {index}");
        let record = issue_record(issue, &at)?;
        let origin = record.url.as_deref().and_then(repository).unwrap_or_default();
        if batch.origin.is_empty() {
            batch.origin = origin;
        } else if !origin.is_empty() && origin != batch.origin {
            return Err(ExchangeError::record(
                format!("{at} ({})", record.key),
                format!(
                    "it is from {origin}, the issues before it from {}: import one repository at a time",
                    batch.origin
                ),
            ));
        }
        batch.records.push(record);
    }
    if batch.origin.is_empty() {
        batch.origin = "github".into();
    }
    Ok(batch)
}

fn not_github(why: &str) -> ExchangeError {
    ExchangeError::NotThatFormat { expected: "GitHub issues JSON", why: why.into() }
}

fn issue_record(issue: &Value, at: &str) -> Result<Record, ExchangeError> {
    let Some(number) = issue.get("number").and_then(Value::as_u64) else {
        return Err(ExchangeError::record(at, "it has no issue number (gh issue list --json number,…)"));
    };
    let text = |name: &str| issue.get(name).and_then(Value::as_str).unwrap_or_default().to_owned();
    let mut record = Record {
        key: format!("gh:{number}"),
        at: format!("{at} (#{number})"),
        url: issue.get("url").and_then(Value::as_str).map(str::to_owned),
        title: text("title"),
        description: text("body"),
        ..Record::default()
    };
    let state = text("state");
    record.closed = state.eq_ignore_ascii_case("closed") || issue.get("closed") == Some(&Value::Bool(true));
    record.status = Some(if record.closed { "closed".into() } else { "open".into() });
    record.labels = names(issue.get("labels"), "name");
    if let Some(kind) = issue.get("issueType").and_then(|t| t.get("name")).and_then(Value::as_str) {
        record.labels.push(kind.to_owned());
    }
    let assignees = names(issue.get("assignees"), "login");
    record.assignee = assignees.first().cloned();
    if assignees.len() > 1 {
        record.keep("assignees", &assignees.join(", "));
    }
    record.milestone =
        issue.get("milestone").and_then(|m| m.get("title")).and_then(Value::as_str).map(str::to_owned);
    record.keep("milestone", record.milestone.clone().unwrap_or_default().as_str());
    for (name, field) in [("createdAt", "created"), ("closedAt", "closed"), ("stateReason", "state reason")] {
        record.keep(field, &text(name));
    }
    if let Some(author) = issue.get("author").and_then(|a| a.get("login")).and_then(Value::as_str) {
        record.keep("author", author);
    }
    for name in ["parent", "subIssues", "blockedBy", "blocking"] {
        record.links.extend(numbers(issue.get(name)).into_iter().map(|n| format!("gh:{n}")));
    }
    Ok(record)
}

/// `key` of each object of a list (`labels[].name`, `assignees[].login`).
fn names(list: Option<&Value>, key: &str) -> Vec<String> {
    let list = list.and_then(|l| l.get("nodes").or(Some(l))).and_then(Value::as_array);
    list.into_iter().flatten().filter_map(|v| v.get(key)?.as_str()).map(str::to_owned).collect()
}

/// The issue numbers of a relation: one issue (`parent`), a list, or GraphQL's `{nodes: […]}`.
fn numbers(relation: Option<&Value>) -> Vec<u64> {
    let Some(relation) = relation.map(|r| r.get("nodes").unwrap_or(r)) else { return Vec::new() };
    let one = |v: &Value| v.as_u64().or_else(|| v.get("number")?.as_u64());
    match relation {
        Value::Array(list) => list.iter().filter_map(one).collect(),
        other => one(other).into_iter().collect(),
    }
}

/// `github.com/acme/shop` of `https://github.com/acme/shop/issues/12`.
pub fn repository(url: &str) -> Option<String> {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let mut parts = rest.split('/');
    let (host, owner, repo) = (parts.next()?, parts.next()?, parts.next()?);
    (!owner.is_empty() && !repo.is_empty()).then(|| format!("{host}/{owner}/{repo}"))
}
