//! Keeping the draft and the customer's name across a reload of the tab.
//!
//! Only `sessionStorage` is used: drafts hold customers' personal data, so
//! they must be gone when the tab closes. Nothing is written to
//! `localStorage`.

use web_sys::Storage;

pub const DRAFT_KEY: &str = "cornerstone.draft";
pub const NAME_KEY: &str = "cornerstone.customer-name";
pub const MESSAGE_KEY: &str = "cornerstone.customer-message";

fn session() -> Option<Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

/// The stored value, if storage is available and holds one.
pub fn load(key: &str) -> Option<String> {
    session()?.get_item(key).ok().flatten()
}

/// Stores `value` (removing the key when it is empty). Returns a message for
/// the agent when the browser refuses, so the failure is never silent.
pub fn save(key: &str, value: &str) -> Result<(), String> {
    let Some(storage) = session() else {
        return Err("This browser does not allow session storage, so the draft will not survive a reload.".into());
    };
    let result = if value.is_empty() { storage.remove_item(key) } else { storage.set_item(key, value) };
    result.map_err(|_| {
        // The stored value is now older than the agent's: a reload must not
        // bring it back (it may be a draft the agent has since cleared or
        // sent), so it goes, and the notice says so.
        let _ = storage.remove_item(key);
        FULL.into()
    })
}

const FULL: &str =
    "The browser's storage is full, so the latest draft will not survive a reload. Copy it before closing the tab.";

/// Whether a notice is one of this module's (to clear once a save works).
pub fn is_storage_notice(notice: &str) -> bool {
    notice == FULL
}
