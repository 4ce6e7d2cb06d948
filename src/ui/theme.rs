//! Every style the screen uses, in one place. Meaning never rests on colour alone: each styled
//! thing also carries a symbol or text, so a theme may drop colour entirely.

use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::BorderType;

use crate::app::status::Level;
use crate::model::{Kind, Phase, Track};

#[derive(Clone, Debug)]
pub struct Theme {
    pub name: &'static str,
    pub base: Style,
    pub discovery: Style,
    pub delivery: Style,
    pub column_border: Style,
    pub column_border_selected: Style,
    pub selected_border_type: BorderType,
    pub column_title: Style,
    pub column_title_selected: Style,
    pub lane_label: Style,
    pub lane_separator: Style,
    pub card: Style,
    pub card_selected: Style,
    pub card_id: Style,
    pub estimate: Style,
    pub kinds: [Style; 6],
    pub muted: Style,
    pub ok: Style,
    pub warning: Style,
    pub error: Style,
    pub hint_key: Style,
    pub hint_text: Style,
    /// Others on the board: their initials on cards, the status bar's "who is here".
    pub presence: Style,
    pub overlay_border: Style,
    pub overlay_title: Style,
    pub field_label: Style,
    pub field_focused: Style,
    pub input: Style,
    pub button: Style,
    pub button_focused: Style,
    /// Phased delivery: MVP, enhancement, polish (always with their letter or name beside).
    pub phases: [Style; 3],
}

impl Theme {
    /// Colours from the 16-colour palette only, so it looks the same over SSH on any terminal.
    pub fn standard() -> Theme {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        Theme {
            name: "default",
            base: Style::new(),
            discovery: bold.fg(Color::Black).bg(Color::Magenta),
            delivery: bold.fg(Color::Black).bg(Color::Cyan),
            column_border: Style::new().fg(Color::DarkGray),
            column_border_selected: bold.fg(Color::Yellow),
            selected_border_type: BorderType::Thick,
            column_title: bold,
            column_title_selected: bold.fg(Color::Yellow),
            lane_label: bold.fg(Color::Gray),
            lane_separator: Style::new().fg(Color::DarkGray),
            card: Style::new(),
            card_selected: bold.add_modifier(Modifier::REVERSED),
            card_id: Style::new().fg(Color::Gray),
            estimate: Style::new().fg(Color::Cyan),
            kinds: [
                bold.fg(Color::Green),
                bold.fg(Color::Magenta),
                bold.fg(Color::Blue),
                bold.fg(Color::Yellow),
                bold.fg(Color::Red),
                bold.fg(Color::Cyan),
            ],
            muted: Style::new().fg(Color::DarkGray),
            ok: Style::new().fg(Color::Green),
            warning: bold.fg(Color::Yellow),
            error: bold.fg(Color::White).bg(Color::Red),
            hint_key: bold,
            hint_text: Style::new().fg(Color::Gray),
            presence: bold.fg(Color::Magenta),
            overlay_border: bold.fg(Color::Yellow),
            overlay_title: bold,
            field_label: Style::new().fg(Color::Gray),
            field_focused: bold.fg(Color::Yellow),
            input: Style::new().add_modifier(Modifier::UNDERLINED),
            button: bold,
            button_focused: bold.add_modifier(Modifier::REVERSED),
            phases: [bold.fg(Color::Green), bold.fg(Color::Cyan), bold.fg(Color::Magenta)],
        }
    }

    /// No colour at all: bold, reverse and underline carry the structure (for `NO_COLOR`,
    /// monochrome terminals and screenshots for print).
    pub fn monochrome() -> Theme {
        let plain = Style::new();
        let bold = plain.add_modifier(Modifier::BOLD);
        let reversed = plain.add_modifier(Modifier::REVERSED);
        Theme {
            name: "monochrome",
            base: plain,
            discovery: bold.add_modifier(Modifier::REVERSED),
            delivery: bold.add_modifier(Modifier::REVERSED),
            column_border: plain,
            column_border_selected: bold,
            selected_border_type: BorderType::Double,
            column_title: plain,
            column_title_selected: bold,
            lane_label: bold,
            lane_separator: plain,
            card: plain,
            card_selected: bold.add_modifier(Modifier::REVERSED),
            card_id: plain,
            estimate: plain,
            kinds: [bold; 6],
            muted: plain,
            ok: plain,
            warning: bold,
            error: reversed.add_modifier(Modifier::BOLD),
            hint_key: bold,
            hint_text: plain,
            presence: bold,
            overlay_border: bold,
            overlay_title: bold,
            field_label: plain,
            field_focused: bold,
            input: plain.add_modifier(Modifier::UNDERLINED),
            button: bold,
            button_focused: reversed,
            phases: [bold; 3],
        }
    }

    /// For a shared screen: white on black, bold structure, no dim greys that a compressed video
    /// stream smears; selection in bright yellow blocks. Still only the 16 basic colours.
    pub fn presenter() -> Theme {
        let base = Style::new().fg(Color::White).bg(Color::Black);
        let bold = base.add_modifier(Modifier::BOLD);
        Theme {
            name: "presenter",
            base,
            discovery: bold.fg(Color::Black).bg(Color::LightMagenta),
            delivery: bold.fg(Color::Black).bg(Color::LightCyan),
            column_border: bold,
            column_border_selected: bold.fg(Color::LightYellow),
            selected_border_type: BorderType::Thick,
            column_title: bold,
            column_title_selected: bold.fg(Color::LightYellow),
            lane_label: bold.fg(Color::LightYellow),
            lane_separator: base,
            card: bold,
            card_selected: bold.fg(Color::Black).bg(Color::LightYellow),
            card_id: bold,
            estimate: bold.fg(Color::LightCyan),
            kinds: [
                bold.fg(Color::LightGreen),
                bold.fg(Color::LightMagenta),
                bold.fg(Color::LightBlue),
                bold.fg(Color::LightYellow),
                bold.fg(Color::LightRed),
                bold.fg(Color::LightCyan),
            ],
            muted: base,
            ok: bold.fg(Color::LightGreen),
            warning: bold.fg(Color::Black).bg(Color::LightYellow),
            error: bold.fg(Color::White).bg(Color::Red),
            hint_key: bold.fg(Color::LightYellow),
            hint_text: base,
            presence: bold.fg(Color::LightMagenta),
            overlay_border: bold.fg(Color::LightYellow),
            overlay_title: bold,
            field_label: base,
            field_focused: bold.fg(Color::LightYellow),
            input: base.add_modifier(Modifier::UNDERLINED),
            button: bold,
            button_focused: bold.fg(Color::Black).bg(Color::LightYellow),
            phases: [bold.fg(Color::LightGreen), bold.fg(Color::LightCyan), bold.fg(Color::LightMagenta)],
        }
    }

    /// The theme presenter mode switches to from this one: the presenter theme, unless colour is
    /// off.
    pub fn for_presenting(&self) -> Theme {
        if self.name == "monochrome" { self.clone() } else { Theme::presenter() }
    }

    /// The theme called `name` (default, presenter, monochrome).
    pub fn named(name: &str) -> Option<Theme> {
        match name {
            "default" => Some(Theme::standard()),
            "presenter" => Some(Theme::presenter()),
            "monochrome" => Some(Theme::monochrome()),
            _ => None,
        }
    }

    /// The theme to start with: the one asked for, else monochrome when `NO_COLOR` is set.
    pub fn choose(asked: Option<&str>, no_color: bool) -> Result<Theme, String> {
        match asked {
            Some(name) => Theme::named(name).ok_or_else(|| {
                format!("there is no theme `{name}` (the themes are default, presenter, monochrome)")
            }),
            None if no_color => Ok(Theme::monochrome()),
            None => Ok(Theme::standard()),
        }
    }

    pub fn track(&self, track: Track) -> Style {
        match track {
            Track::Discovery => self.discovery,
            Track::Delivery => self.delivery,
        }
    }

    pub fn kind(&self, kind: Kind) -> Style {
        // One style per kind, in `Kind::ALL`'s order; a kind without one is drawn plain.
        let at = Kind::ALL.iter().position(|k| *k == kind).unwrap_or(0);
        self.kinds.get(at).copied().unwrap_or(self.card)
    }

    pub fn phase(&self, phase: Phase) -> Style {
        self.phases[phase.index()]
    }

    pub fn level(&self, level: Level) -> Style {
        match level {
            Level::Info => self.base,
            Level::Warning => self.warning,
            Level::Error => self.error,
        }
    }
}
