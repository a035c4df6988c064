//! Quoted customer text: `>` lines, "On ... wrote:" and what follows,
//! forwarded headers, and quotations in the agent's own lines.

use super::contained_sorted;
use crate::span::Span;
use crate::tokens::Marks;

// The bytes a quoted line is told by are marked.
const _: () = {
    let marked = crate::tokens::MARKED;
    assert!(marked[b':' as usize] && marked[b'>' as usize] && marked[b'-' as usize]);
};

/// Lines quoted from the customer's message: `>` lines, e-mail attribution
/// lines and the quoted message below them, forwarded-message headers.
pub(super) fn find_quoted_regions(text: &str, marks: &Marks) -> Vec<Span> {
    if !may_quote_lines(text, marks) {
        return Vec::new();
    }
    quoted_lines(text)
}

/// Whether `text` may hold a line [`quoted_lines`] reads as quoted. Every
/// such line holds a '>' (a quoted line), "-----" (an original or
/// forwarded message's header) or a ':' that could end an attribution or
/// open a header: a text with none of them, as most replies are, holds no
/// quoted line, told without splitting it into lines. (All three bytes are
/// marked: no pass over the text of its own.)
fn may_quote_lines(text: &str, marks: &Marks) -> bool {
    let bytes = text.as_bytes();
    // Where the line of the colon read last starts, and how far the text
    // was searched for it (each byte is searched at most once); the place
    // of its 200th char, worked out once per line (see `header_200th`).
    let (mut searched, mut line_start) = (0, 0);
    let mut line_read: Option<(usize, Option<usize>)> = None;
    marks.iter().any(|k| match bytes[k] {
        b'>' => true,
        b'-' => bytes[k..].starts_with(b"-----"),
        // A colon in prose ("at 11:15", "as follows: ...") makes no line
        // quoted: only one that may end its line's trimmed text (an
        // attribution, "... wrote:": followed by the end, a space, a
        // control char or a char past ASCII, which may be a space), one
        // after "From" (a header), or one that is the 200th char of a line
        // that may be a header (the attribution test reads a line's first
        // 200 chars only, so such a colon ends what it reads).
        b':' => {
            if bytes.get(k + 1).is_none_or(|&b| b <= b' ' || b >= 0x80)
                || (k >= 4 && bytes[k - 4..k].eq_ignore_ascii_case(b"from"))
            {
                return true;
            }
            if let Some(p) = bytes[searched..k].iter().rposition(|&b| b == b'\n') {
                line_start = searched + p + 1;
            }
            searched = k;
            // A char is at least a byte: a colon fewer than 199 bytes
            // into its line is not its 200th char.
            if k - line_start < 199 {
                return false;
            }
            let at_200 = match line_read {
                Some((start, at)) if start == line_start => at,
                _ => {
                    let at = header_200th(text, line_start);
                    line_read = Some((line_start, at));
                    at
                }
            };
            at_200 == Some(k)
        }
        _ => false,
    })
}

/// Where the 200th char of the line that starts at byte `start` stands,
/// counted from its first char that is not white space, if that char is
/// one a header may start with ('-', 'F', 'f': see `quoted_lines`).
fn header_200th(text: &str, start: usize) -> Option<usize> {
    let rest = &text[start..];
    let line = &rest[..rest.find('\n').unwrap_or(rest.len())];
    let trimmed = line.trim_start();
    if !trimmed.starts_with(['-', 'F', 'f']) {
        return None;
    }
    let lead = start + line.len() - trimmed.len();
    trimmed.char_indices().nth(199).map(|(i, _)| lead + i)
}

/// The quoted lines of `text` (see [`find_quoted_regions`]), read line by
/// line.
fn quoted_lines(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let lines: Vec<(usize, &str)> = {
        let mut v = Vec::with_capacity(text.len() / 32);
        let mut off = 0;
        for line in text.split_inclusive('\n') {
            v.push((off, line));
            off += line.len();
        }
        v
    };
    let mut idx = 0;
    while idx < lines.len() {
        let (off, line) = lines[idx];
        let content = line.trim_end_matches(['\n', '\r']);
        let trimmed = content.trim();
        // Only lines that could be a quote marker, a header or an
        // attribution are looked at closely.
        let maybe_header = trimmed.starts_with(['-', 'F', 'f']) || trimmed.ends_with(':');
        let lower: String =
            if maybe_header { trimmed.chars().take(200).flat_map(char::to_lowercase).collect() } else { String::new() };
        if trimmed.starts_with('>') {
            out.push(Span::new(off, off + content.len()));
        } else if lower.starts_with("-----original message")
            || lower.starts_with("----- original message")
            || lower.starts_with("-------- forwarded message")
            || (lower.starts_with("from:")
                && lines[idx + 1..].iter().take(4).any(|(_, l)| {
                    let l = l.trim_start().to_ascii_lowercase();
                    l.starts_with("sent:")
                        || l.starts_with("subject:")
                        || l.starts_with("to:")
                        || l.starts_with("date:")
                }))
        {
            out.push(Span::new(off, text.len()));
            break;
        } else if lower.ends_with("wrote:") || lower.ends_with("a écrit :") || lower.ends_with("schrieb:") {
            let next_quoted = lines[idx + 1..]
                .iter()
                .find(|(_, l)| !l.trim().is_empty())
                .is_some_and(|(_, l)| l.trim_start().starts_with('>'));
            if next_quoted {
                out.push(Span::new(off, off + content.len()));
            } else if lower.starts_with("on ")
                || lower.starts_with("le ")
                || lower.starts_with("am ")
                || lower.contains('@')
            {
                out.push(Span::new(off, text.len()));
                break;
            } else {
                // "You wrote:" followed by the customer's paragraph.
                let mut end = off + line.len();
                let mut j = idx + 1;
                while j < lines.len() && lines[j].1.trim().is_empty() {
                    j += 1;
                }
                while j < lines.len() && !lines[j].1.trim().is_empty() {
                    end = lines[j].0 + lines[j].1.trim_end_matches(['\n', '\r']).len();
                    j += 1;
                }
                out.push(Span::new(off, end));
                idx = j;
                continue;
            }
        }
        idx += 1;
    }
    // A text made only of quoted lines has no words of the agent's to tell
    // apart: read it as written (a pasted message keeps its markers). (With
    // no quoted line there is nothing to read otherwise.)
    let has_own_words = out.is_empty() || {
        let (mut off, mut q) = (0, 0);
        text.split_inclusive('\n').any(|line| {
            let span = Span::new(off, off + line.len());
            off += line.len();
            while q < out.len() && out[q].end() <= span.start() {
                q += 1;
            }
            !(line.trim().is_empty() || q < out.len() && out[q].overlaps(span))
        })
    };
    if !has_own_words {
        out.clear();
    }
    out
}

const CUSTOMER_QUOTE_LEADS: &[&str] = &[
    "you wrote",
    "you said",
    "you mentioned",
    "you asked",
    "you told us",
    "you told me",
    "you say",
    "you write",
    "you put it",
    "your message said",
    "your email said",
    "your message",
    "your email",
    "your words",
    "in your words",
    "you commented",
    "you noted",
    "you explained",
    "you stated",
    "you called it",
    "your note said",
    "your ticket says",
    "your ticket said",
    "you described it as",
    "you described",
];

/// Pairs quotation marks within a line. Returns (customer quotes, other quotes):
/// a quotation introduced by "you wrote", "you said" ... is the customer's;
/// "you wrote: text" without marks quotes up to the end of the sentence.
pub(super) fn find_inline_quotes(text: &str, quoted: &[Span], marks: &Marks) -> (Vec<Span>, Vec<Span>) {
    let mut customer = Vec::new();
    let mut other = Vec::new();
    // Most lines quote nothing: only those with a quotation mark or a colon
    // are walked.
    for (base, line) in lines_that_may_quote(text, marks) {
        let line_span = Span::new(base, base + line.len());
        if contained_sorted(quoted, line_span) || line.len() > 20_000 {
            continue;
        }
        let mut open: Option<(usize, char)> = None;
        let mut handled_until = 0;
        // Only a quotation mark opens or closes a quotation, and the first
        // byte of each is marked (`QUOTATION_MARKS`): the line's marked
        // bytes are read, not its every char (about 1,400 chars at 25
        // instructions each on the 10,143 words: 39 k an analysis).
        for &k in marks.between(base, base + line.len()) {
            if !matches!(text.as_bytes()[k], b'"' | 0xC2 | 0xE2) {
                continue;
            }
            let i = k - base;
            let Some(c) = line[i..].chars().next() else {
                continue;
            };
            let closes = |o: char| match o {
                '"' => c == '"' || c == '”',
                '“' => c == '”' || c == '"',
                '„' => c == '“' || c == '”',
                '«' => c == '»',
                '»' => c == '«',
                _ => false,
            };
            match open {
                Some((at, o)) if closes(o) => {
                    let span = Span::new(base + at, base + i + c.len_utf8());
                    if lead_is_customer(&line[..at]) {
                        customer.push(span);
                    } else if i - at <= 200 {
                        other.push(span);
                    }
                    handled_until = i;
                    open = None;
                }
                None if matches!(c, '"' | '“' | '„' | '«') => open = Some((i, c)),
                _ => {}
            }
        }
        // "you wrote: the app crashes." without quotation marks. Every
        // lead ends with a colon: only the line's colons are read (a lead
        // is taken where it first stands, at the first colon it ends at),
        // where a search of the line for each lead went through the line
        // six times, with branches on its letters that no predictor learns.
        // No colon ends two leads; the spans are sorted when merged.
        let mut seen = 0u8;
        for (colon, _) in line.match_indices(':') {
            let before = &line.as_bytes()[..colon + 1];
            let Some(l) = COLON_LEADS.iter().position(|lead| {
                before.len() >= lead.len() && before[before.len() - lead.len()..].eq_ignore_ascii_case(lead.as_bytes())
            }) else {
                continue;
            };
            if seen & 1 << l != 0 {
                continue;
            }
            seen |= 1 << l;
            let from = colon + 1;
            if from <= handled_until || line[from..].trim_start().starts_with(['"', '“', '„', '«']) {
                continue;
            }
            let rest = &line[from..];
            let mut end = rest.trim_end_matches(['\n', '\r']).len();
            for (k, ch) in rest.char_indices() {
                if matches!(ch, '.' | '!' | '?') && rest[k + 1..].starts_with([' ', '\n', '\r']) {
                    end = k + 1;
                    break;
                }
            }
            if end > 0 {
                customer.push(Span::new(base + from, base + from + end));
            }
        }
    }
    (customer, other)
}

/// The words that introduce the customer's words without quotation marks
/// ("you wrote: the app crashes."), compared without case; each ends with
/// a colon (at most eight: one bit each).
const COLON_LEADS: [&str; 6] =
    ["you wrote:", "you said:", "you mentioned:", "your message:", "your email:", "you asked:"];

const _: () = {
    let mut k = 0;
    while k < COLON_LEADS.len() {
        let lead = COLON_LEADS[k].as_bytes();
        assert!(lead[lead.len() - 1] == b':');
        k += 1;
    }
};

/// The characters that can open a quotation or introduce one ("you wrote:").
const QUOTE_TRIGGERS: [&str; 5] = ["\"", ":", "“", "„", "«"];

// Every trigger's first byte is marked, and is one of those
// `lines_that_may_quote` tells triggers by.
const _: () = {
    let mut k = 0;
    while k < QUOTE_TRIGGERS.len() {
        let first = QUOTE_TRIGGERS[k].as_bytes()[0];
        assert!(crate::tokens::MARKED[first as usize]);
        assert!(matches!(first, b'"' | b':' | 0xC2 | 0xE2));
        k += 1;
    }
};

/// The quotation marks `find_inline_quotes` opens and closes quotations
/// with: each one's first byte is marked, and is one of those it reads the
/// line's marked bytes for.
const QUOTATION_MARKS: [&str; 6] = ["\"", "“", "”", "„", "«", "»"];

const _: () = {
    let mut k = 0;
    while k < QUOTATION_MARKS.len() {
        let first = QUOTATION_MARKS[k].as_bytes()[0];
        assert!(crate::tokens::MARKED[first as usize]);
        assert!(matches!(first, b'"' | 0xC2 | 0xE2));
        k += 1;
    }
};

/// The lines of `text` (with their line break, and the byte each starts
/// at) that hold one of [`QUOTE_TRIGGERS`], in order: found among the
/// marked bytes (every trigger's first byte is one), so the lines of prose
/// between them are not read at all.
fn lines_that_may_quote<'t>(text: &'t str, marks: &'t Marks) -> impl Iterator<Item = (usize, &'t str)> + 't {
    let bytes = text.as_bytes();
    // A marked byte is ASCII or a lead byte, so a char starts there.
    // Most marked bytes are periods: told by the byte, before any trigger
    // is compared (those of two or three bytes start with 0xC2 or 0xE2).
    let mut triggers = marks.iter().filter(move |&k| match bytes[k] {
        b'"' | b':' => true,
        0xC2 | 0xE2 => QUOTE_TRIGGERS.iter().any(|t| bytes[k..].starts_with(t.as_bytes())),
        _ => false,
    });
    let mut from = 0;
    std::iter::from_fn(move || {
        let at = triggers.by_ref().find(|&k| k >= from)?;
        let start = text[from..at].rfind('\n').map_or(from, |k| from + k + 1);
        let end = text[at..].find('\n').map_or(text.len(), |k| at + k + 1);
        from = end;
        Some((start, &text[start..end]))
    })
}

fn lead_is_customer(before: &str) -> bool {
    let tail_start = before.len().saturating_sub(48);
    let tail_start = (tail_start..=before.len()).find(|&i| before.is_char_boundary(i)).unwrap_or(before.len());
    let tail: String =
        before[tail_start..].trim_end_matches([' ', ':', ',', '\t']).chars().map(|c| c.to_ascii_lowercase()).collect();
    let tail = tail.replace('\u{2019}', "'");
    CUSTOMER_QUOTE_LEADS.iter().any(|lead| tail.ends_with(lead))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_told_to_quote_no_line_quotes_none() {
        // Every way a colon can end an attribution or open a header, and
        // some it cannot, in texts of up to five pieces; then colons about
        // 200 chars into a line, where the attribution test stops reading.
        let pieces = ["Hi\n", "From", "wrote", ":", " ", "\u{a0}", "\n", "-----", "a", "Sent:x"];
        let mut texts = crate::span::every_text(&pieces, 5);
        for n in 185..205 {
            for fill in ["f", "é"] {
                for lead in ["", "\n", "x\n", "From ", " "] {
                    for first in ["F", "f", "-", "x"] {
                        texts.push(format!("{lead}{first}{}wrote:x y", fill.repeat(n - 1)));
                    }
                }
            }
        }
        for text in &texts {
            let marks = Marks::of(text);
            if !may_quote_lines(text, &marks) {
                assert_eq!(quoted_lines(text), [], "{text:?}");
            }
        }
    }

    #[test]
    fn the_lines_searched_for_quotes_are_exactly_those_with_a_trigger() {
        let pieces = ["a", "’", "—", "“", "”", "„", "«", "»", "\"", ":", "é", "\n", " ", "‘"];
        for text in &crate::span::every_text(&pieces, 4) {
            let mut off = 0;
            let mut want = Vec::new();
            for line in text.split_inclusive('\n') {
                if QUOTE_TRIGGERS.iter().any(|t| line.contains(t)) {
                    want.push((off, line));
                }
                off += line.len();
            }
            let marks = Marks::of(text);
            let got: Vec<(usize, &str)> = lines_that_may_quote(text, &marks).collect();
            assert_eq!(got, want, "{text:?}");
        }
    }
}
