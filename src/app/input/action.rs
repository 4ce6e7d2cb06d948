//! The bindable vocabulary: every command a key can be bound to in a keymap.
//!
//! Names are snake_case in keymap files (`select_left`); [`Action::describe`] is the line that
//! help shows for it.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Select the previous column (crosses from delivery back into discovery).
    SelectLeft,
    /// Select the next column (crosses from discovery into delivery).
    SelectRight,
    /// Select the next card in the column (stage-one lane, then stage-two lane).
    SelectDown,
    /// Select the previous card in the column.
    SelectUp,
    /// Jump to the other lane of the same column.
    OtherLane,
    /// Select the first card of the lane.
    SelectFirst,
    /// Select the last card of the lane.
    SelectLast,
    /// Move the selected item to the previous column of its track.
    MoveLeft,
    /// Move the selected item to the next column of its track.
    MoveRight,
    /// Move the selected item down within its lane.
    MoveDown,
    /// Move the selected item up within its lane.
    MoveUp,
    /// Label the selected item stage one.
    StageOne,
    /// Label the selected item stage two.
    StageTwo,
    /// Toggle the selected item's stage.
    ToggleStage,
    /// Move the selected item to the other track.
    OtherTrack,
    /// Step the selected item's estimate up the scale 1 2 3 5 8 13 20 40 100.
    EstimateUp,
    /// Step the selected item's estimate down the scale (below 1: no estimate).
    EstimateDown,
    /// Type the selected item's estimate in a one-field prompt.
    Estimate,
    /// Type the debt a stage-one item is expected to leave, in a one-field prompt.
    AnticipatedDebt,
    /// Add an item in the selected column and lane.
    Add,
    /// Open the selected item's details for editing.
    Edit,
    /// Delete the selected item (undoable).
    Delete,
    /// Undo the last change.
    Undo,
    /// Redo the last undone change.
    Redo,
    /// Log a stage-two follow-up (debt) for the selected stage-one item.
    FollowUp,
    /// Accept the selected stage-one item: its open follow-ups go next.
    Accept,
    /// Promote the selected discovery item into delivery items.
    Promote,
    /// Drop the selected discovery item, saying why.
    Drop,
    /// Go to an item linked to the selected one (again for the next link). Keymap files
    /// written before it had this name call it `follow_link`.
    #[serde(alias = "follow_link")]
    NextLink,
    /// Edit the definitions of done of both stages.
    DefinitionOfDone,
    /// Show the debt register: open debt by severity and cost.
    DebtRegister,
    /// Split the selected stage-one item into the variants of an experiment.
    SplitVariants,
    /// Pick the selected variant as its experiment's winner; the others are archived as lost.
    PickWinner,
    /// Say why the selected discovery item is discovery work: its entry criteria.
    EntryCriteria,
    /// Show the next page of the view (the capacity split, discovery).
    NextPage,
    /// Sort the list the other way (by severity, by interest).
    ToggleSort,
    /// Tick or untick the selected entry.
    Tick,
    /// Answer that none of the entries applies (the answer is recorded).
    NoneApplies,
    /// Show the capacity split against its targets; again to close it.
    Capacity,
    /// Show only the selected track at full width; again to show both.
    Zoom,
    /// Presenter mode for a shared screen; again to leave it.
    Presenter,
    /// Follow the presenter: selection, zoom and open view in step; again to stop following.
    Follow,
    /// Hand presenting over to someone else on the board.
    HandOver,
    /// Search and filter the board.
    Search,
    /// Show every binding of the current mode.
    Help,
    /// The command palette: find a board action by a few letters of its description and run it.
    Palette,
    /// Quit (every change is already saved).
    Quit,
    /// Close the open overlay, clear the search, or cancel.
    Close,
    /// Scroll the open overlay down.
    ScrollDown,
    /// Scroll the open overlay up.
    ScrollUp,
    /// Scroll the open overlay down a page.
    PageDown,
    /// Scroll the open overlay up a page.
    PageUp,
    /// Go to the next field of the form.
    NextField,
    /// Go to the previous field of the form.
    PrevField,
    /// Confirm: save a form (a new line in a multi-line field), keep the filter, answer yes.
    Confirm,
    /// Save the form.
    Save,
    /// Edit the focused field of several lines in `$VISUAL` / `$EDITOR` (`vi` when unset).
    OpenEditor,
    /// Go to the selected item on the board.
    GoTo,
    /// Apply your values that were not applied in the last conflict (someone changed them first).
    ApplyMine,
    /// Reopen the form kept as a draft when the last session ended with it open.
    ReopenDraft,
    /// Show the initiatives: progress per phase, current phase, warnings.
    Initiatives,
    /// Put the selected item into an initiative and phase (or take it out).
    LabelInitiative,
    /// Show the selected initiative's details: criteria, decisions, items.
    InitiativeDetails,
    /// Record the decision at a phase boundary of the selected initiative.
    Decide,
    /// Create an initiative.
    AddInitiative,
    /// Edit the selected initiative: name, description, criteria, status.
    EditInitiative,
    /// Filter the board to the selected initiative's items.
    ShowItems,
    /// Commit the selected item (or the visual selection) to the open sprint.
    Commit,
    /// Take the selected item (or the visual selection) out of the open sprint, back to the backlog.
    Uncommit,
    /// Start a visual selection at the selected card: `j`/`k` extend it down the column.
    VisualSelect,
    /// Give every item of the visual selection an assignee (a one-field form).
    Assign,
    /// Show only the open sprint's items; again to show everything.
    SprintFilter,
    /// Mark the selected item blocked (saying why), or unblock it.
    Block,
    /// Standup view: what moved since the last standup, blocked and unmoved items, who works on what.
    Standup,
    /// Start a sprint.
    StartSprint,
    /// Close the open sprint: record its figures, roll unfinished work over, start the next.
    CloseSprint,
    /// Set the standup mark: the next standup shows what changes from now.
    SetMark,
    /// Call out items only after more days without a move.
    MoreDays,
    /// Call out items after fewer days without a move.
    FewerDays,
    /// The retrospective: the balance of the last sprints, where debt grows fastest, where the
    /// capacity went, discovery, drag, open actions and the proposed stage-two target.
    Retro,
    /// Retrospective: make the proposed stage-two target the board's.
    AcceptRatio,
    /// Charts: the sprint's burn-up, velocity by stage, cumulative flow, cycle time.
    Charts,
    /// Charts: the next chart.
    NextChart,
    /// Charts: the previous chart.
    PrevChart,
    /// Charts: the cumulative flow of the other track.
    ChartTrack,
    /// The recently deleted items, to restore one with its fields, place and links.
    DeletedItems,
    /// The archive: archived items, to find one and put it back on the board.
    ArchivedItems,
    /// In a list of items off the board: restore (or unarchive) the chosen one.
    TakeBack,
}

impl Action {
    /// The action's name in keymap files (`select_left`).
    pub fn name(self) -> String {
        ron::to_string(&self).unwrap_or_else(|_| format!("{self:?}"))
    }

    /// Whether the action changes the board (a read-only session refuses it and lists no key
    /// for it). `Edit` is not: in a read-only session it shows the item's details.
    pub fn changes_board(self) -> bool {
        use Action::*;
        matches!(
            self,
            MoveLeft
                | MoveRight
                | MoveDown
                | MoveUp
                | StageOne
                | StageTwo
                | ToggleStage
                | OtherTrack
                | Add
                | Delete
                | Undo
                | Redo
                | FollowUp
                | Accept
                | Promote
                | Drop
                | DefinitionOfDone
                | EstimateUp
                | EstimateDown
                | Estimate
                | AnticipatedDebt
                | SplitVariants
                | PickWinner
                | EntryCriteria
                | LabelInitiative
                | Decide
                | AddInitiative
                | EditInitiative
                | ApplyMine
                | ReopenDraft
                | Commit
                | Uncommit
                | Assign
                | Block
                | StartSprint
                | CloseSprint
                | SetMark
                | MoreDays
                | FewerDays
                | AcceptRatio
                | TakeBack
        )
    }

    /// What help says the action does.
    pub fn describe(self) -> &'static str {
        match self {
            Action::SelectLeft => "select the previous column",
            Action::SelectRight => "select the next column",
            Action::SelectDown => "select the next card (stage one, then stage two)",
            Action::SelectUp => "select the previous card",
            Action::OtherLane => "jump to the other lane of the column",
            Action::SelectFirst => "first card of the lane",
            Action::SelectLast => "last card of the lane",
            Action::MoveLeft => "move the item to the previous column",
            Action::MoveRight => "move the item to the next column",
            Action::MoveDown => "move the item down in its lane",
            Action::MoveUp => "move the item up in its lane",
            Action::StageOne => "label the item stage one",
            Action::StageTwo => "label the item stage two",
            Action::ToggleStage => "toggle the item's stage",
            Action::OtherTrack => "move the item to the other track",
            Action::EstimateUp => "estimate up: 1 2 3 5 8 13 20 40 100",
            Action::EstimateDown => "estimate down (below 1: no estimate)",
            Action::Estimate => "type the item's estimate",
            Action::AnticipatedDebt => "type the debt (points) a stage-one item is expected to leave",
            Action::Add => "add an item in this column and lane",
            Action::Edit => "edit the selected item (the settings in the capacity view)",
            Action::Delete => "delete the item (undoable)",
            Action::Undo => "undo",
            Action::Redo => "redo",
            Action::FollowUp => "log a stage-two follow-up for this stage-one item",
            Action::Accept => "accept this stage-one item: its follow-ups go next",
            Action::Promote => "promote this discovery item into delivery items",
            Action::Drop => "drop this discovery item, saying why",
            Action::NextLink => "go to a linked item (again: the next link)",
            Action::DefinitionOfDone => "edit the definitions of done",
            Action::DebtRegister => "debt register: open debt by severity and cost, or by interest",
            Action::SplitVariants => "split this stage-one item into variants (an A/B experiment)",
            Action::PickWinner => "pick this variant as the winner: the others are archived as lost",
            Action::EntryCriteria => "say why this discovery item is discovery work (entry criteria)",
            Action::NextPage => "next page (capacity split, discovery)",
            Action::ToggleSort => "sort by severity and cost, or by interest",
            Action::Tick => "tick or untick the selected entry",
            Action::NoneApplies => "none of them applies (recorded)",
            Action::Capacity => "capacity view: the split against its targets",
            Action::Zoom => "zoom into the selected track / show both",
            Action::Presenter => "presenter mode: high contrast, details always shown",
            Action::Follow => "follow the presenter (again: stop following)",
            Action::HandOver => "hand presenting over to someone on the board",
            Action::Search => "search and filter the board",
            Action::Help => "help: every key of this mode",
            Action::Palette => "command palette: find an action by name and run it",
            Action::Quit => "quit (changes are already saved)",
            Action::Close => "close, clear the filter, or cancel",
            Action::ScrollDown => "scroll down",
            Action::ScrollUp => "scroll up",
            Action::PageDown => "page down",
            Action::PageUp => "page up",
            Action::NextField => "next field",
            Action::PrevField => "previous field",
            Action::Confirm => "confirm: save (a new line in a multi-line field), keep the filter, yes",
            Action::Save => "save the form",
            Action::OpenEditor => "edit this field of several lines in $VISUAL or $EDITOR (else vi)",
            Action::GoTo => "go to the selected item on the board",
            Action::ApplyMine => "apply your values of the last conflict (someone else's were first)",
            Action::ReopenDraft => "reopen the draft of a form left open when a session ended",
            Action::Initiatives => "initiatives: progress per phase, warnings, decisions",
            Action::LabelInitiative => "put the item into an initiative and phase",
            Action::InitiativeDetails => "details: criteria, decisions (newest first), items",
            Action::Decide => "record the phase-boundary decision (continue, pivot, stop)",
            Action::AddInitiative => "add an initiative",
            Action::EditInitiative => "edit the initiative: name, criteria, status",
            Action::ShowItems => "show its items on the board (a filter)",
            Action::Commit => "commit the item (or the selected run) to the open sprint",
            Action::Uncommit => "take the item (or the selected run) out of the sprint, back to the backlog",
            Action::VisualSelect => "visual selection: j/k extend it down the column, then act on the run",
            Action::Assign => "give every selected item an assignee",
            Action::SprintFilter => "show only the open sprint's items / everything",
            Action::Block => "mark the item blocked, saying why / unblock it",
            Action::Standup => "standup: what moved since the last one, blocked, unmoved, in progress",
            Action::StartSprint => "start a sprint",
            Action::CloseSprint => "close the sprint: record its figures, roll over, start the next",
            Action::SetMark => "set the standup mark: the next standup counts from now",
            Action::Retro => "retrospective: the balance, where debt grows, the proposed stage-two target",
            Action::AcceptRatio => "accept the proposed stage-two target (the next sprint uses it)",
            Action::Charts => "charts: burn-up, velocity by stage, cumulative flow, cycle time",
            Action::NextChart => "next chart",
            Action::PrevChart => "previous chart",
            Action::ChartTrack => "cumulative flow of the other track",
            Action::MoreDays => "call out unmoved items after one more day",
            Action::FewerDays => "call out unmoved items after one day less",
            Action::DeletedItems => "recently deleted: restore an item deleted by mistake",
            Action::ArchivedItems => "archive: find an archived item and put it back",
            Action::TakeBack => "restore the chosen item (unarchive it, in the archive)",
        }
    }
}
