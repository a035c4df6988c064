//! The widget's components, one file each.

mod editor;
mod hint;
mod message;
mod panel;
mod toolbar;

pub use editor::Editor;
pub use hint::Hint;
pub use message::MessageField;
pub use panel::Panel;
pub use toolbar::Toolbar;
