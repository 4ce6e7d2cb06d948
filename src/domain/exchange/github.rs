//! GitHub issues as `gh issue list --json number,title,body,labels,assignees,state,milestone,url,
//! createdAt,closedAt` prints them (an array), or `gh issue view --json …` (one object); `gh`'s
//! manual lists the fields, `parent`, `subIssues`, `blockedBy` and `issueType` among them.

use serde::Deserialize;
use serde_json::Value;

use super::error::ExchangeError;
use super::loose::{Flag, List, Number, Object, Text};
use super::record::{Batch, Record};

const EXPECTED: &str = "GitHub issues JSON";

/// One issue: the fields read (each loosely: a value of another kind reads as absent), the
/// rest skipped unread; plain text is borrowed from the file.
#[derive(Debug, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
struct Issue<'a> {
    number: Number,
    #[serde(borrow)]
    title: Text<'a>,
    #[serde(borrow)]
    body: Text<'a>,
    #[serde(borrow)]
    url: Text<'a>,
    #[serde(borrow)]
    state: Text<'a>,
    closed: Flag,
    #[serde(borrow)]
    labels: List<Named<'a>>,
    #[serde(borrow)]
    issue_type: Object<Named<'a>>,
    #[serde(borrow)]
    assignees: List<Named<'a>>,
    #[serde(borrow)]
    milestone: Object<Named<'a>>,
    #[serde(borrow)]
    created_at: Text<'a>,
    #[serde(borrow)]
    closed_at: Text<'a>,
    #[serde(borrow)]
    state_reason: Text<'a>,
    #[serde(borrow)]
    author: Object<Named<'a>>,
    parent: Option<Value>,
    sub_issues: Option<Value>,
    blocked_by: Option<Value>,
    blocking: Option<Value>,
}

/// A label, a person, a milestone or an issue type: the name each goes by.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Named<'a> {
    #[serde(borrow)]
    name: Text<'a>,
    #[serde(borrow)]
    login: Text<'a>,
    #[serde(borrow)]
    title: Text<'a>,
}

/// The issues of `text`, keyed `gh:NUMBER`, from the repository their URLs name.
pub fn read(text: &str) -> Result<Batch, ExchangeError> {
    let issues: Vec<Object<Issue>> = match text.trim_start().as_bytes().first() {
        Some(b'[') => super::own::parse(text, EXPECTED)?,
        Some(b'{') => vec![super::own::parse(text, EXPECTED)?],
        _ => {
            super::own::json(text, EXPECTED)?;
            return Err(not_github("it is neither a list of issues nor one issue"));
        }
    };
    let mut batch = Batch { system: "github", ..Batch::default() };
    batch.records.reserve(issues.len());
    for (index, issue) in issues.iter().enumerate() {
        let at = format!("issue at index {index}");
        let record = match issue {
            Object::Is(issue) => issue_record(issue, &at)?,
            Object::Not => return Err(no_number(&at)),
        };
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
    ExchangeError::NotThatFormat { expected: EXPECTED, why: why.into() }
}

fn no_number(at: &str) -> ExchangeError {
    ExchangeError::record(at, "it has no issue number (gh issue list --json number,…)")
}

fn issue_record(issue: &Issue<'_>, at: &str) -> Result<Record, ExchangeError> {
    let Some(number) = issue.number.0 else {
        return Err(no_number(at));
    };
    let mut record = Record {
        key: format!("gh:{number}"),
        at: format!("{at} (#{number})"),
        url: issue.url.0.as_deref().map(str::to_owned),
        title: issue.title.or_empty().to_owned(),
        description: issue.body.or_empty().to_owned(),
        ..Record::default()
    };
    record.closed = issue.state.or_empty().eq_ignore_ascii_case("closed") || issue.closed.0 == Some(true);
    record.status = Some(if record.closed { "closed".into() } else { "open".into() });
    record.labels = names(&issue.labels, |n| &n.name);
    if let Some(kind) = issue.issue_type.get().and_then(|t| t.name.0.as_deref()) {
        record.labels.push(kind.to_owned());
    }
    let assignees = names(&issue.assignees, |n| &n.login);
    record.assignee = assignees.first().cloned();
    if assignees.len() > 1 {
        record.keep("assignees", &assignees.join(", "));
    }
    record.milestone = issue.milestone.get().and_then(|m| m.title.0.as_deref()).map(str::to_owned);
    record.keep("milestone", record.milestone.clone().unwrap_or_default().as_str());
    for (text, field) in
        [(&issue.created_at, "created"), (&issue.closed_at, "closed"), (&issue.state_reason, "state reason")]
    {
        record.keep(field, text.or_empty());
    }
    if let Some(author) = issue.author.get().and_then(|a| a.login.0.as_deref()) {
        record.keep("author", author);
    }
    for relation in [&issue.parent, &issue.sub_issues, &issue.blocked_by, &issue.blocking] {
        record.links.extend(numbers(relation.as_ref()).into_iter().map(|n| format!("gh:{n}")));
    }
    Ok(record)
}

/// The text each object of a list has in the field `of` picks (`labels[].name`,
/// `assignees[].login`), the objects without it left out.
fn names<'a>(list: &'a List<Named<'_>>, of: impl Fn(&'a Named<'_>) -> &'a Text<'a>) -> Vec<String> {
    list.0.iter().filter_map(|named| of(named).0.as_deref()).map(str::to_owned).collect()
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
