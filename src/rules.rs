//! The team rule pack in use, or why none is.
//!
//! A pack is compiled by the engine module; until that has arrived, a pack
//! given waits unchecked ([`Rules::is_checked`]) and is checked when it
//! does ([`Rules::check`]); the analyses wait for the engine too.

use std::sync::Arc;

use crate::engine;

/// The pack the analysis uses (none: the built-in rules) and, when a pack
/// was given but refused, the message that says what is wrong and where.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Rules {
    /// The pack's JSON, as the engine compiles it (for the analyst, see
    /// `analyst.rs`): the pack given, until it is checked; then only a pack
    /// the engine accepted.
    pub json: Option<Arc<str>>,
    pub problem: Option<String>,
    /// What the panel calls the pack in use.
    label: Option<String>,
    /// Where an unchecked pack came from, for the message if it is refused.
    unchecked: Option<String>,
}

impl Rules {
    /// A pack from `source` (where it came from, for the message): compiled
    /// now if the engine is here, else when it arrives ([`Rules::check`]). A
    /// broken one leaves the built-in rules in use and keeps the reason for
    /// the agent.
    pub fn from_json(source: &str, json: &str) -> Rules {
        Rules { json: Some(Arc::from(json)), unchecked: Some(source.to_string()), ..Rules::default() }.check()
    }

    /// No pack, and why: the loader gave up on it (too slow, too big).
    pub fn refused(problem: String) -> Rules {
        Rules { problem: Some(problem), ..Rules::default() }
    }

    /// Whether the engine has compiled the pack given (or none was).
    pub fn is_checked(&self) -> bool {
        self.unchecked.is_none()
    }

    /// The rules once the engine has compiled the pack given; as they are
    /// while the engine has not arrived.
    pub fn check(self) -> Rules {
        let (Some(source), Some(json)) = (&self.unchecked, &self.json) else { return self };
        match engine::rules_label(json) {
            None => self,
            Some(Ok(label)) => Rules { json: self.json, problem: None, label, unchecked: None },
            Some(Err(e)) => Rules {
                json: None,
                problem: Some(format!("Team rules not applied: {source}, {e}. The built-in rules are in use.")),
                label: None,
                unchecked: None,
            },
        }
    }

    /// "Team rules: Acme support", when a pack is in use (an empty one, as
    /// a build ships, is not worth a mention).
    pub fn label(&self) -> Option<String> {
        self.label.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_broken_pack_keeps_the_built_in_rules_and_says_where() {
        let r = Rules::from_json("cornerstone.rules.json", "{\n \"disable\": [\"shoutin\"]\n}");
        assert!(r.json.is_none() && r.is_checked());
        assert_eq!(
            r.problem.as_deref(),
            Some("Team rules not applied: cornerstone.rules.json, line 2, column 14, at disable[0]: unknown cue id 'shoutin' (did you mean 'shouting'?). The built-in rules are in use.")
        );
        let ok = Rules::from_json("x", r#"{"name": "Acme support"}"#);
        assert_eq!(ok.label().as_deref(), Some("Team rules: Acme support"));
        assert_eq!(ok.json.as_deref(), Some(r#"{"name": "Acme support"}"#));
        assert!(ok.problem.is_none());
        assert_eq!(Rules::from_json("x", r#"{"$schema": "cornerstone.rules.schema.json"}"#).label(), None);
    }
}
