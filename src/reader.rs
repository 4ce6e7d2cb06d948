//! The terminal's events, read on a thread of their own so the loop can wait for them and for
//! file changes at once; the thread can be paused while another program (the user's editor) has
//! the terminal, and then does not read the terminal at all.

use std::sync::mpsc::{self, Receiver, Sender};
use std::time::Duration;

use crossterm::event::{self, Event};

/// How long the reader waits for an event before it looks whether it should pause: the longest
/// a hand-over of the terminal waits for it.
const LOOK_EVERY: Duration = Duration::from_millis(200);

enum Control {
    Pause,
    Resume,
}

/// The reading thread, and a way to pause it.
pub struct Reader {
    control: Sender<Control>,
    paused: Receiver<()>,
}

impl Reader {
    /// Starts reading; `deliver` gets each event (or the error that ended reading) and says
    /// whether to go on.
    pub fn start(deliver: impl Fn(std::io::Result<Event>) -> bool + Send + 'static) -> Reader {
        // Sets up the terminal's event source (and with it the handler of the resize signal)
        // now, before the first frame: a resize that came before the thread first asked for an
        // event would otherwise be lost, and the screen keep the old size until the next key.
        let _ = event::poll(Duration::ZERO);
        let (control, orders) = mpsc::channel();
        let (ack, paused) = mpsc::channel();
        std::thread::spawn(move || {
            loop {
                if let Ok(Control::Pause) = orders.try_recv() {
                    // Nothing is read until told to go on; a closed channel ends the thread.
                    if ack.send(()).is_err() || !matches!(orders.recv(), Ok(Control::Resume)) {
                        return;
                    }
                }
                let event = match event::poll(LOOK_EVERY) {
                    Ok(false) => continue,
                    Ok(true) => event::read(),
                    Err(err) => Err(err),
                };
                let gone = event.is_err();
                if !deliver(event) || gone {
                    return;
                }
            }
        });
        Reader { control, paused }
    }

    /// Stops reading the terminal until [`Reader::resume`]; false if the reader did not stop
    /// in time (it ended, or is blocked delivering).
    pub fn pause(&self) -> bool {
        self.control.send(Control::Pause).is_ok() && self.paused.recv_timeout(LOOK_EVERY * 10).is_ok()
    }

    pub fn resume(&self) {
        let _ = self.control.send(Control::Resume);
    }
}
