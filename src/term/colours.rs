//! Colours for a terminal with only the classic 16: every colour of the 256-colour palette or
//! RGB as the nearest of them (by xterm's default values).

/// A colour of the 256-colour palette as the nearest of the first 16.
pub fn indexed_to_basic(index: u8) -> u8 {
    let index = u32::from(index);
    match index {
        0..=15 => index as u8,
        16..=231 => {
            let cube = index - 16;
            let level = |v: u32| if v == 0 { 0 } else { 55 + v * 40 };
            nearest(level(cube / 36), level(cube / 6 % 6), level(cube % 6))
        }
        _ => {
            let grey = 8 + (index - 232) * 10;
            nearest(grey, grey, grey)
        }
    }
}

/// The basic colour nearest to an RGB colour.
pub fn rgb_to_basic(r: u8, g: u8, b: u8) -> u8 {
    nearest(u32::from(r), u32::from(g), u32::from(b))
}

fn nearest(r: u32, g: u32, b: u32) -> u8 {
    const PALETTE: [(u32, u32, u32); 16] = [
        (0, 0, 0),
        (205, 0, 0),
        (0, 205, 0),
        (205, 205, 0),
        (0, 0, 238),
        (205, 0, 205),
        (0, 205, 205),
        (229, 229, 229),
        (127, 127, 127),
        (255, 0, 0),
        (0, 255, 0),
        (255, 255, 0),
        (92, 92, 255),
        (255, 0, 255),
        (0, 255, 255),
        (255, 255, 255),
    ];
    let distance =
        |(pr, pg, pb): (u32, u32, u32)| pr.abs_diff(r).pow(2) + pg.abs_diff(g).pow(2) + pb.abs_diff(b).pow(2);
    (0..16u8).min_by_key(|i| distance(PALETTE[usize::from(*i)])).unwrap_or(7)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_palette_maps_to_the_nearest_classic_colour() {
        assert_eq!(indexed_to_basic(3), 3);
        assert_eq!(indexed_to_basic(196), 9);
        assert_eq!(indexed_to_basic(232), 0);
        assert_eq!(indexed_to_basic(255), 7, "the lightest grey of the ramp is 238: nearer 229 than 255");
        assert_eq!(rgb_to_basic(250, 250, 250), 15);
        assert_eq!(rgb_to_basic(0, 0, 230), 4);
    }
}
