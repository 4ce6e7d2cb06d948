//! The board: its tracks and columns, its items, its settings, initiatives and sprints, and the
//! plain ways to read them. How a board changes is `domain::change`.

use serde::{Deserialize, Serialize};

use super::initiative::Initiative;
use super::item::{Item, ItemId};
use super::labels::Track;
use super::settings::{
    CapacityPolicy, DefinitionOfDone, ENTRY_CRITERIA, InterestWeights, PointValue, StandupSettings,
};
use super::sprint::{Figures, Sprint};

/// The file format version this build reads and writes.
pub const FORMAT_VERSION: u32 = 1;

/// A column of a track.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Column {
    /// Short identifier used on the command line and in the file (`ready`, `doing`, ...).
    pub id: String,
    /// What the screen shows ("In progress").
    pub name: String,
    /// Work-in-progress limit: how many items the column should hold at most.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wip_limit: Option<u32>,
    /// Items here are finished: they no longer count as planned work.
    #[serde(default)]
    pub done: bool,
}

impl Column {
    pub fn new(id: &str, name: &str, done: bool) -> Column {
        Column { id: id.to_owned(), name: name.to_owned(), wip_limit: None, done }
    }
}

/// The ordered columns of one track.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TrackDef {
    pub columns: Vec<Column>,
    /// Limit on the items in all of the track's not-done columns.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wip_limit: Option<u32>,
}

/// One planning board: what a board file holds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Board {
    /// File format version (see [`FORMAT_VERSION`]).
    pub version: u32,
    pub name: String,
    /// The id the next new item gets; ids are never reused, so this only grows.
    pub next_id: ItemId,
    pub capacity: CapacityPolicy,
    pub definition_of_done: DefinitionOfDone,
    /// Why work belongs in the discovery track; `None`: the defaults ([`Board::entry_criteria`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entry_criteria: Option<Vec<String>>,
    /// The severity weights of debt interest; `None`: the defaults ([`Board::interest_weights`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interest_weights: Option<InterestWeights>,
    /// What a point is worth, to tell debt's drag as money (`None`: points only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub point_value: Option<PointValue>,
    pub discovery: TrackDef,
    pub delivery: TrackDef,
    /// Phased delivery, sorted by id. Written before the items so that the items list stays
    /// the last thing in the file (the fast reader relies on it).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(crate) initiatives: Vec<Initiative>,
    /// The sprints, in start order (none: the board works without sprints).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sprints: Vec<Sprint>,
    #[serde(default, skip_serializing_if = "StandupSettings::is_default")]
    pub standup: StandupSettings,
    /// Archive the done items of sprints closed more than this many sprints ago, at each sprint
    /// close (`policy archive-after N`; `None`: off, the default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub archive_after: Option<u32>,
    /// Sorted by id (the store and `apply` keep it so).
    pub(crate) items: Vec<Item>,
}

impl Board {
    /// An empty board with the default columns (docs/guide/board-and-keys.md).
    pub fn new(name: &str) -> Board {
        Board {
            version: FORMAT_VERSION,
            name: name.to_owned(),
            next_id: 1,
            capacity: CapacityPolicy::default(),
            definition_of_done: DefinitionOfDone::default(),
            entry_criteria: None,
            interest_weights: None,
            point_value: None,
            discovery: TrackDef {
                columns: vec![
                    Column::new("explore", "To explore", false),
                    Column::new("exploring", "Exploring", false),
                    Column::new("concluded", "Concluded", true),
                ],
                wip_limit: None,
            },
            delivery: TrackDef {
                columns: vec![
                    Column::new("ready", "Ready", false),
                    Column::new("doing", "In progress", false),
                    Column::new("review", "Review", false),
                    Column::new("done", "Done", true),
                ],
                wip_limit: None,
            },
            initiatives: Vec::new(),
            sprints: Vec::new(),
            standup: StandupSettings::default(),
            archive_after: None,
            items: Vec::new(),
        }
    }

    pub fn track(&self, track: Track) -> &TrackDef {
        match track {
            Track::Discovery => &self.discovery,
            Track::Delivery => &self.delivery,
        }
    }

    pub(crate) fn track_mut(&mut self, track: Track) -> &mut TrackDef {
        match track {
            Track::Discovery => &mut self.discovery,
            Track::Delivery => &mut self.delivery,
        }
    }

    /// The column called `name` and the track it belongs to: by its id, else by its id or its
    /// name in any case (`doing`, `DOING`, `in progress`).
    pub fn find_column(&self, name: &str) -> Option<(Track, usize, &Column)> {
        let find = |matches: &dyn Fn(&Column) -> bool| {
            Track::ALL.into_iter().find_map(|track| {
                let cols = &self.track(track).columns;
                cols.iter().position(matches).map(|i| (track, i, &cols[i]))
            })
        };
        let name = name.trim();
        find(&|c| c.id == name).or_else(|| {
            find(&|c| c.id.eq_ignore_ascii_case(name) || c.name.to_lowercase() == name.to_lowercase())
        })
    }

    /// The column of `track` with this id.
    pub fn column(&self, track: Track, id: &str) -> Option<&Column> {
        self.track(track).columns.iter().find(|c| c.id == id)
    }

    /// Whether items in this column count as finished.
    pub fn is_done_column(&self, track: Track, id: &str) -> bool {
        self.column(track, id).is_some_and(|c| c.done)
    }

    /// The entry criteria of discovery work: the board's own, else the defaults.
    pub fn entry_criteria(&self) -> Vec<String> {
        match &self.entry_criteria {
            Some(list) => list.clone(),
            None => ENTRY_CRITERIA.iter().map(|c| (*c).to_owned()).collect(),
        }
    }

    /// The severity weights of debt interest: the board's own, else the defaults.
    pub fn interest_weights(&self) -> InterestWeights {
        self.interest_weights.unwrap_or_default()
    }

    /// The board's settings with no items (for writing its header).
    pub fn clone_without_items(&self) -> Board {
        Board {
            version: self.version,
            name: self.name.clone(),
            next_id: self.next_id,
            capacity: self.capacity.clone(),
            definition_of_done: self.definition_of_done.clone(),
            entry_criteria: self.entry_criteria.clone(),
            interest_weights: self.interest_weights,
            point_value: self.point_value.clone(),
            discovery: self.discovery.clone(),
            delivery: self.delivery.clone(),
            initiatives: self.initiatives.clone(),
            sprints: self.sprints.clone(),
            standup: self.standup.clone(),
            archive_after: self.archive_after,
            items: Vec::new(),
        }
    }

    /// All items, sorted by id.
    pub fn items(&self) -> &[Item] {
        &self.items
    }

    pub fn item(&self, id: ItemId) -> Option<&Item> {
        self.index_of(id).ok().map(|i| &self.items[i])
    }

    pub(crate) fn item_mut(&mut self, id: ItemId) -> Option<&mut Item> {
        self.index_of(id).ok().map(|i| &mut self.items[i])
    }

    /// Binary search by id: `Ok(position)` or `Err(insertion point)`.
    pub(crate) fn index_of(&self, id: ItemId) -> Result<usize, usize> {
        self.items.binary_search_by_key(&id, |it| it.id)
    }
}

/// The sprints.
impl Board {
    /// The open sprint (the latest started, should a merge have left two open).
    pub fn current_sprint(&self) -> Option<&Sprint> {
        self.sprints.iter().filter(|s| s.is_open()).max_by_key(|s| (s.start, s.name.as_str()))
    }

    pub fn sprint(&self, name: &str) -> Option<&Sprint> {
        self.sprints.iter().find(|s| s.name == name)
    }

    /// The closed sprints, oldest first, with their figures.
    pub fn closed_sprints(&self) -> impl Iterator<Item = (&Sprint, &Figures)> {
        self.sprints.iter().filter_map(|s| s.figures.as_ref().map(|f| (s, f)))
    }

    /// Whether `item` is committed to the open sprint.
    pub fn in_current_sprint(&self, item: &Item) -> bool {
        item.sprint.is_some() && self.current_sprint().is_some_and(|s| s.holds(item))
    }
}

/// The initiatives.
impl Board {
    /// The initiatives, sorted by id.
    pub fn initiatives(&self) -> &[Initiative] {
        &self.initiatives
    }

    pub fn initiative(&self, id: &str) -> Option<&Initiative> {
        self.initiative_index(id).ok().map(|i| &self.initiatives[i])
    }

    /// Binary search by id: `Ok(position)` or `Err(insertion point)`.
    pub(crate) fn initiative_index(&self, id: &str) -> Result<usize, usize> {
        self.initiatives.binary_search_by(|it| it.id.as_str().cmp(id))
    }
}
