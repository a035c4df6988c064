//! The highlight layer for long drafts: bounded work per keystroke.
//!
//! The layer behind the textarea repeats its text so that highlights sit
//! under the words. For a short draft it is re-rendered from the draft on
//! every change (`components/editor.rs`, `highlight.rs`). For a long one that
//! would copy and re-split the whole draft, and re-lay it out, on every
//! keystroke; instead the text is held in **chunks**: block elements of whole
//! lines (about [`CHUNK`] UTF-16 units each), so that
//! - a keystroke replaces only the text of the chunk it falls in, read from
//!   the textarea as a substring (the edit's range comes from the selection
//!   before and after it), and the browser lays out only that block;
//! - marks are drawn only in the chunks near the viewport (and again as the
//!   agent scrolls), from an analysis of exactly the text shown: a chunk
//!   edited since keeps no marks until the next analysis.
//!
//! The chunk arithmetic is pure ([`Chunks`]) and tested natively; the DOM
//! side is [`LongLayer`].

use cornerstone_engine::{Finding, Span};
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, HtmlTextAreaElement};

use crate::analysis::Analysis;
use crate::highlight::segments;

/// The size a chunk aims at, in UTF-16 units. A chunk holds whole lines, so
/// one line longer than this is one chunk.
pub const CHUNK: u32 = 2048;
/// Marks are drawn in the chunks within this many viewport heights of the
/// visible part.
const MARGIN_VIEWPORTS: f64 = 1.0;
/// How many bytes of a long draft one step of a rebuild lays out (one task).
pub const REBUILD_SLICE: usize = 48 * 1024;
/// An edit covering more than this many UTF-16 units (a paste, select all and
/// delete) rebuilds the layer instead of patching it.
pub const REBUILD_OVER: u32 = 64 * 1024;

/// Splits `text` after line ends into pieces of about [`CHUNK`] UTF-16
/// units; every piece but the last ends with `'\n'`. The pieces join back
/// into `text`; an empty text is one empty piece.
pub fn split_lines(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    while start < text.len() {
        let end = next_piece(text, start);
        out.push(&text[start..end]);
        start = end;
    }
    if out.is_empty() {
        out.push(text);
    }
    out
}

/// Where the piece of `text` that starts at byte `from` ends (see
/// [`split_lines`]).
fn next_piece(text: &str, from: usize) -> usize {
    let mut units = 0u32;
    for (i, c) in text[from..].char_indices() {
        units += c.len_utf16() as u32;
        if c == '\n' && units >= CHUNK {
            return from + i + 1;
        }
    }
    text.len()
}

/// UTF-16 length of `text`.
fn units(text: &str) -> u32 {
    text.encode_utf16().count() as u32
}

/// The chunks' lengths, in UTF-16 units.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Chunks {
    pub lens: Vec<u32>,
}

impl Chunks {
    pub fn total(&self) -> u32 {
        self.lens.iter().sum()
    }

    /// Where chunk `i` starts.
    pub fn start(&self, i: usize) -> u32 {
        self.lens[..i].iter().sum()
    }

    /// The chunks an edit of the old text's range `from..to` touches: every
    /// chunk that overlaps it or ends or starts at its edges (a deleted line
    /// end joins two chunks' lines). Returns the chunk range and where it
    /// starts.
    pub fn touched(&self, from: u32, to: u32) -> (std::ops::Range<usize>, u32) {
        let (mut first, mut last) = (None, 0);
        let mut at = 0;
        for (i, &len) in self.lens.iter().enumerate() {
            let end = at + len;
            if end + 1 >= from && at <= to + 1 && first.is_none() {
                first = Some((i, at));
            }
            if at <= to + 1 {
                last = i;
            }
            at = end;
        }
        let (first, start) = first.unwrap_or((self.lens.len().saturating_sub(1), self.start(last)));
        (first..last.max(first) + 1, start)
    }
}

/// The range an edit replaced, from the selection before it and after it:
/// `(from, old_to, new_to)` in UTF-16 units, the old text's `from..old_to`
/// having become the new text's `from..new_to`. `None` when the edit's kind
/// does not tell (undo, redo, a drop, a host's script): then the layer is
/// rebuilt.
pub fn edit_range(before: (u32, u32, u32), after: (u32, u32, u32), input_type: &str) -> Option<(u32, u32, u32)> {
    let ((s0, e0, len0), (s1, e1, len1)) = (before, after);
    let known = matches!(
        input_type,
        "insertText"
            | "insertLineBreak"
            | "insertParagraph"
            | "insertFromPaste"
            | "insertFromYank"
            | "insertReplacementText"
            | "insertTranspose"
            | "deleteContentBackward"
            | "deleteContentForward"
            | "deleteWordBackward"
            | "deleteWordForward"
            | "deleteSoftLineBackward"
            | "deleteSoftLineForward"
            | "deleteHardLineBackward"
            | "deleteHardLineForward"
            | "deleteByCut"
            | "deleteContent"
    );
    if !known || s0 > e0 || e0 > len0 || s1 > e1 || e1 > len1 {
        return None;
    }
    // Everything before both selections and after both is untouched.
    // (Deleting backwards moves the caret before the deleted text; a
    // replacement spell-check or transpose may reach one unit around the
    // caret, which the margin covers.)
    let from = s0.min(s1).saturating_sub(2);
    let tail = (len0 - e0).min(len1 - e1).saturating_sub(2).min(len0 - from).min(len1 - from);
    Some((from, len0 - tail, len1 - tail))
}

/// One block of the layer.
struct Chunk {
    len: u32,
    el: HtmlElement,
    /// Whether it shows marks now.
    marked: bool,
    /// The drawing (see [`LongLayer::draw`]) it shows.
    drawn: u64,
}

/// The layer of a long draft (see the module).
pub struct LongLayer {
    root: HtmlElement,
    chunks: Vec<Chunk>,
    /// Counts edits, so that an analysis is drawn only on the text it was
    /// made from.
    pub version: u64,
    /// Whether the chunks hold the whole current text.
    pub complete: bool,
    /// Counts drawings of an analysis.
    generation: u64,
    /// How many bytes of the text a rebuild has added so far.
    built: usize,
}

fn document() -> web_sys::Document {
    leptos::prelude::document()
}

impl LongLayer {
    pub fn new(root: HtmlElement) -> LongLayer {
        LongLayer { root, chunks: Vec::new(), version: 0, complete: false, generation: 1, built: 0 }
    }

    /// Empties the layer: no text, no marks, until [`LongLayer::rebuild_step`]
    /// has added the text again.
    pub fn clear(&mut self) {
        self.root.set_text_content(None);
        self.chunks.clear();
        self.complete = false;
        self.built = 0;
        self.version += 1;
    }

    /// Adds about `budget` bytes more of `text` (the whole draft) to the
    /// chunks, without marks; returns whether the layer holds all of it.
    /// In steps, so that laying out a long draft's layer is never one long
    /// task.
    pub fn rebuild_step(&mut self, text: &str, budget: usize) -> bool {
        if self.complete {
            return true;
        }
        let doc = document();
        let stop = self.built.saturating_add(budget);
        while self.built < text.len() && self.built < stop {
            let end = next_piece(text, self.built);
            let piece = &text[self.built..end];
            if let Some(el) = self.block(&doc, piece) {
                let _ = self.root.append_child(&el);
                self.chunks.push(Chunk { len: units(piece), el, marked: false, drawn: 0 });
            }
            self.built = end;
        }
        if self.built >= text.len() {
            self.add_tail(&doc);
            self.complete = true;
        }
        // Lay out this slice now, within this task.
        let _ = self.root.scroll_height();
        self.complete
    }

    /// A zero-width space after the last chunk keeps a trailing newline's
    /// empty last line as tall as the textarea's.
    fn add_tail(&self, doc: &web_sys::Document) {
        if let Ok(tail) = doc.create_element("span") {
            tail.set_text_content(Some("\u{200b}"));
            let _ = self.root.append_child(&tail);
        }
    }

    fn block(&self, doc: &web_sys::Document, text: &str) -> Option<HtmlElement> {
        let el = doc.create_element("div").ok()?.dyn_into::<HtmlElement>().ok()?;
        el.set_class_name("chunk");
        el.set_text_content(Some(text));
        Some(el)
    }

    /// Applies an edit (see [`edit_range`]) by re-reading only the touched
    /// chunks from the textarea. Returns `false` when the layer should be
    /// rebuilt instead (it was not complete, or the edit is large).
    pub fn patch(&mut self, ta: &HtmlTextAreaElement, (from, old_to, new_to): (u32, u32, u32)) -> bool {
        self.version += 1;
        let model = Chunks { lens: self.chunks.iter().map(|c| c.len).collect() };
        if !self.complete || self.chunks.is_empty() || old_to - from > REBUILD_OVER || new_to - from > REBUILD_OVER {
            return false;
        }
        let total_new = ta.text_length();
        if model.total() + new_to != total_new + old_to {
            return false;
        }
        let (range, start) = model.touched(from, old_to);
        let end_old = start + range.clone().map(|i| model.lens[i]).sum::<u32>();
        let mut last = range.end;
        // The textarea's value as a JavaScript string: only the touched
        // part is copied into WebAssembly.
        let Ok(value) = js_sys::Reflect::get(ta, &"value".into()) else { return false };
        let Ok(value) = value.dyn_into::<js_sys::JsString>() else { return false };
        // The touched text must end at a line end (or the draft's end): a
        // deleted line end joins the next chunk's first line.
        let mut end_new = end_old + new_to - old_to;
        while end_new > 0
            && end_new < total_new
            && value.char_code_at(end_new - 1) != f64::from(b'\n')
            && last < self.chunks.len()
        {
            end_new += self.chunks[last].len;
            last += 1;
        }
        let text: String = value.substring(start, end_new).into();
        let doc = document();
        let next = self.chunks.get(last).map(|c| c.el.clone().unchecked_into::<web_sys::Node>());
        let tail = self.root.last_child();
        let before = next.or(tail);
        let mut fresh = Vec::new();
        for piece in split_lines(&text) {
            let Some(el) = self.block(&doc, piece) else { return false };
            let _ = self.root.insert_before(&el, before.as_ref());
            fresh.push(Chunk { len: units(piece), el, marked: false, drawn: 0 });
        }
        for old in self.chunks.splice(range.start..last, fresh) {
            old.el.remove();
        }
        true
    }

    /// Draws the marks of `analysis` (made from exactly the text the layer
    /// holds) in the chunks near the viewport, and removes them elsewhere.
    /// `fresh`: a new analysis, so every chunk near the viewport is redrawn;
    /// otherwise (a scroll) only those not drawn yet.
    pub fn draw(&mut self, analysis: &Analysis, fresh: bool) {
        if !self.complete || self.chunks.is_empty() {
            return;
        }
        if fresh {
            self.generation += 1;
        }
        let (top, height) = (f64::from(self.root.scroll_top()), f64::from(self.root.client_height()));
        let (lo, hi) = (top - height * MARGIN_VIEWPORTS, top + height * (1.0 + MARGIN_VIEWPORTS));
        // Chunks are laid out top to bottom: find the first near the window.
        let first = self.chunks.partition_point(|c| f64::from(c.el.offset_top() + c.el.offset_height()) < lo);
        let spans = sorted_spans(analysis);
        let (mut at, mut past) = (0, false);
        for (i, chunk) in self.chunks.iter_mut().enumerate() {
            let start = at;
            at += chunk.len;
            let near = i >= first && !past && {
                past = f64::from(chunk.el.offset_top()) > hi;
                !past
            };
            if near {
                if chunk.drawn != self.generation {
                    draw_chunk(chunk, start, analysis, &spans);
                    chunk.drawn = self.generation;
                }
            } else if chunk.marked {
                let text = chunk.el.text_content().unwrap_or_default();
                chunk.el.set_text_content(Some(&text));
                chunk.marked = false;
                chunk.drawn = 0;
            }
        }
    }
}

/// The findings with words, as (UTF-16 start, end, index), by start.
fn sorted_spans(analysis: &Analysis) -> Vec<(u32, u32, usize)> {
    let mut v: Vec<(u32, u32, usize)> =
        analysis.utf16.iter().enumerate().filter_map(|(i, r)| r.map(|(s, e)| (s, e, i))).collect();
    cornerstone_engine::order::sort(&mut v);
    v
}

/// Re-renders one chunk with the marks of the findings over it.
fn draw_chunk(chunk: &mut Chunk, start: u32, analysis: &Analysis, spans: &[(u32, u32, usize)]) {
    let end = start + chunk.len;
    // Findings are short: any over this chunk starts less than a chunk's
    // worth (or one long line) before it.
    let from = spans.partition_point(|&(s, _, _)| s + CHUNK.max(chunk.len) * 2 < start);
    let over: Vec<(u32, u32, usize)> =
        spans[from..].iter().take_while(|&&(s, _, _)| s < end).filter(|&&(_, e, _)| e > start).copied().collect();
    if over.is_empty() && !chunk.marked {
        return;
    }
    let text = chunk.el.text_content().unwrap_or_default();
    // Every offset the marks need, converted in one pass over the chunk (a
    // chunk of one long line may hold thousands of marks).
    let mut units: Vec<usize> =
        over.iter().flat_map(|&(s, e, _)| [s.max(start) - start, e.min(end) - start]).map(|u| u as usize).collect();
    cornerstone_engine::order::sort(&mut units);
    units.dedup();
    let bytes = cornerstone_engine::span::byte_offsets_from_utf16(&text, &units);
    let byte = |u: u32| units.binary_search(&((u - start) as usize)).map_or(text.len(), |i| bytes[i]);
    // Findings relative to the chunk, keeping their indexes into the report.
    let mut local: Vec<Finding> = Vec::with_capacity(over.len());
    let mut index = Vec::with_capacity(over.len());
    for &(s, e, i) in &over {
        let f = &analysis.report.findings[i];
        let span = Span::new(byte(s.max(start)), byte(e.min(end)));
        let mut f = f.clone();
        f.span = Some(span);
        local.push(f);
        index.push(i);
    }
    let doc = document();
    chunk.el.set_text_content(None);
    for seg in segments(&text, &local) {
        match seg.mark {
            None => {
                let _ = chunk.el.append_with_str_1(&seg.text);
            }
            Some(m) => {
                if let Ok(mark) = doc.create_element("mark") {
                    mark.set_class_name(&format!("hl sev-{}", m.severity.id()));
                    let _ = mark.set_attribute("data-cue", m.cue);
                    let _ = mark.set_attribute("data-finding", &index[m.finding].to_string());
                    mark.set_text_content(Some(&seg.text));
                    let _ = chunk.el.append_with_node_1(&mark);
                }
            }
        }
    }
    chunk.marked = !over.is_empty();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunks_hold_whole_lines_and_join_back() {
        let text = format!("{}\n{}\nlast line", "a".repeat(3000), "b".repeat(100));
        let pieces = split_lines(&text);
        assert_eq!(pieces.concat(), text);
        assert_eq!(pieces.len(), 2);
        assert!(pieces[0].ends_with('\n') && pieces[0].len() == 3001);
        assert_eq!(split_lines(""), [""]);
        // A trailing newline ends the last piece; nothing follows it.
        let many = "line of text\n".repeat(1000);
        let pieces = split_lines(&many);
        assert_eq!(pieces.concat(), many);
        assert!(pieces.iter().all(|p| p.ends_with('\n')));
        assert!(
            pieces.iter().all(|p| units(p) < CHUNK + 20),
            "{:?}",
            pieces.iter().map(|p| p.len()).collect::<Vec<_>>()
        );
    }

    #[test]
    fn an_edit_touches_its_chunk_and_the_neighbours_at_its_edges() {
        let c = Chunks { lens: vec![10, 10, 10] };
        assert_eq!(c.touched(15, 15), (1..2, 10));
        // At a boundary: both sides (a deleted line end joins them).
        assert_eq!(c.touched(10, 10), (0..2, 0));
        assert_eq!(c.touched(9, 12), (0..2, 0));
        assert_eq!(c.touched(25, 30), (2..3, 20));
        assert_eq!(c.touched(0, 0), (0..1, 0));
    }

    #[test]
    fn the_edited_range_comes_from_the_selections() {
        // Typing "x" at 5 in a text of 20: caret 5 -> 6.
        assert_eq!(edit_range((5, 5, 20), (6, 6, 21), "insertText"), Some((3, 7, 8)));
        // Backspace at 5: caret 5 -> 4.
        assert_eq!(edit_range((5, 5, 20), (4, 4, 19), "deleteContentBackward"), Some((2, 7, 6)));
        // Replacing a selection 2..8 by a paste of 3 units.
        assert_eq!(edit_range((2, 8, 20), (5, 5, 17), "insertFromPaste"), Some((0, 10, 7)));
        // Undo can change anything: rebuild.
        assert_eq!(edit_range((5, 5, 20), (6, 6, 21), "historyUndo"), None);
        // Selections that do not fit the lengths: rebuild.
        assert_eq!(edit_range((5, 25, 20), (6, 6, 21), "insertText"), None);
    }

    /// The old range's text replaced by the new range's text gives the new
    /// text, for every kind of edit the selections describe.
    #[test]
    fn the_edited_range_covers_the_change() {
        let old = "Hello there, General Kenobi.\nSecond line.";
        let cases: &[(usize, usize, &str, &str)] = &[
            (5, 5, " you", "insertText"),
            (4, 5, "", "deleteContentBackward"),
            (0, 5, "Hi", "insertFromPaste"),
            (28, 29, "", "deleteContentForward"),
            (40, 41, "", "deleteContentBackward"),
        ];
        for &(s, e, ins, kind) in cases {
            let new = format!("{}{}{}", &old[..s], ins, &old[e..]);
            let caret_after = s + ins.len();
            let (before, after) = match kind {
                "deleteContentBackward" => ((e as u32, e as u32, 41), (s as u32, s as u32, new.len() as u32)),
                _ => ((s as u32, e as u32, 41), (caret_after as u32, caret_after as u32, new.len() as u32)),
            };
            let (from, old_to, new_to) = edit_range(before, after, kind).unwrap();
            let rebuilt =
                format!("{}{}{}", &old[..from as usize], &new[from as usize..new_to as usize], &old[old_to as usize..]);
            assert_eq!(rebuilt, new, "{kind} at {s}..{e}");
        }
    }
}
