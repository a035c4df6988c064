//! Keeping the draft and the customer's name across a reload of the tab.
//!
//! Only `sessionStorage` is used: drafts hold customers' personal data, so
//! they must be gone when the tab closes. Nothing is written to
//! `localStorage`.
//!
//! A long draft is kept in **parts** of whole lines (about [`PART`] bytes each,
//! named by their content), listed by a header under the draft's own key:
//! after an edit only the part that changed is written, and a long paste is
//! written a few parts per task, so saving never holds the page for long
//! (writing 1 MB at once takes about 80 ms in Chromium). The header is
//! written last and old parts are removed after it, so a reload at any moment
//! finds either the old draft or the new one, whole.

use std::cell::RefCell;

use gloo_timers::callback::Timeout;
use web_sys::Storage;

pub const DRAFT_KEY: &str = "cornerstone.draft";
pub const NAME_KEY: &str = "cornerstone.customer-name";
pub const MESSAGE_KEY: &str = "cornerstone.customer-message";

/// Values up to this many bytes are stored whole under their key; longer
/// ones in parts of about this size.
pub const PART: usize = 32 * 1024;
/// How many bytes of parts one task writes.
const WRITE_BUDGET: usize = 2 * PART;
/// What a header starts with (a control character a typed draft seldom
/// starts with; one that does is stored in parts, so a stored value starts
/// with it exactly when it is a header).
const HEADER: &str = "\u{1}cornerstone-parts:";

fn session() -> Option<Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

/// The stored value, if storage is available and holds one (whole: a long
/// draft missing a part is not returned).
pub fn load(key: &str) -> Option<String> {
    let storage = session()?;
    let value = storage.get_item(key).ok().flatten()?;
    let Some(list) = value.strip_prefix(HEADER) else { return Some(value) };
    let mut out = String::new();
    for hash in list.split(',') {
        out.push_str(&storage.get_item(&part_key(key, hash)).ok().flatten()?);
    }
    Some(out)
}

/// Splits a long value after line ends into parts of about [`PART`] bytes
/// (a line longer than four parts is cut at a char boundary). Cutting at
/// line ends keeps an edit's change to one part: the parts after it are the
/// same strings as before.
pub fn parts(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    while start < text.len() {
        let rest = &text[start..];
        let mut end = match rest.get(PART..).and_then(|r| r.find('\n')) {
            Some(i) => PART + i + 1,
            None => rest.len(),
        };
        if end > 4 * PART {
            end = 4 * PART;
            while !rest.is_char_boundary(end) {
                end -= 1;
            }
        }
        out.push(&rest[..end]);
        start += end;
    }
    out
}

/// A part's name in the header: a hash of its content.
fn hash(part: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in part.bytes() {
        h = (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{h:016x}{:x}", part.len())
}

fn part_key(key: &str, hash: &str) -> String {
    format!("{key}.part.{hash}")
}

/// The part names a header lists.
fn listed(header: Option<String>) -> Vec<String> {
    header.and_then(|h| h.strip_prefix(HEADER).map(|l| l.split(',').map(String::from).collect())).unwrap_or_default()
}

thread_local! {
    /// A long save still writing parts, per key: dropped (cancelled) by the next save.
    static PENDING: RefCell<Vec<(&'static str, Timeout)>> = const { RefCell::new(Vec::new()) };
}

/// Stores `value` (removing the key when it is empty) and calls `done` with
/// the result: at once for a short value, after the last part of a long one.
/// A message for the agent when the browser refuses, so the failure is never
/// silent.
pub fn save(key: &'static str, value: &str, done: impl FnOnce(Result<(), String>) + 'static) {
    PENDING.with(|p| p.borrow_mut().retain(|(k, _)| *k != key));
    let Some(storage) = session() else {
        return done(
            Err("This browser does not allow session storage, so the draft will not survive a reload.".into()),
        );
    };
    let old = listed(storage.get_item(key).ok().flatten());
    if value.len() <= PART && !value.starts_with(&HEADER[..1]) {
        let result = if value.is_empty() { storage.remove_item(key) } else { storage.set_item(key, value) };
        if result.is_err() {
            return done(Err(refused(&storage, key)));
        }
        if !old.is_empty() {
            for k in own_parts(&storage, key) {
                let _ = storage.remove_item(&k);
            }
        }
        return done(Ok(()));
    }
    let parts: Vec<(String, String)> = parts(value).into_iter().map(|p| (hash(p), p.to_string())).collect();
    // The parts the header lists are stored (it is written after them).
    let mut kept: Vec<String> = old;
    cornerstone_engine::order::sort(&mut kept);
    let header = format!("{HEADER}{}", parts.iter().map(|(h, _)| h.as_str()).collect::<Vec<_>>().join(","));
    // Only parts not stored yet are written.
    let to_write: Vec<(String, String)> = parts.into_iter().filter(|(h, _)| kept.binary_search(h).is_err()).collect();
    write_steps(key, storage, to_write, header, Box::new(done));
}

/// Writes parts a budget per task, then the header, then removes the parts
/// the new header no longer lists.
fn write_steps(
    key: &'static str,
    storage: Storage,
    mut to_write: Vec<(String, String)>,
    header: String,
    done: Box<dyn FnOnce(Result<(), String>)>,
) {
    let mut spent = 0;
    while spent < WRITE_BUDGET {
        let Some((h, part)) = to_write.pop() else { break };
        if storage.set_item(&part_key(key, &h), &part).is_err() {
            return done(Err(refused(&storage, key)));
        }
        spent += part.len();
    }
    if !to_write.is_empty() {
        let next = Timeout::new(0, move || write_steps(key, storage, to_write, header, done));
        PENDING.with(|p| p.borrow_mut().push((key, next)));
        return;
    }
    if storage.set_item(key, &header).is_err() {
        return done(Err(refused(&storage, key)));
    }
    // Every part the header does not list goes, also those of a save that
    // a newer one cancelled half-way.
    let mut now: Vec<String> = header[HEADER.len()..].split(',').map(|h| part_key(key, h)).collect();
    cornerstone_engine::order::sort(&mut now);
    for k in own_parts(&storage, key).into_iter().filter(|k| now.binary_search(k).is_err()) {
        let _ = storage.remove_item(&k);
    }
    PENDING.with(|p| p.borrow_mut().retain(|(k, _)| *k != key));
    done(Ok(()))
}

/// The browser refused a write: the stored value is now older than the
/// agent's, and a reload must not bring it back (it may be a draft the agent
/// has since cleared or sent), so it goes, with every part, and the notice
/// says so.
fn refused(storage: &Storage, key: &str) -> String {
    for k in own_parts(storage, key) {
        let _ = storage.remove_item(&k);
    }
    let _ = storage.remove_item(key);
    FULL.into()
}

/// The keys of every stored part of `key`.
fn own_parts(storage: &Storage, key: &str) -> Vec<String> {
    let prefix = format!("{key}.part.");
    let len = storage.length().unwrap_or(0);
    (0..len).filter_map(|i| storage.key(i).ok().flatten()).filter(|k| k.starts_with(&prefix)).collect()
}

const FULL: &str =
    "The browser's storage is full, so the latest draft will not survive a reload. Copy it before closing the tab.";

/// Whether a notice is one of this module's (to clear once a save works).
pub fn is_storage_notice(notice: &str) -> bool {
    notice == FULL
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_join_back_and_an_edit_changes_only_its_part() {
        let line = "A line of an e-mail thread, quoted below the reply.\n";
        let text = line.repeat(5000);
        let before = parts(&text);
        assert_eq!(before.concat(), text);
        assert!(before.len() > 4 && before.iter().all(|p| p.len() < PART + line.len() + 1));
        let mid = text.len() / 2;
        let edited = format!("{}typed {}", &text[..mid], &text[mid..]);
        let after = parts(&edited);
        assert_eq!(after.concat(), edited);
        let changed = after.iter().filter(|p| !before.contains(p)).count();
        assert_eq!(changed, 1);
    }

    #[test]
    fn one_huge_line_is_cut_at_char_boundaries() {
        let text = "é".repeat(3 * PART);
        let p = parts(&text);
        assert_eq!(p.concat(), text);
        assert!(p.iter().all(|s| s.len() <= 4 * PART));
    }
}
