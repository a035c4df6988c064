//! The team rule pack in use, or why none is.

use std::sync::Arc;

use cornerstone_engine::RulePack;

/// The pack the analysis uses (none: the built-in rules) and, when a pack
/// was given but refused, the message that says what is wrong and where.
#[derive(Clone, Default)]
pub struct Rules {
    pub pack: Option<Arc<RulePack>>,
    /// The pack's JSON, for the analysis worker (see `analyst.rs`).
    pub json: Option<Arc<str>>,
    pub problem: Option<String>,
}

impl Rules {
    /// Compiles a pack; a broken one leaves the built-in rules in use and
    /// keeps the reason for the agent.
    pub fn from_json(source: &str, json: &str) -> Rules {
        match RulePack::from_json(json) {
            Ok(pack) => Rules { pack: Some(Arc::new(pack)), json: Some(Arc::from(json)), problem: None },
            Err(e) => Rules {
                pack: None,
                json: None,
                problem: Some(format!("Team rules not applied: {source}, {e}. The built-in rules are in use.")),
            },
        }
    }

    /// No pack, and why: the loader gave up on it (too slow, too big).
    pub fn refused(problem: String) -> Rules {
        Rules { pack: None, json: None, problem: Some(problem) }
    }

    /// "Team rules: Acme support", when a pack is in use (an empty one, as
    /// a build ships, is not worth a mention).
    pub fn label(&self) -> Option<String> {
        self.pack.as_ref().filter(|p| p.name.is_some() || !p.is_empty()).map(|p| match &p.name {
            Some(name) => format!("Team rules: {name}"),
            None => "Team rules in use".to_string(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_broken_pack_keeps_the_built_in_rules_and_says_where() {
        let r = Rules::from_json("cornerstone.rules.json", "{\n \"disable\": [\"shoutin\"]\n}");
        assert!(r.pack.is_none());
        assert_eq!(
            r.problem.as_deref(),
            Some("Team rules not applied: cornerstone.rules.json, line 2, column 14, at disable[0]: unknown cue id 'shoutin' (did you mean 'shouting'?). The built-in rules are in use.")
        );
        let ok = Rules::from_json("x", r#"{"name": "Acme support"}"#);
        assert_eq!(ok.label().as_deref(), Some("Team rules: Acme support"));
        assert!(ok.problem.is_none());
        assert_eq!(Rules::from_json("x", r#"{"$schema": "cornerstone.rules.schema.json"}"#).label(), None);
    }
}
