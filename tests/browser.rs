//! Component tests in a real browser (wasm-bindgen-test, headless Chromium):
//! the widget mounted into a fresh element, driven through the DOM.
#![cfg(target_arch = "wasm32")]

use cornerstone::App;
use leptos::mount::mount_to;
use leptos::prelude::*;
use leptos::task::tick;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement, HtmlTextAreaElement};

wasm_bindgen_test_configure!(run_in_browser);

/// A freshly mounted app in its own element, with empty session storage.
struct Mounted {
    root: web_sys::Element,
    /// Unmounts the app when dropped.
    _handle: Box<dyn std::any::Any>,
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.root.remove();
    }
}

fn mount() -> Mounted {
    let storage = window().session_storage().unwrap().unwrap();
    storage.clear().unwrap();
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    let handle = mount_to(root.clone().unchecked_into(), || view! { <App /> });
    Mounted { root, _handle: Box::new(handle) }
}

impl Mounted {
    fn find(&self, testid: &str) -> web_sys::Element {
        self.root.query_selector(&format!("[data-testid={testid}]")).unwrap().unwrap_or_else(|| panic!("no {testid}"))
    }

    fn all(&self, selector: &str) -> Vec<web_sys::Element> {
        let list = self.root.query_selector_all(selector).unwrap();
        (0..list.length()).map(|i| list.item(i).unwrap().unchecked_into()).collect()
    }

    async fn type_draft(&self, text: &str) {
        let ta: HtmlTextAreaElement = self.find("draft").unchecked_into();
        ta.set_value(text);
        fire_input(&ta);
        settle().await;
    }

    async fn set_name(&self, name: &str) {
        let input: HtmlInputElement = self.find("customer-name").unchecked_into();
        input.set_value(name);
        fire_input(&input);
        settle().await;
    }

    /// Opens the message field and pastes the customer's message into it.
    async fn paste_message(&self, text: &str) {
        self.find("message-field").set_attribute("open", "").unwrap();
        let ta: HtmlTextAreaElement = self.find("customer-message").unchecked_into();
        ta.set_value(text);
        fire_input(&ta);
        tick().await;
    }

    /// The customer's words marked in the message field.
    fn message_highlights(&self) -> Vec<String> {
        self.all("[data-testid=message-highlights] mark").iter().map(|m| m.text_content().unwrap()).collect()
    }

    fn highlighted_texts(&self) -> Vec<String> {
        self.all("[data-testid=highlights] mark").iter().map(|m| m.text_content().unwrap()).collect()
    }

    fn hint_cues(&self) -> Vec<String> {
        self.all("[data-testid=hint]").iter().map(|h| h.get_attribute("data-cue").unwrap()).collect()
    }

    fn summary(&self) -> String {
        self.find("summary").text_content().unwrap()
    }
}

/// Waits until an edit is shown analysed: the draft's effect asks the
/// analyst (which answers at once for a short draft), then the view updates.
async fn settle() {
    tick().await;
    tick().await;
}

fn fire_input(target: &web_sys::EventTarget) {
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    target.dispatch_event(&web_sys::Event::new_with_event_init_dict("input", &init).unwrap()).unwrap();
}

#[wasm_bindgen_test]
async fn an_empty_draft_shows_the_explanation_and_no_hints() {
    let app = mount();
    tick().await;
    assert_eq!(app.summary(), "Start typing or paste a draft reply");
    assert!(app.find("empty-state").text_content().unwrap().contains("Paste or type"));
    assert!(app.hint_cues().is_empty());
}

#[wasm_bindgen_test]
async fn typing_highlights_the_cues_in_place() {
    let app = mount();
    app.set_name("Priya Raman").await;
    app.type_draft("Hi Pryia, we apologize for any inconvenience.").await;
    assert_eq!(app.highlighted_texts(), ["Pryia", "apologize for any inconvenience"]);
    assert_eq!(app.summary(), "2 things to fix before sending");
    let cues = app.hint_cues();
    assert!(cues.contains(&"name-misspelled".to_string()) && cues.contains(&"apology-hollow".to_string()), "{cues:?}");
}

#[wasm_bindgen_test]
async fn changing_the_name_reanalyses_the_draft() {
    let app = mount();
    app.type_draft("Hi Priya, your refund is on its way.").await;
    app.set_name("John Smith").await;
    assert_eq!(app.highlighted_texts(), ["Priya"]);
    assert!(app.hint_cues().contains(&"name-mismatch".to_string()));
    app.set_name("Priya").await;
    assert!(app.hint_cues().contains(&"name-used".to_string()));
}

#[wasm_bindgen_test]
async fn highlights_after_emoji_cover_exactly_the_span() {
    let app = mount();
    app.type_draft("😀👍🏽 王伟 Sorry, but no.").await;
    // With no name given, the name that opens the draft counts as addressing the customer.
    assert_eq!(app.highlighted_texts(), ["王伟", "Sorry, but"]);
    let layer = app.find("highlights").text_content().unwrap();
    assert_eq!(layer, "😀👍🏽 王伟 Sorry, but no.\u{200b}");
}

#[wasm_bindgen_test]
async fn clicking_a_hint_selects_its_words() {
    let app = mount();
    app.type_draft("😀 Thanks! As I already explained, it ships today.").await;
    let hint = app.all("[data-testid=hint][data-cue=sarcasm] [data-testid=hint-select]").remove(0);
    hint.unchecked_into::<HtmlElement>().click();
    tick().await;
    let ta: HtmlTextAreaElement = app.find("draft").unchecked_into();
    assert_eq!(document().active_element().map(|e| e.tag_name()).as_deref(), Some("TEXTAREA"), "focus is in the draft");
    let (s, e) = (ta.selection_start().unwrap().unwrap() as usize, ta.selection_end().unwrap().unwrap() as usize);
    let units: Vec<u16> = ta.value().encode_utf16().collect();
    assert_eq!(String::from_utf16(&units[s..e]).unwrap(), "As I already explained");
}

#[wasm_bindgen_test]
async fn markup_in_the_draft_is_shown_as_text() {
    let app = mount();
    app.type_draft("<img src=x onerror=alert(1)> Sorry, but <b>no</b>").await;
    assert!(app.all("img, b").is_empty());
    assert_eq!(app.highlighted_texts(), ["Sorry, but"]);
}

#[wasm_bindgen_test]
async fn the_draft_is_kept_in_session_storage_and_cleared_with_it() {
    let app = mount();
    app.type_draft("Hi Sam, all done.").await;
    tick().await;
    let storage = window().session_storage().unwrap().unwrap();
    assert_eq!(storage.get_item("cornerstone.draft").unwrap().as_deref(), Some("Hi Sam, all done."));
    assert_eq!(window().local_storage().unwrap().unwrap().length().unwrap(), 0);
    app.find("clear").unchecked_into::<HtmlElement>().click();
    tick().await;
    tick().await;
    assert_eq!(app.find("draft").unchecked_into::<HtmlTextAreaElement>().value(), "");
    assert_eq!(storage.get_item("cornerstone.draft").unwrap(), None);
}

#[wasm_bindgen_test]
async fn typing_never_resets_what_the_agent_typed() {
    let app = mount();
    app.type_draft("First words").await;
    app.set_name("Sam").await;
    tick().await;
    let ta: HtmlTextAreaElement = app.find("draft").unchecked_into();
    assert_eq!(ta.value(), "First words");
    let name: HtmlInputElement = app.find("customer-name").unchecked_into();
    assert_eq!(name.value(), "Sam");
}

/// A host editor as the embed's in-place modules present one to the coach
/// (`HostEditor`): its text, and a record of the edits the coach asked for.
/// The real one, over a real editor, is tested end to end
/// (`tests/e2e/inplace.test.mjs`); this one checks the coach's side.
struct ScriptedEditor {
    object: js_sys::Object,
    text: std::rc::Rc<std::cell::RefCell<String>>,
    edits: std::rc::Rc<std::cell::RefCell<Vec<String>>>,
    _closures: Vec<Box<dyn std::any::Any>>,
}

impl ScriptedEditor {
    fn new(text: &str) -> ScriptedEditor {
        use std::cell::RefCell;
        use std::rc::Rc;
        use wasm_bindgen::closure::Closure;
        let object = js_sys::Object::new();
        let text = Rc::new(RefCell::new(text.to_string()));
        let edits = Rc::new(RefCell::new(Vec::new()));
        let read = Closure::<dyn Fn() -> String>::new({
            let text = text.clone();
            move || text.borrow().clone()
        });
        let select = Closure::<dyn Fn(u32, u32, String)>::new({
            let edits = edits.clone();
            move |s, e, expected| edits.borrow_mut().push(format!("select {s}..{e} {expected:?}"))
        });
        let replace = Closure::<dyn Fn(u32, u32, String, String)>::new({
            let edits = edits.clone();
            move |s, e, with, expected| edits.borrow_mut().push(format!("replace {s}..{e} {expected:?} with {with:?}"))
        });
        for (name, f) in [("text", read.as_ref()), ("select", select.as_ref()), ("replace", replace.as_ref())] {
            js_sys::Reflect::set(&object, &name.into(), f).unwrap();
        }
        ScriptedEditor { object, text, edits, _closures: vec![Box::new(read), Box::new(select), Box::new(replace)] }
    }

    fn host(&self) -> cornerstone::inplace::HostEditor {
        self.object.clone().unchecked_into()
    }

    fn edits(&self) -> Vec<String> {
        self.edits.borrow().clone()
    }
}

#[wasm_bindgen_test]
async fn a_host_editor_without_a_panel_gets_utf16_spans_of_each_analysis_and_edits_only_current_words() {
    use std::cell::RefCell;
    use std::rc::Rc;
    let text = "😀 Hi Pryia, as I already explained, it ships today.";
    let editor = ScriptedEditor::new("");
    let mut attachment = cornerstone::inplace::attach_editor(
        editor.host(),
        None,
        Some("Priya Raman".into()),
        None,
        None,
        None,
        None,
        None,
        None,
    );
    // Each report: the analysed text and its spans.
    type Reports = Rc<RefCell<Vec<(String, Vec<u32>)>>>;
    let seen: Reports = Rc::default();
    let watch = wasm_bindgen::closure::Closure::<dyn Fn(String, js_sys::Uint32Array)>::new({
        let seen = seen.clone();
        move |text, spans: js_sys::Uint32Array| seen.borrow_mut().push((text, spans.to_vec()))
    });
    attachment.watch(watch.as_ref().unchecked_ref::<js_sys::Function>().clone());
    *editor.text.borrow_mut() = text.into();
    attachment.set_draft(text.into());
    settle().await;

    // Four numbers per finding with words: UTF-16 start and end, severity
    // (0 warning) and the finding's index.
    let (analysed, spans) = seen.borrow().last().cloned().expect("an analysis was reported");
    assert_eq!(analysed, text);
    let utf16: Vec<u16> = text.encode_utf16().collect();
    let words = |s: &[u32]| String::from_utf16(&utf16[s[0] as usize..s[1] as usize]).unwrap();
    let warnings: Vec<(Vec<u32>, String)> =
        spans.chunks(4).filter(|s| s[2] == 0).map(|s| (s[..2].to_vec(), words(s))).collect();
    assert_eq!(warnings, [(vec![6, 11], "Pryia".to_string()), (vec![13, 35], "as I already explained".to_string())]);

    // A card asks for a finding by index and words; a stale ask gets nothing.
    let index = spans.chunks(4).find(|s| s[0] == 6).unwrap()[3] as usize;
    let json: serde_json::Value = serde_json::from_str(&attachment.finding_json(index, 6, 11).unwrap()).unwrap();
    assert_eq!(json["finding"]["cue"], "name-misspelled");
    assert_eq!(json["finding"]["text"], "Pryia");
    assert_eq!(json["cornerstoneTitle"], "Respect, courtesy, kindness and empathy");
    assert_eq!(json["finding"]["suggestions"], serde_json::json!(["Priya"]));
    assert_eq!(attachment.finding_json(index, 6, 12), None);

    // Apply goes to the editor with the words it expects there.
    attachment.apply(6, 11, "Priya");
    assert_eq!(editor.edits(), [r#"replace 6..11 "Pryia" with "Priya""#]);
    // The page changed the text from script (no setDraft yet): nothing is
    // replaced, and the new text is analysed.
    *editor.text.borrow_mut() = "Thanks for waiting, Pryia!".into();
    attachment.apply(6, 11, "Priya");
    attachment.select(6, 11);
    assert_eq!(editor.edits().len(), 1);
    settle().await;
    assert_eq!(seen.borrow().last().unwrap().0, "Thanks for waiting, Pryia!");
    attachment.select(20, 25);
    assert_eq!(editor.edits()[1], r#"select 20..25 "Pryia""#);
}

#[wasm_bindgen_test]
async fn the_reply_is_read_against_the_customers_message() {
    let app = mount();
    app.paste_message("Hi 😀, my order #A-55321 is late and I'm worried.\nWhen will it arrive? Can I change the address?\nThanks,\nPriya")
        .await;
    app.type_draft("Hello! Could you DM us your order number?").await;
    let cues = app.hint_cues();
    for cue in ["details-asked-again", "feelings-unacknowledged", "name-missing"] {
        assert!(cues.contains(&cue.to_string()), "{cue} in {cues:?}");
    }
    // The relation in one line, and the customer's words marked in their message.
    assert_eq!(
        app.find("relation").text_content().unwrap(),
        "Answers 2 of 2 questions; doesn't acknowledge their worry; asks again for the order number"
    );
    assert_eq!(app.message_highlights(), ["A-55321", "worried"]);
    // The name comes from the sign-off.
    let name_hint = app.all("[data-testid=hint][data-cue=name-missing] .hint-message").remove(0);
    assert!(name_hint.text_content().unwrap().contains("Priya"));
}

#[wasm_bindgen_test]
async fn clicking_a_hint_about_the_message_selects_the_customers_words_there() {
    let app = mount();
    app.paste_message("😀 I'm furious. Where is my refund? And why was I charged twice?").await;
    app.type_draft("Hi Sam, your refund went out today.").await;
    let hint = app.all("[data-testid=hint][data-cue=question-unanswered]").remove(0);
    assert_eq!(
        hint.query_selector("[data-testid=hint-context]").unwrap().unwrap().text_content().unwrap(),
        "And why was I charged twice?"
    );
    // Fold the field away: the click opens it again.
    app.find("message-field").remove_attribute("open").unwrap();
    hint.query_selector("[data-testid=hint-select]").unwrap().unwrap().unchecked_into::<HtmlElement>().click();
    tick().await;
    assert!(app.find("message-field").has_attribute("open"));
    let ta: HtmlTextAreaElement = app.find("customer-message").unchecked_into();
    assert_eq!(document().active_element().map(|e| e.id()).as_deref(), Some("customer-message"));
    let (s, e) = (ta.selection_start().unwrap().unwrap() as usize, ta.selection_end().unwrap().unwrap() as usize);
    let units: Vec<u16> = ta.value().encode_utf16().collect();
    assert_eq!(String::from_utf16(&units[s..e]).unwrap(), "And why was I charged twice?");
    assert_eq!(
        app.find("relation").text_content().unwrap(),
        "Answers 1 of 2 questions; doesn't acknowledge their anger"
    );
}

#[wasm_bindgen_test]
async fn the_message_is_kept_with_the_draft_and_cleared_with_it() {
    let app = mount();
    app.paste_message("Where is my parcel?").await;
    app.type_draft("Hi Sam, it arrives today.").await;
    tick().await;
    let storage = window().session_storage().unwrap().unwrap();
    assert_eq!(storage.get_item("cornerstone.customer-message").unwrap().as_deref(), Some("Where is my parcel?"));
    app.find("clear").unchecked_into::<HtmlElement>().click();
    tick().await;
    tick().await;
    assert_eq!(app.find("customer-message").unchecked_into::<HtmlTextAreaElement>().value(), "");
    assert_eq!(storage.get_item("cornerstone.customer-message").unwrap(), None);
    assert!(app.all("[data-testid=relation]").is_empty());
}

#[wasm_bindgen_test]
async fn markup_in_the_message_is_shown_as_text() {
    let app = mount();
    app.paste_message("<img src=x onerror=alert(1)> I'm <b>furious</b>").await;
    app.type_draft("Hi Sam, done.").await;
    assert!(app.all("img, b").is_empty());
    assert_eq!(app.message_highlights(), ["furious"]);
}
