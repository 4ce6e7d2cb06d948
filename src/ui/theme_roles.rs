//! Theme overrides from the config file: a style per role (`warning = "bold yellow"`), written
//! as words: modifiers (`bold`, `dim`, `italic`, `underlined`, `reversed`), a foreground colour,
//! and `on` a background colour. Colours are names (`red`, `lightcyan`, `darkgray`), palette
//! numbers (`208`) or `#rrggbb`; a terminal with fewer colours shows the nearest basic one.

use ratatui::style::{Color, Modifier, Style};

use super::theme::Theme;

/// Every role a config file may restyle, as it is named there.
pub const ROLES: &[&str] = &[
    "base",
    "discovery",
    "delivery",
    "column_border",
    "column_border_selected",
    "column_title",
    "column_title_selected",
    "lane_label",
    "lane_separator",
    "card",
    "card_selected",
    "card_id",
    "estimate",
    "muted",
    "ok",
    "warning",
    "error",
    "hint_key",
    "hint_text",
    "overlay_border",
    "overlay_title",
    "field_label",
    "field_focused",
    "input",
    "button",
    "button_focused",
];

impl Theme {
    /// The style of role `name`, to change it.
    pub fn role_mut(&mut self, name: &str) -> Option<&mut Style> {
        Some(match name {
            "base" => &mut self.base,
            "discovery" => &mut self.discovery,
            "delivery" => &mut self.delivery,
            "column_border" => &mut self.column_border,
            "column_border_selected" => &mut self.column_border_selected,
            "column_title" => &mut self.column_title,
            "column_title_selected" => &mut self.column_title_selected,
            "lane_label" => &mut self.lane_label,
            "lane_separator" => &mut self.lane_separator,
            "card" => &mut self.card,
            "card_selected" => &mut self.card_selected,
            "card_id" => &mut self.card_id,
            "estimate" => &mut self.estimate,
            "muted" => &mut self.muted,
            "ok" => &mut self.ok,
            "warning" => &mut self.warning,
            "error" => &mut self.error,
            "hint_key" => &mut self.hint_key,
            "hint_text" => &mut self.hint_text,
            "overlay_border" => &mut self.overlay_border,
            "overlay_title" => &mut self.overlay_title,
            "field_label" => &mut self.field_label,
            "field_focused" => &mut self.field_focused,
            "input" => &mut self.input,
            "button" => &mut self.button,
            "button_focused" => &mut self.button_focused,
            _ => return None,
        })
    }

    /// Restyles role `name` with the style written as `spec`.
    pub fn set_role(&mut self, name: &str, spec: &str) -> Result<(), String> {
        let style = parse_style(spec)?;
        let slot = self
            .role_mut(name)
            .ok_or_else(|| format!("there is no theme role `{name}` (the roles are {})", ROLES.join(", ")))?;
        *slot = style;
        Ok(())
    }
}

/// A style written as words: `bold yellow`, `black on lightyellow`, `reversed`.
pub fn parse_style(spec: &str) -> Result<Style, String> {
    let mut style = Style::new();
    let mut words = spec.split_whitespace();
    let mut foreground_set = false;
    while let Some(word) = words.next() {
        let modifier = match word.to_ascii_lowercase().as_str() {
            "bold" => Some(Modifier::BOLD),
            "dim" => Some(Modifier::DIM),
            "italic" => Some(Modifier::ITALIC),
            "underlined" => Some(Modifier::UNDERLINED),
            "reversed" => Some(Modifier::REVERSED),
            "on" => {
                let colour = words.next().ok_or_else(|| format!("`{spec}`: a colour must follow `on`"))?;
                style = style.bg(colour_of(colour)?);
                continue;
            }
            _ => None,
        };
        match modifier {
            Some(m) => style = style.add_modifier(m),
            None if !foreground_set => {
                style = style.fg(colour_of(word)?);
                foreground_set = true;
            }
            None => {
                return Err(format!("`{spec}`: write one foreground colour, then `on` and the background"));
            }
        }
    }
    Ok(style)
}

fn colour_of(word: &str) -> Result<Color, String> {
    word.parse::<Color>().map_err(|_| {
        format!("`{word}` is not a colour (a name such as red or lightcyan, a number 0-255, or #rrggbb)")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn styles_read_as_words() {
        assert_eq!(
            parse_style("bold yellow"),
            Ok(Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD))
        );
        assert_eq!(
            parse_style("black on lightyellow"),
            Ok(Style::new().fg(Color::Black).bg(Color::LightYellow))
        );
        assert!(parse_style("red blue").is_err());
        assert!(parse_style("on").is_err());
        assert!(parse_style("chartreuse-ish").is_err());
    }

    #[test]
    fn every_role_can_be_set() {
        let mut theme = Theme::standard();
        for role in ROLES {
            assert!(theme.set_role(role, "red").is_ok(), "{role}");
        }
        assert!(theme.set_role("sparkle", "red").is_err());
    }
}
