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
        Analyzer { engine: Incremental::new(), pack: None }
    }

    /// The team's rule pack (its JSON), or none for the built-in rules. The
    /// page has already checked it: a pack it refused is never sent.
    #[wasm_bindgen(js_name = setRules)]
    pub fn set_rules(&mut self, rules: Option<String>) -> Result<(), JsError> {
        self.pack = rules.map(|json| RulePack::from_json(&json)).transpose().map_err(|e| JsError::new(&e.to_string()))?;
        Ok(())
    }

    /// The report of `text` for the customer `name`, as [`wire`] text.
    pub fn analyze(&mut self, text: &str, name: &str) -> String {
        let report = self.engine.analyze(text, &Context::with_customer_name(name), self.pack.as_ref());
        wire(&report, text)
    }
}

/// A report and each finding's UTF-16 range, as sent from the worker: the
/// page needs both and the worker computes them off the main thread.
pub fn wire(report: &cornerstone_engine::Report, text: &str) -> String {
    let utf16: Vec<Option<(usize, usize)>> = report.utf16_spans(text);
    format!("{{\"r\":{},\"u\":{}}}", report.to_wire(), serde_json::to_string(&utf16).expect("numbers serialise"))
}
