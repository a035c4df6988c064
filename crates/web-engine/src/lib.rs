//! Cornerstone's engine as a WebAssembly module of its own.
//!
//! The page loads two modules: the UI (the root crate: Leptos, the panel,
//! the embed), which shows the draft box at once, and this one, fetched
//! beside it, which does every analysis. Neither waits for the other to
//! start; the UI holds each request until this module has arrived (see
//! `src/engine.rs`). The analysis worker (`cornerstone-worker.js`) loads
//! only this module.
//!
//! What crosses between the two is text: the draft, the name, the message
//! and a pack's JSON in; the report's wire form
//! ([`cornerstone_engine::Report::to_wire`]) and the findings' UTF-16
//! ranges out. The UI reads the wire with `Report::from_wire`.

use cornerstone_engine::{analyze_with, Context, Incremental, RulePack};
use wasm_bindgen::prelude::*;

/// Runs when the module is instantiated (on the page and in the worker).
/// The engine's indexes are built by the loader after it, with
/// [`prepare_step`].
#[wasm_bindgen(start)]
// (`immediate-abort` is a nightly panic strategy: the release's, whose
// panics run no hook, so the hook's code is left out.)
#[allow(unexpected_cfgs)]
pub fn on_load() {
    #[cfg(not(panic = "immediate-abort"))]
    console_error_panic_hook::set_once();
}

/// Builds, on load, what the engine would otherwise build on its first
/// analysis (see [`cornerstone_engine::prepare`]), a step per call from
/// `step` 0; says whether another step follows. The page's loaders give the
/// main thread back between steps (each a few tens of ms: the whole, about
/// a hundred, held up the page in one task); the worker and Node run them
/// in a row. Without them every analysis is still right; the first pays.
#[wasm_bindgen(js_name = prepareStep)]
pub fn prepare_step(step: u32) -> bool {
    cornerstone_engine::prepare_step(step)
}

/// This module, compiled: the page hands it to the analysis worker, which
/// then neither fetches nor compiles it again.
#[wasm_bindgen(js_name = compiledModule)]
pub fn compiled_module() -> JsValue {
    wasm_bindgen::module()
}

/// One draft's analyser, kept between requests so that an edit re-reads only
/// what it changed ([`Incremental`]): one per coach on the page, one in the
/// worker.
#[wasm_bindgen]
pub struct Analyzer {
    engine: Incremental,
    pack: Option<RulePack>,
    spans: Vec<u32>,
    contexts: Vec<u32>,
}

impl Analyzer {
    /// [`Analyzer::set_rules`], for Rust callers (the app linked with the
    /// engine): the refusal is the pack's error, as text.
    pub fn use_pack(&mut self, rules: Option<&str>) -> Result<(), String> {
        self.pack = None;
        self.pack = rules.map(RulePack::from_json).transpose().map_err(|e| e.to_string())?;
        Ok(())
    }
}

impl Default for Analyzer {
    fn default() -> Self {
        Analyzer::new()
    }
}

#[wasm_bindgen]
impl Analyzer {
    #[wasm_bindgen(constructor)]
    pub fn new() -> Analyzer {
        Analyzer { engine: Incremental::new(), pack: None, spans: Vec::new(), contexts: Vec::new() }
    }

    /// The team's rule pack (its JSON), or none for the built-in rules. A
    /// pack that does not compile is an error, and the built-in rules are
    /// used from then on (as for a refused pack).
    #[wasm_bindgen(js_name = setRules)]
    pub fn set_rules(&mut self, rules: Option<String>) -> Result<(), JsError> {
        self.use_pack(rules.as_deref()).map_err(|e| JsError::new(&e))
    }

    /// The report of `text` for the customer `name`, answering `message`
    /// ("" for none), in the engine's wire form; its findings' UTF-16 ranges
    /// are then read with [`Analyzer::spans`] and [`Analyzer::contexts`].
    pub fn analyze(&mut self, text: &str, name: &str, message: &str) -> String {
        let ctx = Context::with_customer_name(name).and_customer_message(message);
        let report = self.engine.analyze(text, &ctx, self.pack.as_ref());
        self.spans = flatten(&report.utf16_spans(text));
        self.contexts = flatten(&report.context_utf16(text));
        report.to_wire()
    }

    /// The UTF-16 ranges of the last report's findings, two numbers each
    /// (`u32::MAX` twice for a finding without words): computed here so that
    /// the page does not walk a long draft again.
    pub fn spans(&mut self) -> Vec<u32> {
        std::mem::take(&mut self.spans)
    }

    /// The UTF-16 ranges of the last report's findings' `context` (the
    /// customer's words in the message, or in the draft when the message is
    /// quoted there), as [`Analyzer::spans`].
    pub fn contexts(&mut self) -> Vec<u32> {
        std::mem::take(&mut self.contexts)
    }
}

/// What a team's rule pack says of itself, once compiled: its label for the
/// panel ("Team rules: Acme support"; none for an empty pack, as a build
/// ships), or what is wrong with it and where.
#[wasm_bindgen(js_name = rulesLabel)]
pub fn rules_label(json: &str) -> Result<Option<String>, JsError> {
    label(json).map_err(|e| JsError::new(&e))
}

/// [`rules_label`], for Rust callers.
pub fn label(json: &str) -> Result<Option<String>, String> {
    let pack = RulePack::from_json(json).map_err(|e| e.to_string())?;
    Ok((pack.name.is_some() || !pack.is_empty()).then(|| match &pack.name {
        Some(name) => format!("Team rules: {name}"),
        None => "Team rules in use".to_string(),
    }))
}

/// The report for `text`, as the same JSON `cornerstone check --format json`
/// prints. A broken rule pack is an error naming line, column and field.
#[wasm_bindgen(js_name = analyzeJson)]
pub fn analyze_json(
    text: &str,
    customer_name: Option<String>,
    customer_message: Option<String>,
    rules: Option<String>,
) -> Result<String, JsError> {
    let ctx = Context::new(customer_name.as_deref(), customer_message.as_deref());
    let pack = rules.map(|json| RulePack::from_json(&json)).transpose();
    let pack = pack.map_err(|e| JsError::new(&format!("rule pack refused: {e}")))?;
    let report = analyze_with(text, &ctx, pack.as_ref());
    Ok(report.json(text))
}

/// Findings' UTF-16 ranges as `start, end` pairs, `u32::MAX` for none (read
/// back by the UI's `analysis::unflatten`).
pub fn flatten(spans: &[Option<(usize, usize)>]) -> Vec<u32> {
    spans.iter().flat_map(|r| r.map_or([u32::MAX; 2], |(s, e)| [s as u32, e as u32])).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pack_is_labelled_by_its_name_or_refused_with_where() {
        assert_eq!(label(r#"{"name": "Acme support"}"#), Ok(Some("Team rules: Acme support".into())));
        assert_eq!(label(r#"{"$schema": "cornerstone.rules.schema.json"}"#), Ok(None));
        assert_eq!(
            label("{\n \"disable\": [\"shoutin\"]\n}"),
            Err("line 2, column 14, at disable[0]: unknown cue id 'shoutin' (did you mean 'shouting'?)".into())
        );
    }

    #[test]
    fn an_analysis_gives_the_wire_and_each_findings_utf16_range() {
        let mut a = Analyzer::new();
        let text = "Héllo Sam, PLEASE READ THE MANUAL.";
        let wire = a.analyze(text, "Sam", "");
        let report = cornerstone_engine::Report::from_wire(&wire, "").expect("the wire reads back");
        let spans = a.spans();
        assert_eq!(spans.len(), report.findings.len() * 2);
        let expected = flatten(&report.utf16_spans(text));
        assert_eq!(spans, expected);
        assert!(a.spans().is_empty(), "the ranges are handed over once");
    }

    #[test]
    fn a_pack_turns_its_cues_off_and_none_brings_them_back() {
        let mut a = Analyzer::new();
        assert!(a.set_rules(Some(r#"{"disable": ["shouting"]}"#.into())).is_ok());
        let quiet = a.analyze("PLEASE READ THE MANUAL.", "", "");
        assert!(!quiet.contains("\nshouting\t"), "{quiet}");
        // (A refused pack's JsError cannot be made natively; `label` checks refusals.)
        assert!(a.set_rules(None).is_ok());
        let loud = a.analyze("PLEASE READ THE MANUAL.", "", "");
        assert!(loud.contains("\nshouting\t"), "{loud}");
    }
}
