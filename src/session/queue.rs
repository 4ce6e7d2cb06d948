//! When the board screen's writer thread gets its next job: at most one job in flight and one
//! waiting, changes made meanwhile coalescing into the next save. Pure: no thread, no file.

/// What the writer thread is asked to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Save the board as the screen has it (merging with the file if someone else saved).
    Save,
    /// Read the file again, someone else saved it.
    CatchUp,
}

/// The jobs in flight and waiting.
#[derive(Debug, Default)]
pub struct Queue {
    in_flight: Option<Kind>,
    /// A change waits for the next save.
    save: bool,
    /// The file changed and nothing waiting reads it yet.
    catch_up: bool,
}

impl Queue {
    /// The board changed: it is saved by the next save (one waiting save takes every change).
    pub fn changed(&mut self) {
        self.save = true;
    }

    /// The file changed on disk: read it with the next job (a save reads it anyway).
    pub fn file_changed(&mut self) {
        self.catch_up = true;
    }

    /// The job to hand over now, if the thread is free and something waits; it is in flight
    /// from then on. A save comes first, and also catches up with the file.
    pub fn take_next(&mut self) -> Option<Kind> {
        if self.in_flight.is_some() {
            return None;
        }
        let kind = match (self.save, self.catch_up) {
            (true, _) => Kind::Save,
            (false, true) => Kind::CatchUp,
            (false, false) => return None,
        };
        self.save = false;
        self.catch_up = false;
        self.in_flight = Some(kind);
        Some(kind)
    }

    /// The job in flight is done (saved, failed or caught up).
    pub fn done(&mut self) -> Option<Kind> {
        self.in_flight.take()
    }

    /// Whether a job is in flight.
    pub fn busy(&self) -> bool {
        self.in_flight.is_some()
    }

    /// Whether a change is in flight or waits: the file does not have it yet.
    pub fn unsaved(&self) -> bool {
        self.save || self.in_flight == Some(Kind::Save)
    }

    /// Nothing in flight, nothing waiting.
    pub fn idle(&self) -> bool {
        self.in_flight.is_none() && !self.save && !self.catch_up
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_during_a_save_coalesce_into_one_next_save() {
        let mut queue = Queue::default();
        assert_eq!(queue.take_next(), None, "nothing to do");
        queue.changed();
        assert_eq!(queue.take_next(), Some(Kind::Save));
        assert!(queue.unsaved() && queue.busy());
        for _ in 0..5 {
            queue.changed();
            assert_eq!(queue.take_next(), None, "one save in flight at most");
        }
        assert_eq!(queue.done(), Some(Kind::Save));
        assert!(queue.unsaved(), "the later changes still wait");
        assert_eq!(queue.take_next(), Some(Kind::Save), "one save takes them all");
        assert_eq!(queue.done(), Some(Kind::Save));
        assert_eq!(queue.take_next(), None);
        assert!(queue.idle() && !queue.unsaved());
    }

    #[test]
    fn a_file_change_waits_for_the_job_in_flight_and_a_save_takes_it_along() {
        let mut queue = Queue::default();
        queue.file_changed();
        assert_eq!(queue.take_next(), Some(Kind::CatchUp));
        assert!(!queue.unsaved(), "reading the file saves nothing");
        queue.file_changed();
        queue.changed();
        assert_eq!(queue.take_next(), None);
        assert_eq!(queue.done(), Some(Kind::CatchUp));
        assert_eq!(queue.take_next(), Some(Kind::Save), "the save also reads the file");
        assert_eq!(queue.done(), Some(Kind::Save));
        assert_eq!(queue.take_next(), None, "nothing left to catch up with");
        queue.file_changed();
        assert!(!queue.idle());
        assert_eq!(queue.take_next(), Some(Kind::CatchUp));
        assert_eq!(queue.done(), Some(Kind::CatchUp));
        assert!(queue.idle());
    }
}
