//! The one table of which actions mean something in which mode. Keymaps are checked against it
//! when they are read (a user's binding of an action its mode cannot carry out is reported, not
//! silently ignored), and dispatch consults it before it routes an action, so the two can never
//! disagree. A new action or mode adds its row here; a test presses every pair in the table.

use crate::app::input::action::Action;
use crate::app::input::keymap::Mode;

impl Mode {
    /// Every action this mode carries out, in help order.
    pub fn actions(self) -> &'static [Action] {
        use Action::*;
        match self {
            Mode::Board => &[
                SelectLeft,
                SelectRight,
                SelectDown,
                SelectUp,
                OtherLane,
                SelectFirst,
                SelectLast,
                MoveLeft,
                MoveRight,
                MoveDown,
                MoveUp,
                StageOne,
                StageTwo,
                ToggleStage,
                OtherTrack,
                EstimateUp,
                EstimateDown,
                Estimate,
                AnticipatedDebt,
                Add,
                Edit,
                Delete,
                Undo,
                Redo,
                FollowUp,
                Accept,
                SplitVariants,
                PickWinner,
                EntryCriteria,
                ApplyMine,
                ReopenDraft,
                Initiatives,
                LabelInitiative,
                Follow,
                HandOver,
                Promote,
                Drop,
                NextLink,
                DefinitionOfDone,
                DebtRegister,
                Capacity,
                Commit,
                Uncommit,
                VisualSelect,
                SprintFilter,
                Block,
                Standup,
                Retro,
                Charts,
                DeletedItems,
                ArchivedItems,
                Zoom,
                Presenter,
                Search,
                Help,
                Palette,
                Quit,
                Close,
            ],
            Mode::Help => &[ScrollDown, ScrollUp, PageDown, PageUp, SelectFirst, SelectLast, Search, Close],
            Mode::HelpFilter => &[ScrollDown, ScrollUp, PageDown, PageUp, Confirm, Close],
            Mode::Palette => &[SelectDown, SelectUp, Confirm, Close],
            Mode::Form => &[NextField, PrevField, Confirm, Save, OpenEditor, Close],
            Mode::Search => &[Confirm, Close],
            Mode::Capacity => &[Edit, NextPage, StartSprint, CloseSprint, Undo, Redo, Help, Close],
            Mode::Debt => &[SelectDown, SelectUp, ToggleSort, GoTo, Help, Close],
            Mode::Confirm => &[Confirm, Close],
            Mode::Discovery => &[Edit, NextPage, Undo, Redo, Help, Close],
            Mode::Criteria => &[SelectDown, SelectUp, Tick, NoneApplies, Save, Help, Close],
            Mode::Details => &[Help, Close],
            Mode::MergeNote => &[SelectDown, SelectUp, GoTo, Help, Close],
            Mode::HandOver => &[SelectDown, SelectUp, Confirm, Help, Close],
            Mode::Initiatives => &[
                SelectDown,
                SelectUp,
                InitiativeDetails,
                Decide,
                AddInitiative,
                EditInitiative,
                ShowItems,
                Undo,
                Redo,
                Help,
                Close,
            ],
            Mode::Initiative => {
                &[ScrollDown, ScrollUp, Decide, EditInitiative, ShowItems, Undo, Redo, Help, Close]
            }
            Mode::Standup => &[ScrollDown, ScrollUp, SetMark, MoreDays, FewerDays, Undo, Redo, Help, Close],
            Mode::Retro => &[ScrollDown, ScrollUp, AcceptRatio, Charts, Undo, Redo, Help, Close],
            Mode::Charts => &[NextChart, PrevChart, ChartTrack, Help, Close],
            Mode::OffBoard => &[SelectDown, SelectUp, SelectFirst, SelectLast, Search, TakeBack, Help, Close],
            Mode::OffBoardFilter => &[SelectDown, SelectUp, Confirm, Close],
            // What a run of cards can take at once; any other key is refused, never carried out
            // on one card of the run (docs/guide/board-and-keys.md, "Visual selection").
            Mode::Visual => &[
                SelectDown,
                SelectUp,
                Commit,
                Uncommit,
                StageOne,
                StageTwo,
                ToggleStage,
                MoveLeft,
                MoveRight,
                Assign,
                Help,
                Close,
            ],
        }
    }

    /// Whether `action` means something in this mode.
    pub fn accepts(self, action: Action) -> bool {
        self.actions().contains(&action)
    }

    /// The first of `actions` this mode carries out (the mouse wheel scrolls whatever the mode
    /// scrolls: help lines, register rows, form fields, cards).
    pub fn first_of(self, actions: &[Action]) -> Option<Action> {
        actions.iter().copied().find(|a| self.accepts(*a))
    }
}
