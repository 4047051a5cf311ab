//! Saving a signed-in resident's preferences on the account one request at a
//! time, so an older save can never land after a newer one.
//!
//! The look of the pages (text size, contrast, movement, font, language) is
//! applied at once and so saved at once, as each choice changes; the rest of
//! the settings waits for "Save settings". Both are `PUT /preferences` of the
//! whole document, so they queue here. Pure, so tested natively; `session`
//! sends the requests.

/// What the last save of the look came to, for the settings page's status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LookSaved {
    /// Nothing to say (nothing changed yet, or a save is under way).
    #[default]
    Nothing,
    /// The account holds the look as it is now.
    Saved,
    /// The account could not be reached or refused it: it applies on this
    /// device only.
    NotSaved,
}

/// The queue: whether a save is under way, and whether the look changed
/// while it was.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SaveQueue {
    busy: bool,
    look_changed: bool,
}

impl SaveQueue {
    /// The look changed: whether to send it now. When a save is under way,
    /// no: it is sent, as it is then, once that save has ended.
    pub fn look_changed(&mut self) -> bool {
        if self.busy {
            self.look_changed = true;
            false
        } else {
            self.busy = true;
            true
        }
    }

    /// "Save settings" was selected: whether it may be sent now (not while
    /// another save is under way).
    pub fn save_all(&mut self) -> bool {
        if self.busy {
            false
        } else {
            self.busy = true;
            true
        }
    }

    /// A save ended: whether to send the look again now, because it changed
    /// while that save was under way.
    pub fn finished(&mut self) -> bool {
        if self.look_changed {
            self.look_changed = false;
            true
        } else {
            self.busy = false;
            false
        }
    }

    /// Whether the look changed while the save under way was being sent.
    pub fn look_changed_since(&self) -> bool {
        self.look_changed
    }

    /// Whether a save is under way or waiting.
    pub fn busy(&self) -> bool {
        self.busy
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_change_to_the_look_is_sent_at_once_when_nothing_else_is_being_saved() {
        let mut queue = SaveQueue::default();
        assert!(!queue.busy());
        assert!(queue.look_changed());
        assert!(queue.busy());
        assert!(!queue.finished());
        assert!(!queue.busy());
    }

    #[test]
    fn changes_made_while_saving_are_sent_once_afterwards_so_the_latest_lands_last() {
        let mut queue = SaveQueue::default();
        assert!(queue.look_changed());
        assert!(!queue.look_changed(), "the second waits");
        assert!(!queue.look_changed(), "and a third joins it");
        assert!(queue.look_changed_since());
        assert!(queue.finished(), "sent again, once, with the latest look");
        assert!(queue.busy());
        assert!(!queue.finished());
        assert!(!queue.busy());
    }

    #[test]
    fn save_settings_waits_for_a_save_under_way_and_the_look_waits_for_it() {
        let mut queue = SaveQueue::default();
        assert!(queue.look_changed());
        assert!(!queue.save_all(), "not while the look is being saved");
        assert!(!queue.finished());
        assert!(queue.save_all());
        assert!(!queue.look_changed(), "the look waits for the whole form");
        assert!(queue.finished(), "then goes, with anything changed since");
        assert!(!queue.finished());
        assert!(!queue.busy());
    }
}
