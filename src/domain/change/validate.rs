//! The rules a board read from a file must satisfy beyond its syntax.

use std::collections::HashSet;

use super::initiative_edit::InitiativeError;
use crate::model::initiative::valid_id;
use crate::model::{Board, FORMAT_VERSION, ItemId, Track};

/// What a broken rule is about, so that the store can point at the line in the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Subject {
    /// The `n`th (0-based) item with this id.
    Item { id: ItemId, occurrence: usize },
    /// The `n`th (0-based) column with this id.
    Column { id: String, occurrence: usize },
    /// A field of the item with this id.
    ItemField { id: ItemId, field: &'static str },
    /// A top-level field of the board.
    Field(&'static str),
}

/// A broken rule: what is wrong, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Invalid {
    pub message: String,
    pub subject: Subject,
}

impl Board {
    /// Checks the rules that the file's syntax cannot express, after sorting items by id.
    ///
    /// Also moves `next_id` past the largest id so a hand-added item never has its id reused.
    pub fn normalize(&mut self) -> Result<(), Invalid> {
        if self.version != FORMAT_VERSION {
            return Err(Invalid {
                message: format!(
                    "unsupported version {} (this build reads version {FORMAT_VERSION})",
                    self.version
                ),
                subject: Subject::Field("version"),
            });
        }
        if self.capacity.discovery_share > 100 || self.capacity.stage_two_share > 100 {
            return Err(Invalid {
                message: "a target share is a percentage and cannot be over 100".into(),
                subject: Subject::Field("capacity"),
            });
        }
        self.check_columns()?;
        self.check_sprints()?;
        self.items.sort_by_key(|it| it.id);
        self.check_items()?;
        self.check_initiatives()?;
        self.check_references()?;
        let max_id = self.items.last().map_or(0, |it| it.id);
        self.next_id = self.next_id.max(max_id + 1);
        Ok(())
    }

    fn check_columns(&self) -> Result<(), Invalid> {
        let mut seen = HashSet::new();
        for track in Track::ALL {
            let columns = &self.track(track).columns;
            if columns.is_empty() {
                return Err(Invalid {
                    message: format!("the {track} track needs at least one column"),
                    subject: Subject::Field(track.name()),
                });
            }
            for column in columns {
                let well_formed = !column.id.is_empty()
                    && column.id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
                if !well_formed {
                    return Err(Invalid {
                        message: format!("column id `{}` must be letters, digits, `-` or `_`", column.id),
                        subject: Subject::Column { id: column.id.clone(), occurrence: 0 },
                    });
                }
                if !seen.insert(column.id.as_str()) {
                    return Err(Invalid {
                        message: format!("column id `{}` is used twice", column.id),
                        subject: Subject::Column { id: column.id.clone(), occurrence: 1 },
                    });
                }
            }
        }
        Ok(())
    }

    /// Sprint names are the sprints' ids: each is used once.
    fn check_sprints(&self) -> Result<(), Invalid> {
        let mut seen = HashSet::new();
        match self.sprints.iter().find(|s| !seen.insert(s.name.as_str())) {
            Some(twice) => Err(Invalid {
                message: format!(
                    "sprint name \"{}\" is used twice; sprint names are unique on a board",
                    twice.name
                ),
                subject: Subject::Field("sprints"),
            }),
            None => Ok(()),
        }
    }

    fn check_items(&self) -> Result<(), Invalid> {
        let mut previous = None;
        for item in &self.items {
            if item.id == 0 {
                return Err(Invalid {
                    message: "item ids start at 1, found id 0".into(),
                    subject: Subject::Item { id: 0, occurrence: 0 },
                });
            }
            if previous == Some(item.id) {
                return Err(Invalid {
                    message: format!("item id {} is used twice", item.id),
                    subject: Subject::Item { id: item.id, occurrence: 1 },
                });
            }
            previous = Some(item.id);
            if self.column(item.track, &item.column).is_none() {
                let message = match self.find_column(&item.column) {
                    Some((other, _, _)) => format!(
                        "item #{} is in the {} track but its column `{}` belongs to the {other} track",
                        item.id, item.track, item.column
                    ),
                    None => format!("item #{} is in column `{}`, which does not exist", item.id, item.column),
                };
                return Err(Invalid { message, subject: Subject::Item { id: item.id, occurrence: 0 } });
            }
        }
        Ok(())
    }
}

impl Board {
    /// The rules a loaded file's initiatives must satisfy (sorting them by id first): well-formed
    /// unique ids, and every item's initiative exists and comes with a phase.
    pub(crate) fn check_initiatives(&mut self) -> Result<(), Invalid> {
        self.initiatives.sort_by(|a, b| a.id.cmp(&b.id));
        let field = |message: String| Invalid { message, subject: Subject::Field("initiatives") };
        for (n, initiative) in self.initiatives.iter().enumerate() {
            if !valid_id(&initiative.id) {
                return Err(field(InitiativeError::BadId(initiative.id.clone()).to_string()));
            }
            if n > 0 && self.initiatives[n - 1].id == initiative.id {
                return Err(field(format!("initiative id `{}` is used twice", initiative.id)));
            }
        }
        for item in &self.items {
            if let Err(err) = self.check_membership(item.initiative.as_deref(), item.phase) {
                return Err(Invalid {
                    message: format!("item #{}: {err}", item.id),
                    subject: Subject::Item { id: item.id, occurrence: 0 },
                });
            }
        }
        Ok(())
    }
}
