//! The worker's side of off-main-thread analysis: `cornerstone-worker.js`
//! (see `assets/templates/worker.js`) loads this same WebAssembly module in a
//! web worker and calls [`Analyzer`]. The page's side is `analyst.rs`.

use cornerstone_engine::{Context, Incremental, RulePack};
use wasm_bindgen::prelude::*;

/// One draft's analyser, kept between requests so that an edit re-reads only
/// what it changed ([`Incremental`]).
#[wasm_bindgen]
pub struct Analyzer {
    engine: Incremental,
    pack: Option<RulePack>,
    spans: Vec<u32>,
    contexts: Vec<u32>,
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
        console_error_panic_hook::set_once();
        Analyzer { engine: Incremental::new(), pack: None, spans: Vec::new(), contexts: Vec::new() }
    }

    /// The team's rule pack (its JSON), or none for the built-in rules. The
    /// page has already checked it: a pack it refused is never sent.
    #[wasm_bindgen(js_name = setRules)]
    pub fn set_rules(&mut self, rules: Option<String>) -> Result<(), JsError> {
        self.pack =
            rules.map(|json| RulePack::from_json(&json)).transpose().map_err(|e| JsError::new(&e.to_string()))?;
        Ok(())
    }

    /// The report of `text` for the customer `name`, in the engine's wire
    /// form ([`cornerstone_engine::Report::to_wire`]); its findings' UTF-16
    /// ranges are then read with [`Analyzer::spans`].
    pub fn analyze(&mut self, text: &str, name: &str, message: &str) -> String {
        let ctx = Context::with_customer_name(name).and_customer_message(message);
        let report = self.engine.analyze(text, &ctx, self.pack.as_ref());
        self.spans = flatten(&report.utf16_spans(text));
        self.contexts = flatten(&report.context_utf16(text));
        report.to_wire()
    }

    /// The UTF-16 ranges of the last report's findings' `context` (the
    /// customer's words in the message, or in the draft when the message is
    /// quoted there), as [`Analyzer::spans`].
    pub fn contexts(&mut self) -> Vec<u32> {
        std::mem::take(&mut self.contexts)
    }

    /// The UTF-16 ranges of the last report's findings, two numbers each
    /// (`u32::MAX` twice for a finding without words): computed here so that
    /// the page does not walk a long draft again.
    pub fn spans(&mut self) -> Vec<u32> {
        std::mem::take(&mut self.spans)
    }
}

/// Findings' UTF-16 ranges as `start, end` pairs, `u32::MAX` for none.
pub fn flatten(spans: &[Option<(usize, usize)>]) -> Vec<u32> {
    spans.iter().flat_map(|r| r.map_or([u32::MAX; 2], |(s, e)| [s as u32, e as u32])).collect()
}

/// The inverse of [`flatten`].
pub fn unflatten(flat: &[u32]) -> Vec<Option<(u32, u32)>> {
    flat.chunks_exact(2).map(|c| (c[0] != u32::MAX).then_some((c[0], c[1]))).collect()
}
