//! The forms of phased delivery: an initiative (name, id, description, status, success
//! criteria per phase), the boundary decision (review, decide, plan, communicate), and putting
//! an item into an initiative and phase. Errors from the domain are pointed at their field, so
//! the form stays open with the reason.

use crate::app::forms::form::{Field, FieldKey, Form, Input, Purpose};
use crate::domain::change::initiative_edit::InitiativeChange;
use crate::domain::phases::initiatives::{DecisionInput, NewInitiative, PhasedError, open_items};
use crate::domain::phases::progress::Progress;
use crate::model::{Board, Boundary, Criteria, Initiative, Item, OpenItems, Phase, Status, Verdict};
use crate::words::count;

/// Criteria are typed on one line per phase, separated by `;`.
const SEPARATOR: char = ';';

fn criteria_fields(criteria: &Criteria) -> Vec<Field> {
    Phase::ALL
        .iter()
        .map(|phase| {
            let label = format!("{} criteria (a; b)", phase.label());
            let text = criteria.of(*phase).join(&format!("{SEPARATOR} "));
            Field::new(FieldKey::Criteria(*phase), label, Input::line(&text))
        })
        .collect()
}

fn criteria_values(form: &Form) -> Criteria {
    let mut criteria = Criteria::default();
    for phase in Phase::ALL {
        *criteria.of_mut(phase) = form
            .value(FieldKey::Criteria(phase))
            .split(SEPARATOR)
            .map(|c| c.trim().to_owned())
            .filter(|c| !c.is_empty())
            .collect();
    }
    criteria
}

pub fn new_initiative() -> Form {
    let mut fields = vec![
        Field::new(FieldKey::Name, "Name", Input::line("")),
        Field::new(FieldKey::InitiativeId, "Id (empty: from the name)", Input::line("")),
        Field::new(FieldKey::Description, "Description", Input::line("")),
    ];
    fields.extend(criteria_fields(&Criteria::default()));
    Form::new(
        Purpose::NewInitiative,
        "Add initiative".into(),
        "It ships in three phases: MVP (0–30 %), enhancement (30–70 %), polish (70–100 %)".into(),
        fields,
    )
}

pub fn new_initiative_values(form: &Form) -> NewInitiative {
    NewInitiative {
        name: form.value(FieldKey::Name),
        id: Some(form.value(FieldKey::InitiativeId)),
        description: form.value(FieldKey::Description),
        criteria: criteria_values(form),
    }
}

pub fn edit_initiative(initiative: &Initiative) -> Form {
    // Only a decision stops an initiative, so `stopped` is offered only to keep it so.
    let statuses: Vec<&str> = Status::ALL
        .iter()
        .filter(|s| **s != Status::Stopped || initiative.status == Status::Stopped)
        .map(|s| s.name())
        .collect();
    let mut fields = vec![
        Field::new(FieldKey::Name, "Name", Input::line(&initiative.name)),
        Field::new(FieldKey::Description, "Description", Input::line(&initiative.description)),
        Field::new(FieldKey::Status, "Status", Input::choice(statuses, initiative.status.name())),
    ];
    fields.extend(criteria_fields(&initiative.criteria));
    Form::new(
        Purpose::EditInitiative(initiative.id.clone()),
        format!("Edit initiative {}", initiative.id),
        "Success criteria say when a phase has done its job; separate them with ;".into(),
        fields,
    )
}

pub fn edit_initiative_values(form: &Form) -> InitiativeChange {
    InitiativeChange {
        name: Some(form.value(FieldKey::Name)),
        description: Some(form.value(FieldKey::Description)),
        criteria: Some(criteria_values(form)),
        status: form.value(FieldKey::Status).parse().ok(),
    }
}

const BOUNDARIES: [&str; 2] = ["1: MVP → enhancement", "2: enhancement → polish"];
const NOT_CHOSEN: &str = "(choose if stopping)";

/// The boundary gate: review, decide, plan, communicate. Opens on the boundary that is due.
pub fn decide(board: &Board, initiative: &Initiative) -> Form {
    let progress = Progress::of(board, initiative);
    let boundary = progress.next_boundary(initiative);
    let open = open_items(board, &initiative.id).len();
    let heading = format!(
        "{} · {} · phase {} · {}",
        initiative.id,
        progress.done_words(),
        progress.standing_words(),
        count(open, "open item")
    );
    let verdicts = Verdict::ALL.iter().map(|v| v.name()).collect();
    let choices = std::iter::once(NOT_CHOSEN).chain(OpenItems::ALL.iter().map(|o| o.name())).collect();
    let mut form = Form::new(
        Purpose::Decide(initiative.id.clone()),
        format!("Phase boundary decision: {}", initiative.name),
        heading,
        vec![
            Field::new(
                FieldKey::Boundary,
                "Boundary",
                Input::choice(BOUNDARIES.to_vec(), BOUNDARIES[boundary_index(boundary)]),
            ),
            Field::new(FieldKey::Verdict, "Decision", Input::choice(verdicts, Verdict::Continue.name())),
            Field::new(FieldKey::Review, "Review (what worked/didn't)", Input::text("")),
            Field::new(FieldKey::Plan, "Plan for the next phase", Input::line("")),
            Field::new(FieldKey::Communicated, "Communicated to", Input::line("")),
            Field::new(FieldKey::OpenItems, "If stopping, open items", Input::choice(choices, NOT_CHOSEN)),
        ],
    );
    form.notes = progress.warnings.iter().map(|w| format!("! {}", w.message())).collect();
    let ending = boundary.ending();
    form.notes
        .extend(initiative.criteria.of(ending).iter().map(|c| format!("{} criterion: {c}", ending.label())));
    form
}

fn boundary_index(boundary: Boundary) -> usize {
    Boundary::ALL.iter().position(|b| *b == boundary).unwrap_or(0)
}

pub fn decide_values(form: &Form) -> DecisionInput {
    let boundary = BOUNDARIES.iter().position(|b| *b == form.value(FieldKey::Boundary)).unwrap_or(0);
    DecisionInput {
        boundary: Boundary::ALL[boundary],
        verdict: form.value(FieldKey::Verdict).parse().unwrap_or(Verdict::Continue),
        review: form.value(FieldKey::Review),
        plan: form.value(FieldKey::Plan),
        communicated: form.value(FieldKey::Communicated),
        open_items: form.value(FieldKey::OpenItems).parse().ok(),
    }
}

const NONE: &str = "none";

/// Putting `item` into an initiative and phase: its own, else the first active one in the
/// phase that initiative is in.
pub fn label(board: &Board, item: &Item) -> Form {
    let open: Vec<&Initiative> = board
        .initiatives()
        .iter()
        .filter(|it| it.status.is_open() || item.initiative.as_deref() == Some(it.id.as_str()))
        .collect();
    let current = item
        .initiative
        .as_deref()
        .and_then(|id| board.initiative(id))
        .or_else(|| open.iter().copied().find(|it| it.status == Status::Active))
        .or_else(|| open.first().copied());
    let phase = match (item.phase, current) {
        (Some(phase), _) => phase,
        (None, Some(it)) => Progress::of(board, it).current(),
        (None, None) => Phase::Mvp,
    };
    let ids: Vec<&str> = std::iter::once(NONE).chain(open.iter().map(|it| it.id.as_str())).collect();
    let phases = Phase::ALL.iter().map(|p| p.name()).collect();
    let selected = current.map_or(NONE, |it| it.id.as_str());
    Form::new(
        Purpose::Label(item.id),
        format!("Initiative and phase of #{}", item.id),
        format!("\"{}\" · ←/→ choose; none takes it out of its initiative", item.title),
        vec![
            Field::new(FieldKey::Initiative, "Initiative", Input::choice(ids, selected)),
            Field::new(FieldKey::Phase, "Phase", Input::choice(phases, phase.name())),
        ],
    )
}

/// The initiative (`None`: none) and phase the label form asks for.
pub fn label_values(form: &Form) -> (Option<String>, Option<Phase>) {
    let initiative = Some(form.value(FieldKey::Initiative)).filter(|id| id != NONE);
    (initiative, form.value(FieldKey::Phase).parse().ok())
}

/// The field of `form` an error is about, so the form can point at it.
pub fn field_of(form: &Form, err: &PhasedError) -> usize {
    let key = match err {
        PhasedError::EmptyName => FieldKey::Name,
        PhasedError::IdTaken(_) | PhasedError::BadId(_) => FieldKey::InitiativeId,
        PhasedError::NoReview => FieldKey::Review,
        PhasedError::PivotWithoutPlan => FieldKey::Plan,
        PhasedError::StopWithoutChoice { .. } => FieldKey::OpenItems,
        PhasedError::StopByDecision(_) => FieldKey::Status,
        PhasedError::NotTakingWork { .. } | PhasedError::Unknown { .. } => FieldKey::Initiative,
        PhasedError::Closed { .. } => FieldKey::Verdict,
        PhasedError::NoInitiative(_) => FieldKey::Phase,
        PhasedError::Op(_) => return 0,
    };
    let at = form.position(key);
    if at < form.fields.len() { at } else { 0 }
}
