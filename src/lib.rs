//! Cornerstone's browser app: a thin Leptos UI over the tone engine.
//!
//! State is one signal for the draft and one for the customer's name; the
//! analysis is a memo derived from them. The only effects talk to the world
//! outside: session storage, the debounce of very long drafts, and the
//! screen-reader announcement. See ARCHITECTURE.md.

pub mod app;
pub mod components;
pub mod dom;
pub mod highlight;
pub mod sample;
pub mod storage;

pub use app::App;
