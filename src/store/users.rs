//! Who is making a change: the author name of this session, and names for user ids.
//!
//! Names come from the system's user database through `getpwuid_r` (the `nix` crate), so
//! accounts from LDAP or SSSD resolve as well as those in `/etc/passwd`.

use nix::unistd::{Uid, User};

/// The user id this process runs as.
pub fn current_uid() -> u32 {
    Uid::current().as_raw()
}

/// The login name of `uid`, else `uid N`.
pub fn name_of(uid: u32) -> String {
    match User::from_uid(Uid::from_raw(uid)) {
        Ok(Some(user)) => user.name,
        _ => format!("uid {uid}"),
    }
}

/// The author of this session's changes: the name given (`--user`, `TWOTRACK_USER`, or a
/// configuration's `user`), else the login name of the process's user.
///
/// The one place that decides the author, so a configuration file can add its setting here.
pub fn author(given: Option<&str>) -> String {
    match given.map(str::trim).filter(|name| !name.is_empty()) {
        Some(name) => capped(name),
        None => capped(&name_of(current_uid())),
    }
}

/// The most characters of an author name written or shown (docs/FORMAT.md, "Limits"): names
/// are for people to read, and a name a teammate made huge must not stall or break anyone.
pub const NAME_CAP: usize = 64;

/// `name` cut to [`NAME_CAP`] characters (a name from a journal line before it is shown, or
/// one given before it is written).
pub fn capped(name: &str) -> String {
    match name.char_indices().nth(NAME_CAP) {
        Some((end, _)) => name[..end].to_owned(),
        None => name.to_owned(),
    }
}

/// An id for this process's session, written with its journal entries so that a session can
/// tell its own entries from those of another session of the same user.
pub fn session_id() -> String {
    let nanos =
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos());
    format!("{}-{:x}", std::process::id(), nanos % (1 << 40))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn root_has_a_name_and_unknown_ids_say_their_number() {
        assert_eq!(name_of(0), "root");
        assert_eq!(name_of(4_000_000_000), "uid 4000000000");
    }

    #[test]
    fn a_given_name_wins_over_the_login_name() {
        assert_eq!(author(Some(" alice ")), "alice");
        assert_eq!(author(Some("")), name_of(current_uid()));
        assert_eq!(author(None), name_of(current_uid()));
        assert_ne!(session_id(), "");
        let long = "é".repeat(70_000);
        assert_eq!(author(Some(&long)).chars().count(), NAME_CAP);
        assert_eq!(capped("ana"), "ana");
    }
}
