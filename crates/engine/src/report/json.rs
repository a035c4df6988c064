//! The report's JSON, written by hand: byte for byte what `serde_json`
//! writes for the `Json*` structs (compact, fields in declaration order,
//! strings escaped as serde_json escapes them), without serde's generic
//! serializer in the WebAssembly module. In the release module, serde_json's
//! writer was about a quarter of an `analyzeJson` call: it calls through
//! `io::Write` for every piece, and a module compiled for size does not
//! inline those calls. A test in the CLI crate (which keeps serde's derives,
//! `features = ["serde"]`) compares the two on generated reports.

use super::{JsonContext, JsonCornerstone, JsonCustomerName, JsonFinding, JsonRelation, JsonReport};

/// A JSON string: `text` in quotes, escaped as serde_json escapes it
/// (`"`, `\`, and control characters; `\b \f \n \r \t` by name, the others
/// as `\u00XX` in lowercase hex). Everything else, `/` and non-ASCII
/// included, is written as it is.
pub fn write_str(out: &mut String, text: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let bytes = text.as_bytes();
    // Most strings need no escape: one append for the whole.
    if !needs_escape(bytes) {
        out.reserve(text.len() + 2);
        out.push('"');
        out.push_str(text);
        out.push('"');
        return;
    }
    out.push('"');
    let mut from = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if b >= 0x20 && b != b'"' && b != b'\\' {
            continue;
        }
        // Escapes are ASCII, so `from` and `i` are char boundaries.
        out.push_str(&text[from..i]);
        from = i + 1;
        match b {
            b'"' => out.push_str("\\\""),
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\t' => out.push_str("\\t"),
            b'\r' => out.push_str("\\r"),
            0x08 => out.push_str("\\b"),
            0x0c => out.push_str("\\f"),
            _ => {
                out.push_str("\\u00");
                out.push(HEX[(b >> 4) as usize] as char);
                out.push(HEX[(b & 0xf) as usize] as char);
            }
        }
    }
    out.push_str(&text[from..]);
    out.push('"');
}

/// Whether any byte of `bytes` must be escaped in a JSON string: a control
/// character, `"` or `\`. Eight bytes at a time: the scan runs over every
/// string of a report (its messages, labels, suggestions and quoted words),
/// and byte by byte it was about a sixth of writing one.
fn needs_escape(bytes: &[u8]) -> bool {
    // A byte of a word set to `b` in every byte.
    const fn each(b: u8) -> u64 {
        u64::from_le_bytes([b; 8])
    }
    // The high bit of every byte of `x` that is below `n` (`n` <= 0x80).
    // Where a byte borrows, the bytes above it may be marked wrongly, but
    // the result is zero exactly when no byte is below `n`, which is all
    // that is asked here.
    const fn below(x: u64, n: u8) -> u64 {
        x.wrapping_sub(each(n)) & !x & each(0x80)
    }
    let mut words = bytes.chunks_exact(8);
    for w in &mut words {
        let mut word = [0u8; 8];
        word.copy_from_slice(w);
        let x = u64::from_le_bytes(word);
        // A control character, or a byte equal to `"` or `\` (a zero
        // byte after the exclusive or).
        if below(x, 0x20) | below(x ^ each(b'"'), 1) | below(x ^ each(b'\\'), 1) != 0 {
            return true;
        }
    }
    words.remainder().iter().any(|&b| b < 0x20 || b == b'"' || b == b'\\')
}

/// `text` as a JSON string literal.
pub fn json_str(text: &str) -> String {
    let mut out = String::new();
    write_str(&mut out, text);
    out
}

fn write_usize(out: &mut String, mut n: usize) {
    let mut digits = [0u8; 20];
    let mut k = digits.len();
    loop {
        k -= 1;
        digits[k] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    let digits = &digits[k..];
    debug_assert!(digits.iter().all(u8::is_ascii_digit));
    // SAFETY: ASCII digits only (`b'0'` plus a remainder of ten), so
    // UTF-8. Checking them as UTF-8 (or pushing them char by char) cost
    // more than their divisions: a report writes four offsets per finding.
    out.push_str(unsafe { std::str::from_utf8_unchecked(digits) });
}

fn write_opt_usize(out: &mut String, n: Option<usize>) {
    match n {
        Some(n) => write_usize(out, n),
        None => out.push_str("null"),
    }
}

/// The `start`, `end`, `start_utf16` and `end_utf16` fields of a finding or
/// a context, each after a comma (`null` for none).
fn write_offsets(out: &mut String, offsets: [Option<usize>; 4]) {
    const KEYS: [&str; 4] = [",\"start\":", ",\"end\":", ",\"start_utf16\":", ",\"end_utf16\":"];
    for (key, n) in KEYS.into_iter().zip(offsets) {
        out.push_str(key);
        write_opt_usize(out, n);
    }
}

/// The politeness as serde_json writes an `f32`: its shortest round-trip
/// form by `zmij`, the formatter serde_json uses (`3.35`, `-0.5`, `2.0`, `131072.1`), `null` if not finite.
fn write_f32(out: &mut String, v: f32) {
    if v.is_finite() {
        out.push_str(zmij::Buffer::new().format_finite(v));
    } else {
        out.push_str("null");
    }
}

/// A JSON list of `items`, each written by `item`.
fn write_list<T>(out: &mut String, items: &[T], item: impl Fn(&mut String, &T)) {
    out.push('[');
    for (i, x) in items.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        item(out, x);
    }
    out.push(']');
}

fn write_null_or<T>(out: &mut String, value: Option<&T>, write: impl FnOnce(&mut String, &T)) {
    match value {
        Some(v) => write(out, v),
        None => out.push_str("null"),
    }
}

/// An id (a cue, cornerstone, severity or status id, a source): ASCII
/// letters and hyphens, so written without an escape scan.
fn write_id(out: &mut String, id: &str) {
    debug_assert!(id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'), "{id:?} is not an id");
    out.push_str(id);
}

// The writers below put each field's key, with the punctuation around it,
// as one piece of text: fewer and larger appends (a module compiled for
// size calls a function for each).

impl JsonReport<'_> {
    /// The report as compact JSON, appended to `out`.
    pub fn write_json(&self, out: &mut String) {
        out.push_str("{\"summary\":");
        write_str(out, &self.summary);
        out.push_str(",\"politeness\":");
        write_f32(out, self.politeness);
        out.push_str(",\"findings\":");
        write_list(out, &self.findings, |out, f| f.write_json(out));
        out.push_str(",\"cornerstones\":");
        write_list(out, &self.cornerstones, |out, c| c.write_json(out));
        out.push_str(",\"customer_name\":");
        write_null_or(out, self.customer_name.as_ref(), |out, n| n.write_json(out));
        out.push_str(",\"relation\":");
        write_null_or(out, self.relation.as_ref(), |out, r| r.write_json(out));
        out.push('}');
    }

    /// The report as compact JSON.
    pub fn to_json_string(&self) -> String {
        // About 300 bytes a finding.
        let mut out = String::with_capacity(256 + 320 * self.findings.len());
        self.write_json(&mut out);
        out
    }
}

impl JsonFinding<'_> {
    /// The finding as compact JSON, appended to `out`.
    pub fn write_json(&self, out: &mut String) {
        out.push_str("{\"cue\":\"");
        write_id(out, self.cue);
        out.push_str("\",\"cornerstone\":\"");
        write_id(out, self.cornerstone.id());
        out.push_str("\",\"severity\":\"");
        write_id(out, self.severity.id());
        out.push_str("\",\"label\":");
        write_str(out, self.label);
        out.push_str(",\"message\":");
        write_str(out, self.message);
        out.push_str(",\"suggestions\":");
        write_list(out, self.suggestions, |out, s| write_str(out, s));
        out.push_str(",\"text\":");
        write_null_or(out, self.text.as_ref(), |out, t| write_str(out, t));
        write_offsets(out, [self.start, self.end, self.start_utf16, self.end_utf16]);
        out.push_str(",\"context\":");
        write_null_or(out, self.context.as_ref(), |out, c| c.write_json(out));
        out.push('}');
    }

    /// The finding as compact JSON.
    pub fn to_json_string(&self) -> String {
        let mut out = String::with_capacity(320);
        self.write_json(&mut out);
        out
    }
}

impl JsonContext<'_> {
    fn write_json(&self, out: &mut String) {
        out.push_str("{\"text\":");
        write_str(out, self.text);
        write_offsets(out, [Some(self.start), Some(self.end), Some(self.start_utf16), Some(self.end_utf16)]);
        out.push_str(",\"in\":\"");
        write_id(out, self.within);
        out.push_str("\"}");
    }
}

impl JsonCornerstone<'_> {
    fn write_json(&self, out: &mut String) {
        out.push_str("{\"id\":\"");
        write_id(out, self.id.id());
        out.push_str("\",\"title\":");
        write_str(out, self.title);
        out.push_str(",\"status\":\"");
        write_id(out, self.status.id());
        out.push_str("\",\"hints\":");
        write_list(out, self.hints, |out, &h| write_usize(out, h));
        out.push('}');
    }
}

impl JsonCustomerName<'_> {
    fn write_json(&self, out: &mut String) {
        out.push_str("{\"name\":");
        write_str(out, self.name);
        out.push_str(",\"source\":\"");
        write_id(out, self.source.id());
        out.push_str("\"}");
    }
}

impl JsonRelation {
    fn write_json(&self, out: &mut String) {
        out.push_str("{\"source\":\"");
        write_id(out, self.source.id());
        out.push_str("\",\"questions\":");
        write_usize(out, self.questions);
        out.push_str(",\"answered\":");
        write_usize(out, self.answered);
        out.push_str(",\"summary\":");
        write_str(out, &self.summary);
        out.push('}');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn str_of(text: &str) -> String {
        json_str(text)
    }

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        assert_eq!(str_of("plain"), r#""plain""#);
        assert_eq!(str_of("say \"hi\" \\ now"), r#""say \"hi\" \\ now""#);
        assert_eq!(str_of("a\nb\tc\rd\u{8}e\u{c}f"), r#""a\nb\tc\rd\be\ff""#);
        assert_eq!(str_of("\u{0}\u{1f}\u{7f}"), "\"\\u0000\\u001f\u{7f}\"");
        assert_eq!(str_of("café / 日本 🙂"), "\"café / 日本 🙂\"");
        assert_eq!(str_of(""), r#""""#);
    }

    /// Every byte, at every place of a word of eight and of the bytes
    /// after the last whole word, among bytes that need no escape, is told
    /// as the byte-by-byte test tells it: the word-at-a-time test misses
    /// none and invents none, borrows between bytes included.
    #[test]
    fn the_escape_scan_by_words_finds_what_a_scan_by_bytes_finds() {
        let by_bytes = |b: &[u8]| b.iter().any(|&b| b < 0x20 || b == b'"' || b == b'\\');
        for len in 0..=19 {
            for fill in [b'a', b' ', 0x21, 0x5b, 0x5d, 0x7f, 0x80, 0xff] {
                for at in 0..len {
                    for b in 0..=255u8 {
                        let mut bytes = vec![fill; len];
                        bytes[at] = b;
                        assert_eq!(needs_escape(&bytes), by_bytes(&bytes), "{bytes:?}");
                    }
                }
                assert!(!needs_escape(&vec![fill; len]));
            }
        }
        assert_eq!(
            str_of("a quite long message with a \"quote\" in it"),
            r#""a quite long message with a \"quote\" in it""#
        );
    }

    fn politeness(v: f32) -> String {
        let mut out = String::new();
        write_f32(&mut out, v);
        out
    }

    #[test]
    fn the_politeness_is_written_in_its_shortest_form() {
        assert_eq!(politeness(3.35), "3.35");
        assert_eq!(politeness(2.0), "2.0");
        assert_eq!(politeness(-0.5), "-0.5");
        assert_eq!(politeness(0.07), "0.07");
        assert_eq!(politeness(-0.0), "-0.0");
        assert_eq!(politeness(0.0), "0.0");
        assert_eq!(politeness(-12.1), "-12.1");
        // Past 2^17 an f32 no longer holds every hundredth: its shortest form.
        assert_eq!(politeness(131072.1), "131072.1");
        assert_eq!(politeness(-262144.62), "-262144.62");
        assert_eq!(politeness(f32::NAN), "null");
        assert_eq!(politeness(f32::INFINITY), "null");
    }

    #[test]
    fn numbers_are_written_in_full() {
        let mut out = String::new();
        for n in [0, 7, 10, 1234567890, usize::MAX] {
            out.clear();
            write_usize(&mut out, n);
            assert_eq!(out, n.to_string());
        }
    }
}
