//! Unfilled template placeholders (`[Name]`, `{{first_name}}`, `XXX`): a
//! document fact, found over the text and its tokens, outside quoted text.

use super::greeting::GREETING_WORDS;
use super::{overlaps_sorted, Document};
use crate::span::Span;
use crate::tokens::{flag, gap, is_unspaced_script, may_fill_slot, Marks, Token};

/// An unfilled template placeholder such as `[Name]` or `{{first_name}}`.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Placeholder {
    pub span: Span,
    /// Whether it stands for a person's name.
    pub is_name: bool,
}

/// The bytes a placeholder can start with (see the `match` in
/// `find_placeholders`, whose other arms only step past a byte); each is
/// one of the marked bytes of [`Marks`].
const OPENS: [bool; 256] = crate::tokens::byte_set(b"{<[$*(%_");

// Every byte that can open a placeholder is marked.
const _: () = {
    let mut b = 0;
    while b < 256 {
        assert!(!OPENS[b] || crate::tokens::MARKED[b]);
        b += 1;
    }
};

impl Document<'_> {
    /// Finds `[Name]`, `{{first_name}}`, `<customer name>`, `%NAME%`, `____`
    /// and stand-alone `XXX`, outside quoted text.
    pub(super) fn find_placeholders(&mut self, marks: &Marks) {
        let text = self.text;
        let bytes = text.as_bytes();
        let mut found: Vec<Placeholder> = Vec::new();
        // Where the bytes that can open a placeholder stand (every one is
        // marked), at or after `i`, the end of the last one read.
        let mut i = 0;
        for at in marks.iter() {
            if at < i || !OPENS[bytes[at] as usize] {
                continue;
            }
            i = at;
            let b = bytes[i];
            let (close, inner_from) = match b {
                b'{' if bytes.get(i + 1) == Some(&b'{') => ("}}", i + 2),
                b'<' if bytes.get(i + 1) == Some(&b'<') => (">>", i + 2),
                b'[' if bytes.get(i + 1) == Some(&b'[') => ("]]", i + 2),
                b'$' if bytes.get(i + 1) == Some(&b'{') => ("}", i + 2),
                // Mailchimp merge tags: *|FNAME|*.
                b'*' if bytes.get(i + 1) == Some(&b'|') => ("|*", i + 2),
                b'$' if bytes.get(i + 1).is_some_and(|c| c.is_ascii_alphabetic()) => {
                    // $NAME, $first_name: a shell-style variable.
                    let len = bytes[i + 1..].iter().take_while(|c| c.is_ascii_alphanumeric() || **c == b'_').count();
                    let inner = &text[i + 1..i + 1 + len];
                    // "$XX.XX" is an unfilled amount (read with the words below).
                    let amount = inner.bytes().all(|c| c == b'X' || c == b'x');
                    if let Some(is_name) = placeholder_kind(inner, b'{', false).filter(|_| !amount) {
                        let shouted = inner.bytes().all(|c| !c.is_ascii_lowercase());
                        if shouted || inner.to_ascii_lowercase().contains("name") {
                            found.push(Placeholder { span: Span::new(i, i + 1 + len), is_name });
                        }
                    }
                    i += 1 + len;
                    continue;
                }
                b'(' => (")", i + 1),
                b'{' => ("}", i + 1),
                b'[' => ("]", i + 1),
                b'<' => (">", i + 1),
                b'%' => ("%", i + 1),
                b'_' => {
                    let run = bytes[i..].iter().take_while(|&&c| c == b'_').count();
                    if run >= 3 {
                        // A blank is a name where a name goes: after "Hi",
                        // "Dear" or a title ("Dear Mr ____"), not "your
                        // refund of ____".
                        let before = text[..i].trim_end_matches([' ', '.']);
                        let word = before.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("");
                        let w = word.to_ascii_lowercase();
                        let is_name = before.is_empty()
                            || before.ends_with('\n')
                            || matches!(
                                w.as_str(),
                                "hi" | "hello"
                                    | "hey"
                                    | "dear"
                                    | "mr"
                                    | "mrs"
                                    | "ms"
                                    | "miss"
                                    | "dr"
                                    | "thanks"
                                    | "morning"
                                    | "afternoon"
                                    | "evening"
                            );
                        found.push(Placeholder { span: Span::new(i, i + run), is_name });
                    }
                    i += run;
                    continue;
                }
                _ => {
                    i += 1;
                    continue;
                }
            };
            let window_end = (inner_from + 40).min(bytes.len());
            let Some(rel) = find_bytes(&bytes[inner_from..window_end], close.as_bytes()) else {
                i += 1;
                continue;
            };
            let inner = &text[inner_from..inner_from + rel];
            let end = inner_from + rel + close.len();
            let kind = match b {
                b'(' => paren_placeholder(inner),
                b'*' => placeholder_kind(inner, b'{', true),
                _ => placeholder_kind(inner, b, close.len() == 2)
                    .or_else(|| (b == b'[' && in_greeting_slot(text, i, end, inner)).then_some(true)),
            };
            if let Some(is_name) = kind {
                found.push(Placeholder { span: Span::new(i, end), is_name });
                i = end;
            } else {
                i += 1;
            }
        }
        // Stand-alone runs of X, but not masked numbers such as XXXX-XXXX-4421.
        // Only a word of capitals, one that starts with x, or a date's
        // "dd" or "mm" (`may_fill_slot`, by the token's flags, folded first
        // byte and key: "dd" is two ASCII letters, folded as they are) is
        // read below, the only words the loop does anything with: the
        // tokenizer lists them as it makes them (`Marks::slots`), and words
        // kept from an earlier draft are found by a search of their own
        // (`next_candidate`, a small loop, not the large one below, which
        // kept its values on the stack for every word).
        let mut listed = marks.slots().map(|slots| slots.iter());
        let mut next = 0;
        loop {
            let k = match &mut listed {
                Some(slots) => match slots.next() {
                    Some(&at) => self.token_at(at),
                    None => break,
                },
                None => match next_candidate(&self.tokens, next) {
                    Some(k) => k,
                    None => break,
                },
            };
            next = k + 1;
            let t = &self.tokens[k];
            // A date left as the template wrote it: "on dd/mm/yyyy" (told
            // by two bytes before any slicing: this runs for every word).
            let first = text.as_bytes()[t.span.start()];
            if t.span.len() == 2
                && matches!(first | 0x20, b'd' | b'm')
                && text.as_bytes()[t.span.start() + 1] | 0x20 == first | 0x20
            {
                // "in the format DD/MM/YYYY", "(dd/mm/yyyy)" show how to
                // write a date: no slot left unfilled.
                let before = text[..t.span.start()].trim_end();
                let shows_format = before.ends_with(['(', '"', ':'])
                    || (k.saturating_sub(3)..k)
                        .any(|j| matches!(self.fold(j), "format" | "as" | "like" | "e.g" | "eg" | "form"));
                if let Some(end) = unfilled_date(text, t.span).filter(|_| !shows_format) {
                    found.push(Placeholder { span: Span::new(t.span.start(), end), is_name: false });
                    continue;
                }
            }
            // Only words of capitals or of x's are looked at below.
            if !t.is(flag::ALL_CAPS) && !matches!(first, b'x' | b'X') {
                continue;
            }
            let w = &text[t.span];
            // An amount left as the template wrote it: "£XX.XX", "$X,XXX".
            if let Some(end) = unfilled_amount(text, t.span) {
                found.push(Placeholder { span: Span::new(t.span.start(), end), is_name: false });
                continue;
            }
            // A name variable written bare: "Hi NAME," or "Dear FIRST_NAME".
            // Not a label in capitals: "the field labelled NAME ON CARD",
            // "NAME OF ACCOUNT HOLDER" (more capitals after it, or a word
            // that names a label before it).
            let label = || {
                self.tokens.get(k + 1).is_some_and(|u| {
                    u.is(flag::ALL_CAPS)
                        && u.sentence == t.sentence
                        && t.gap.is_empty()
                        && text[t.span.end()..u.span.start()] == *" "
                }) || (k > 0
                    && matches!(
                        self.fold(k - 1),
                        "labelled"
                            | "labeled"
                            | "marked"
                            | "field"
                            | "box"
                            | "column"
                            | "heading"
                            | "called"
                            | "titled"
                    ))
            };
            if matches!(w, "NAME" | "FNAME" | "FIRSTNAME" | "CUSTOMERNAME" | "FULLNAME" | "LNAME") && !label() {
                let mut start = t.span.start();
                if k > 0 && &text[self.tokens[k - 1].span.end()..start] == "_" && self.tokens[k - 1].is(flag::ALL_CAPS)
                {
                    start = self.tokens[k - 1].span.start();
                }
                // "#NAME#", "~NAME~": the same mark on both sides is the
                // template's own, and goes with the name put in its place.
                let mut end = t.span.end();
                let (before, after) = (text[..start].chars().next_back(), text[end..].chars().next());
                if before == after && before.is_some_and(|c| matches!(c, '#' | '%' | '~' | '^' | '!' | '|' | '*' | '@'))
                {
                    start -= 1;
                    end += 1;
                }
                found.push(Placeholder { span: Span::new(start, end), is_name: true });
                continue;
            }
            if w.len() >= 3 && w.bytes().all(|c| c == b'X' || c == b'x') {
                // "Mr. XXX" is a placeholder; "4421.XXXX" is masked.
                let prev_masked = k > 0 && {
                    let p = &self.tokens[k - 1];
                    let masky = p.is(flag::NUMBER) || text[p.span].bytes().all(|c| c == b'X' || c == b'x');
                    p.gap_has(gap::TIGHT_HYPHEN)
                        || text[p.span.end()..t.span.start()].contains(['*', '/', '#'])
                        || (masky && text[p.span.end()..t.span.start()].contains('.'))
                };
                let next_masked = t.gap_has(gap::TIGHT_HYPHEN | gap::OTHER)
                    || text[t.span.end()..].starts_with(['.', '*'])
                        && text[t.span.end() + 1..].starts_with(|c: char| c.is_ascii_digit() || c == 'X');
                let before = text[..t.span.start()].chars().next_back();
                let glued = before.is_some_and(|c| c == '*' || c == '#' || c == '-');
                if !prev_masked && !next_masked && !glued {
                    found.push(Placeholder { span: t.span, is_name: true });
                }
            }
        }
        crate::order::sort_by_key(&mut found, |p| (p.span.start(), std::cmp::Reverse(p.span.end())));
        // "%NAME%" holds the bare "NAME" too: keep the outer one.
        let mut last_end = 0;
        found.retain(|p| {
            let keep = p.span.start() >= last_end || last_end == 0 && p.span.start() == 0;
            last_end = last_end.max(p.span.end());
            keep
        });
        found.retain(|p| !overlaps_sorted(&self.quoted, p.span) && !technical(text, &self.links, p.span));
        self.placeholders = found;
    }
}

/// Whether the stand-alone finder reads token `t` (see
/// `find_placeholders`): nonzero if so.
#[inline(always)]
fn may_be(t: &Token) -> u8 {
    u8::from(may_fill_slot(t.flags, t.fold_head().1, t.key))
}

/// The first token from `from` on that the stand-alone finder reads, if
/// any. Four tokens a step, their tests OR-ed, with one branch: one a
/// token, the search took 17 instructions a token (about 175 k an
/// analysis of the 10,143 words).
fn next_candidate(tokens: &[Token], from: usize) -> Option<usize> {
    let rest = tokens.get(from..)?;
    let mut passed = 0;
    for four in rest.chunks_exact(4) {
        if may_be(&four[0]) | may_be(&four[1]) | may_be(&four[2]) | may_be(&four[3]) != 0 {
            break;
        }
        passed += 4;
    }
    rest[passed..].iter().position(|t| may_be(t) != 0).map(|k| from + passed + k)
}

/// Whether the placeholder-like text at `span` is technical text that
/// belongs there, not a slot left unfilled: part of a link
/// (`https://api.example.com/users/{user_id}`), inside a code span
/// (`` `export TOKEN=$TOKEN` ``), a Markdown link's text (`[here](...)`),
/// a path variable (`%APPDATA%\Tandem`), or a form's blank after its label
/// (`Signature: ________`).
fn technical(text: &str, links: &[Span], span: Span) -> bool {
    let bytes = text.as_bytes();
    // Code opened by a backtick earlier on its line (at most 200 bytes
    // back: a line of many placeholders stays linear).
    let from = span.start().saturating_sub(200);
    let line_start = bytes[from..span.start()].iter().rposition(|&b| b == b'\n').map_or(from, |i| from + i + 1);
    // ... and closed after it on the same line (a backtick typed for an
    // apostrophe, "We`re sorry, [Name]", opens nothing).
    let to = (span.end() + 200).min(bytes.len());
    let closed = bytes[span.end()..to].iter().take_while(|&&b| b != b'\n').any(|&b| b == b'`');
    let in_code = closed && bytes[line_start..span.start()].iter().filter(|&&b| b == b'`').count() % 2 == 1;
    let (first, last) = (bytes[span.start()], bytes[span.end() - 1]);
    let markdown_link = first == b'[' && last == b']' && bytes.get(span.end()) == Some(&b'(');
    let path = first == b'%'
        && (matches!(bytes.get(span.end()), Some(b'\\' | b'/'))
            || span.start() > 0 && matches!(bytes[span.start() - 1], b'\\' | b'/'));
    let form_blank = first == b'_' && bytes[from..span.start()].iter().rev().find(|&&b| b != b' ') == Some(&b':');
    in_code || markdown_link || path || form_blank || overlaps_sorted(links, span)
}

/// Where an unfilled amount that starts with word `w` ends: a run of X's
/// right after a currency sign, with its ",XXX" and ".XX" ("£XX.XX",
/// "$X,XXX", "€xx"). The sign is not part of the span: the amount is
/// what the agent must write.
fn unfilled_amount(text: &str, w: Span) -> Option<usize> {
    let is_x = |b: u8| b == b'X' || b == b'x';
    let bytes = text.as_bytes();
    let before = text[..w.start()].chars().next_back()?;
    if !matches!(before, '£' | '$' | '€' | '¥' | '₹') || !bytes[w.start()..w.end()].iter().all(|&b| is_x(b)) {
        return None;
    }
    let mut end = w.end();
    while end + 1 < bytes.len() && matches!(bytes[end], b'.' | b',') && is_x(bytes[end + 1]) {
        end += 1;
        while end < bytes.len() && is_x(bytes[end]) {
            end += 1;
        }
    }
    // "£XXL" or "$xylophone" is a word.
    (end >= bytes.len() || !bytes[end].is_ascii_alphanumeric()).then_some(end)
}

/// Where an unfilled date that starts with word `w` ends: "DD/MM/YYYY",
/// "MM/DD/YY", "dd.mm.yyyy".
fn unfilled_date(text: &str, w: Span) -> Option<usize> {
    let rest = &text[w.start()..];
    for form in ["dd/mm/yyyy", "mm/dd/yyyy", "dd-mm-yyyy", "dd.mm.yyyy", "dd/mm/yy", "mm/dd/yy"] {
        let matches = rest.len() >= form.len()
            && rest.as_bytes()[..form.len()].eq_ignore_ascii_case(form.as_bytes())
            && !rest.as_bytes().get(form.len()).is_some_and(u8::is_ascii_alphanumeric);
        if matches {
            return Some(w.start() + form.len());
        }
    }
    None
}

fn find_bytes(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

const PLACEHOLDER_WORDS: &[&str] = &[
    "name",
    "first",
    "last",
    "customer",
    "client",
    "recipient",
    "user",
    "agent",
    "company",
    "insert",
    "date",
    "order",
    "ticket",
    "number",
    "product",
    "link",
    "email",
    "phone",
    "address",
    "account",
    "placeholder",
    "fname",
    "lname",
    "firstname",
    "lastname",
    "surname",
    "title",
    "salutation",
    "contact",
    "amount",
    "here",
    "tbd",
    "todo",
];

/// `(customer name)`, `(first name)`: words in parentheses that only say
/// which name to insert. Ordinary asides ("(in your name)") are not.
fn paren_placeholder(inner: &str) -> Option<bool> {
    let lower = inner.trim().to_ascii_lowercase();
    let words: Vec<&str> = lower.split([' ', '_', '-']).filter(|w| !w.is_empty()).collect();
    let fits = !words.is_empty()
        && words.len() <= 3
        && words.contains(&"name")
        && words.iter().all(|w| {
            matches!(
                *w,
                "name"
                    | "customer"
                    | "client"
                    | "first"
                    | "last"
                    | "full"
                    | "insert"
                    | "recipient"
                    | "customer's"
                    | "caller"
            )
        });
    fits.then_some(true)
}

/// A bracketed word in any language where the name goes, such as
/// `Hola [Nombre],` or `[名前]様`: at the start of its line or after a
/// greeting word, and followed by punctuation or the end of the line.
fn in_greeting_slot(text: &str, open: usize, end: usize, inner: &str) -> bool {
    let word = inner.trim();
    if word.is_empty() || word.chars().count() > 24 || !word.chars().all(|c| c.is_alphabetic() || c == ' ') {
        return false;
    }
    let line_start = text[..open].rfind('\n').map_or(0, |k| k + 1);
    let before = text[line_start..open].trim();
    let lead = before.is_empty()
        || crate::words::among(
            GREETING_WORDS,
            before.to_lowercase().trim_end_matches(',').rsplit(' ').next().unwrap_or(""),
        );
    let after = text[end..].chars().next();
    lead && after.is_none_or(|c| matches!(c, ',' | '!' | '\n' | ':' | '.' | '、' | '，') || is_unspaced_script(c))
}

/// Whether the text between brackets looks like a template variable; `Some(true)`
/// when it stands for a name.
fn placeholder_kind(inner: &str, open: u8, double: bool) -> Option<bool> {
    let trimmed = inner.trim();
    if trimmed.is_empty() || trimmed.len() > 32 {
        return None;
    }
    let ident = trimmed.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'_' || c == b'.')
        && trimmed.bytes().next().is_some_and(|c| c.is_ascii_alphabetic());
    let wordy = trimmed.bytes().all(|c| c.is_ascii_alphabetic() || matches!(c, b' ' | b'_' | b'-' | b'.' | b'\''));
    if !wordy && !ident {
        return None;
    }
    let lower = trimmed.to_ascii_lowercase();
    let is_name = lower.contains("name")
        || lower == "salutation"
        || lower.contains("recipient")
        || lower == "customer"
        || lower == "client";
    let keyword = PLACEHOLDER_WORDS
        .iter()
        .any(|w| lower.split(|c: char| !c.is_ascii_alphanumeric()).any(|part| part == *w || part.contains("name")));
    let shouted =
        trimmed.bytes().filter(|c| c.is_ascii_alphabetic()).all(|c| c.is_ascii_uppercase()) && trimmed.len() >= 2;
    let accept = match open {
        // Template engines: any identifier ({{first_name}}, ${name}, %NAME%).
        b'{' | b'$' => ident || keyword,
        b'%' => ident && (shouted || keyword),
        b'[' | b'<' if double => ident || keyword || shouted,
        // Square or angle brackets: only when the words say what to insert,
        // or it is written in capitals like [NAME]. Keeps out <br> and [1].
        _ => keyword || (shouted && ident && trimmed.len() >= 3),
    };
    accept.then_some(is_name || (shouted && lower.contains("name")))
}
