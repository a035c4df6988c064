//! The JSON reader of rule packs: a pack is read in one pass, straight into
//! its typed parts, so the first problem in the file, whether of syntax or
//! of meaning, is the one reported, with its byte offset and its path in
//! the pack (`avoid[1].message`).
//!
//! Hand-written rather than serde's: the pack is the engine's only JSON
//! input, and serde_json's deserializer with `serde_path_to_error` cost the
//! first load 31 KB of gzip (docs/history/speed.md, "First load"). It reads JSON as RFC
//! 8259 defines it (plus a leading byte order mark) and words its messages
//! as serde_json did.
//!
//! Nesting is bounded by the pack's shape, not by the input: a value of the
//! wrong kind is refused where it starts, so nothing is ever skipped over
//! and no input can recurse deeper than an avoid entry's `better` list.

use std::fmt::Write;

/// A problem in the pack: where (a byte offset into the text and the path
/// of the value being read) and what.
#[derive(Debug)]
pub(crate) struct Error {
    pub at: usize,
    pub path: String,
    pub message: String,
}

enum Step {
    Key(String),
    Index(usize),
}

/// A cursor over a pack's text, with the path of the value it is in.
pub(crate) struct Reader<'a> {
    text: &'a str,
    pos: usize,
    path: Vec<Step>,
}

/// A failure to read, for the `?` of the readers below.
pub(crate) type Read<T> = Result<T, Error>;

impl<'a> Reader<'a> {
    pub(crate) fn new(text: &'a str) -> Reader<'a> {
        let pos = if text.starts_with('\u{feff}') { 3 } else { 0 };
        Reader { text, pos, path: Vec::new() }
    }

    /// A problem at byte `at`, in the value being read.
    pub(crate) fn error(&self, at: usize, message: impl Into<String>) -> Error {
        let mut path = String::new();
        for step in &self.path {
            match step {
                Step::Key(k) if path.is_empty() => path.push_str(k),
                Step::Key(k) => {
                    path.push('.');
                    path.push_str(k);
                }
                Step::Index(i) => {
                    let _ = write!(path, "[{i}]");
                }
            }
        }
        Error { at, path, message: message.into() }
    }

    /// The next byte after whitespace, not consumed.
    fn peek(&mut self) -> Option<u8> {
        let b = self.text.as_bytes();
        while self.pos < b.len() && matches!(b[self.pos], b' ' | b'\t' | b'\n' | b'\r') {
            self.pos += 1;
        }
        b.get(self.pos).copied()
    }

    /// Checks that nothing but whitespace follows the pack.
    pub(crate) fn end(&mut self) -> Read<()> {
        match self.peek() {
            None => Ok(()),
            Some(_) => Err(self.error(self.pos, "trailing characters")),
        }
    }

    /// Consumes `null` if it comes next: an optional value left out.
    pub(crate) fn null(&mut self) -> Read<bool> {
        if self.peek() != Some(b'n') {
            return Ok(false);
        }
        self.literal().map(|_| true)
    }

    /// Starts a value that must open with `open` (`{`, `[` or `"`),
    /// refusing any other kind as serde did: "invalid type: integer `5`,
    /// expected a string". Returns where the value starts.
    fn start(&mut self, open: u8, expected: &str) -> Read<usize> {
        let at = match self.peek() {
            None => return Err(self.error(self.pos, "EOF while parsing a value")),
            Some(c) if c == open => return Ok(self.pos),
            Some(_) => self.pos,
        };
        let found = match self.text.as_bytes()[at] {
            b'[' => "sequence".to_string(),
            b'{' => "map".to_string(),
            b'"' => format!("string {:?}", shortened(&self.string_body()?)),
            b'-' | b'0'..=b'9' => {
                let n = self.number()?;
                let kind = if n.contains(['.', 'e', 'E']) { "floating point" } else { "integer" };
                format!("{kind} `{}`", shortened(n))
            }
            _ => match self.literal()? {
                "null" => "null".to_string(),
                b => format!("boolean `{b}`"),
            },
        };
        Err(self.error(at, format!("invalid type: {found}, expected {expected}")))
    }

    /// `true`, `false` or `null`, whichever comes next.
    fn literal(&mut self) -> Read<&'static str> {
        let rest = &self.text[self.pos..];
        for word in ["true", "false", "null"] {
            if rest.starts_with(word) {
                self.pos += word.len();
                return Ok(word);
            }
        }
        Err(self.error(self.pos, "expected value"))
    }

    /// A number as JSON writes it; returns its text.
    fn number(&mut self) -> Read<&'a str> {
        let b = self.text.as_bytes();
        let start = self.pos;
        let digits = |i: &mut usize| {
            let from = *i;
            while *i < b.len() && b[*i].is_ascii_digit() {
                *i += 1;
            }
            *i > from
        };
        let mut i = start + usize::from(b[start] == b'-');
        let whole = i;
        if !digits(&mut i) || (b[whole] == b'0' && i > whole + 1) {
            return Err(self.error(start, "invalid number"));
        }
        if b.get(i) == Some(&b'.') {
            i += 1;
            if !digits(&mut i) {
                return Err(self.error(start, "invalid number"));
            }
        }
        if matches!(b.get(i), Some(b'e' | b'E')) {
            i += 1;
            if matches!(b.get(i), Some(b'+' | b'-')) {
                i += 1;
            }
            if !digits(&mut i) {
                return Err(self.error(start, "invalid number"));
            }
        }
        self.pos = i;
        Ok(&self.text[start..i])
    }

    /// A string; returns where it starts and its text.
    pub(crate) fn string(&mut self, expected: &str) -> Read<(usize, String)> {
        let at = self.start(b'"', expected)?;
        Ok((at, self.string_body()?))
    }

    /// A string, the reader on its opening quote.
    fn string_body(&mut self) -> Read<String> {
        let b = self.text.as_bytes();
        self.pos += 1;
        let mut out = String::new();
        loop {
            let from = self.pos;
            while self.pos < b.len() && !matches!(b[self.pos], b'"' | b'\\' | 0..=0x1f) {
                self.pos += 1;
            }
            out.push_str(&self.text[from..self.pos]);
            match b.get(self.pos) {
                None => return Err(self.error(self.pos, "EOF while parsing a string")),
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    let at = self.pos;
                    self.pos += 2;
                    let c = match b.get(at + 1) {
                        None => return Err(self.error(at, "EOF while parsing a string")),
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => self.escaped_char(at)?,
                        Some(_) => return Err(self.error(at, "invalid escape")),
                    };
                    out.push(c);
                }
                Some(_) => {
                    return Err(self.error(self.pos, "control character (\\u0000-\\u001F) found while parsing a string"))
                }
            }
        }
    }

    /// The char of a `\u` escape (the reader past `\u`), a surrogate pair
    /// taken as one.
    fn escaped_char(&mut self, at: usize) -> Read<char> {
        let high = self.hex4(at)?;
        if !(0xd800..0xe000).contains(&high) {
            return char::from_u32(high).ok_or_else(|| self.error(at, "invalid escape"));
        }
        let b = self.text.as_bytes();
        if high < 0xdc00 && b.get(self.pos) == Some(&b'\\') && b.get(self.pos + 1) == Some(&b'u') {
            let second = self.pos;
            self.pos += 2;
            let low = self.hex4(second)?;
            if (0xdc00..0xe000).contains(&low) {
                let c = 0x10000 + ((high - 0xd800) << 10) + (low - 0xdc00);
                return char::from_u32(c).ok_or_else(|| self.error(at, "invalid escape"));
            }
        }
        Err(self.error(at, "lone surrogate in a \\u escape"))
    }

    /// Four hex digits.
    fn hex4(&mut self, at: usize) -> Read<u32> {
        let digits = self.text.as_bytes().get(self.pos..self.pos + 4);
        let value = digits.and_then(|d| d.iter().try_fold(0u32, |v, &c| Some(v * 16 + char::from(c).to_digit(16)?)));
        match value {
            Some(v) => {
                self.pos += 4;
                Ok(v)
            }
            None => Err(self.error(at, "invalid escape")),
        }
    }

    /// An object: `each` reads the value of every member, given the key and
    /// where the key starts, with the key on the path. Returns where the
    /// object starts.
    pub(crate) fn object(
        &mut self,
        expected: &str,
        each: &mut dyn FnMut(&mut Reader<'a>, String, usize) -> Read<()>,
    ) -> Read<usize> {
        let at = self.start(b'{', expected)?;
        self.pos += 1;
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(at);
        }
        loop {
            let key_at = match self.peek() {
                None => return Err(self.error(self.pos, "EOF while parsing an object")),
                Some(b'"') => self.pos,
                Some(_) => return Err(self.error(self.pos, "key must be a string")),
            };
            let key = self.string_body()?;
            match self.peek() {
                Some(b':') => self.pos += 1,
                None => return Err(self.error(self.pos, "EOF while parsing an object")),
                Some(_) => return Err(self.error(self.pos, "expected `:`")),
            }
            self.path.push(Step::Key(shortened(&key)));
            each(self, key, key_at)?;
            self.path.pop();
            if self.closes(b'}', "an object")? {
                return Ok(at);
            }
        }
    }

    /// An array: `each` reads every element, with its index on the path.
    pub(crate) fn array(&mut self, expected: &str, each: &mut dyn FnMut(&mut Reader<'a>) -> Read<()>) -> Read<()> {
        self.start(b'[', expected)?;
        self.pos += 1;
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(());
        }
        let mut i = 0;
        loop {
            self.path.push(Step::Index(i));
            each(self)?;
            self.path.pop();
            i += 1;
            if self.closes(b']', "a list")? {
                return Ok(());
            }
        }
    }

    /// After a member of an object or an element of a list (`what`): a
    /// comma and another one (false), or `close`, consumed (true).
    fn closes(&mut self, close: u8, what: &str) -> Read<bool> {
        match self.peek() {
            Some(b',') => {
                self.pos += 1;
                if self.peek() == Some(close) {
                    return Err(self.error(self.pos, "trailing comma"));
                }
                Ok(false)
            }
            Some(c) if c == close => {
                self.pos += 1;
                Ok(true)
            }
            None => Err(self.error(self.pos, format!("EOF while parsing {what}"))),
            Some(_) => Err(self.error(self.pos, format!("expected `,` or `{}`", char::from(close)))),
        }
    }
}

/// A string cut to its first 40 chars for a message (a pack may hold a
/// megabyte in one string).
pub(crate) fn shortened(s: &str) -> String {
    match s.char_indices().nth(40) {
        Some((cut, _)) => format!("{}…", &s[..cut]),
        None => s.to_string(),
    }
}

/// The 1-based line and column (in chars) of byte `at` of `text`; a
/// leading byte order mark, which editors do not show, is not counted.
pub(crate) fn line_column(text: &str, at: usize) -> (usize, usize) {
    let before = &text[..at.min(text.len())];
    let before = before.strip_prefix('\u{feff}').unwrap_or(before);
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (before.matches('\n').count() + 1, before[line_start..].chars().count() + 1)
}

/// `one of `a`, `b`, `c`` or `` `a` or `b` ``, as serde named the expected fields.
pub(crate) fn one_of(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
    match quoted.as_slice() {
        [a, b] => format!("{a} or {b}"),
        all => format!("one of {}", all.join(", ")),
    }
}
