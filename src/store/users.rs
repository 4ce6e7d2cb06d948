//! Names for user ids, so a message can say who saved the board ("alex moved #12 to Review").

use std::fs;
use std::os::unix::fs::MetadataExt;

/// The user id this process runs as.
pub fn current_uid() -> Option<u32> {
    fs::metadata("/proc/self").ok().map(|m| m.uid())
}

/// The name this session shows others: `$TWOTRACK_USER`, else the login name.
pub fn session_user() -> String {
    match std::env::var("TWOTRACK_USER") {
        Ok(name) if !name.trim().is_empty() => name.trim().to_owned(),
        _ => current_uid().map_or_else(|| "someone".to_owned(), name_of),
    }
}

/// The login name of `uid` from the password database, else `uid N`.
pub fn name_of(uid: u32) -> String {
    let passwd = fs::read_to_string("/etc/passwd").unwrap_or_default();
    passwd
        .lines()
        .filter_map(|line| {
            let mut fields = line.split(':');
            let name = fields.next()?;
            let id: u32 = fields.nth(1)?.parse().ok()?;
            (id == uid).then(|| name.to_owned())
        })
        .next()
        .unwrap_or_else(|| format!("uid {uid}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn root_has_a_name_and_unknown_ids_say_their_number() {
        assert_eq!(name_of(0), "root");
        assert_eq!(name_of(4_000_000_000), "uid 4000000000");
        assert!(current_uid().is_some());
    }
}
