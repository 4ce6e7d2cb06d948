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
    /// Select the first card of the column.
    SelectFirst,
    /// Select the last card of the column.
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
    /// Go to an item linked to the selected one (again for the next link).
    FollowLink,
    /// Edit the definitions of done of both stages.
    DefinitionOfDone,
    /// Show the debt register: open debt by severity and cost.
    DebtRegister,
    /// Show the capacity split against its targets; again to close it.
    Capacity,
    /// Show only the selected track at full width; again to show both.
    Zoom,
    /// Presenter mode for a shared screen; again to leave it.
    Presenter,
    /// Search and filter the board.
    Search,
    /// Show every binding of the current mode.
    Help,
    /// Quit (every change is already saved).
    Quit,
    /// Close the open overlay, clear the search, or cancel.
    Close,
    /// Scroll the open overlay down.
    ScrollDown,
    /// Scroll the open overlay up.
    ScrollUp,
    /// Go to the next field of the form.
    NextField,
    /// Go to the previous field of the form.
    PrevField,
    /// Confirm: next field in a form, keep the filter in search.
    Confirm,
    /// Save the form.
    Save,
    /// Go to the selected item on the board.
    GoTo,
    /// Commit the selected item to the open sprint, or take it back to the backlog.
    Commit,
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
}

impl Action {
    /// What help says the action does.
    pub fn describe(self) -> &'static str {
        match self {
            Action::SelectLeft => "select the previous column",
            Action::SelectRight => "select the next column",
            Action::SelectDown => "select the next card (stage one, then stage two)",
            Action::SelectUp => "select the previous card",
            Action::OtherLane => "jump to the other lane of the column",
            Action::SelectFirst => "first card of the column",
            Action::SelectLast => "last card of the column",
            Action::MoveLeft => "move the item to the previous column",
            Action::MoveRight => "move the item to the next column",
            Action::MoveDown => "move the item down in its lane",
            Action::MoveUp => "move the item up in its lane",
            Action::StageOne => "label the item stage one",
            Action::StageTwo => "label the item stage two",
            Action::ToggleStage => "toggle the item's stage",
            Action::OtherTrack => "move the item to the other track",
            Action::Add => "add an item in this column and lane",
            Action::Edit => "edit the selected item (the settings in the capacity view)",
            Action::Delete => "delete the item (undoable)",
            Action::Undo => "undo",
            Action::Redo => "redo",
            Action::FollowUp => "log a stage-two follow-up for this stage-one item",
            Action::Accept => "accept this stage-one item: its follow-ups go next",
            Action::Promote => "promote this discovery item into delivery items",
            Action::Drop => "drop this discovery item, saying why",
            Action::FollowLink => "go to a linked item (again: the next link)",
            Action::DefinitionOfDone => "edit the definitions of done",
            Action::DebtRegister => "debt register: open debt by severity and cost",
            Action::Capacity => "capacity view: the split against its targets",
            Action::Zoom => "zoom into the selected track / show both",
            Action::Presenter => "presenter mode: high contrast, details always shown",
            Action::Search => "search and filter the board",
            Action::Help => "help: every key of this mode",
            Action::Quit => "quit (changes are already saved)",
            Action::Close => "close, clear the filter, or cancel",
            Action::ScrollDown => "scroll down",
            Action::ScrollUp => "scroll up",
            Action::NextField => "next field",
            Action::PrevField => "previous field",
            Action::Confirm => "confirm (next field, keep the filter, yes)",
            Action::Save => "save the form",
            Action::GoTo => "go to the selected item on the board",
            Action::Commit => "commit the item to the open sprint / back to the backlog",
            Action::SprintFilter => "show only the open sprint's items / everything",
            Action::Block => "mark the item blocked, saying why / unblock it",
            Action::Standup => "standup: what moved since the last one, blocked, unmoved, in progress",
            Action::StartSprint => "start a sprint",
            Action::CloseSprint => "close the sprint: record its figures, roll over, start the next",
            Action::SetMark => "set the standup mark: the next standup counts from now",
            Action::MoreDays => "call out unmoved items after one more day",
            Action::FewerDays => "call out unmoved items after one day less",
        }
    }
}
