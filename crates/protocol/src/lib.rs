//! The messages between Cornerstone's iframe mode (`index.html?embed`) and
//! the page that frames it, in one place.
//!
//! The parent sends `{type: "cornerstone:check", id, text, customerName,
//! customerMessage}`; the frame answers `{type: "cornerstone:report", id,
//! report}` (the CLI's JSON), says `cornerstone:ready` when it starts, and
//! asks the parent to `cornerstone:select` or `cornerstone:replace` a UTF-16
//! range (`requestId`, `start`, `end`, `expected`, and `text` or `field`).
//! When it cannot coach (its engine could not load, or failed), it says
//! `cornerstone:error` with a `message`, then and to every check. A frame
//! whose own code could not be fetched says it once, before `ready`, and
//! says `ready` when it has been fetched after all.
//!
//! [`Kind`] is the one list of message types. The app reads what arrives
//! with [`Incoming::parse`] and builds what it sends from [`Outgoing`]
//! (`src/protocol.rs` puts them into and out of JavaScript objects); the
//! bundler writes [`Kind::js_table`] into `cornerstone-embed.js`, so the
//! JavaScript side takes its names from the same list. Standard library
//! only: the bundler builds in seconds.

use std::fmt;

/// Every message type, by who sends it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Parent to frame: check this reply.
    Check,
    /// Frame to parent: the frame is listening.
    Ready,
    /// Frame to parent: the report of a checked reply.
    Report,
    /// Frame to parent: select these words (in the reply, or in the message with `field: "message"`).
    Select,
    /// Frame to parent: replace these words.
    Replace,
    /// Frame to parent: no report can come (the engine could not load, or failed).
    Error,
}

impl Kind {
    /// Every kind, in the order the JavaScript table lists them.
    pub const ALL: [Kind; 6] = [Kind::Check, Kind::Ready, Kind::Report, Kind::Select, Kind::Replace, Kind::Error];

    /// The message's `type`, as it travels.
    pub const fn name(self) -> &'static str {
        match self {
            Kind::Check => "cornerstone:check",
            Kind::Ready => "cornerstone:ready",
            Kind::Report => "cornerstone:report",
            Kind::Select => "cornerstone:select",
            Kind::Replace => "cornerstone:replace",
            Kind::Error => "cornerstone:error",
        }
    }

    /// The kind's key in the JavaScript table (`frameMessages.check`).
    pub const fn key(self) -> &'static str {
        match self {
            Kind::Check => "check",
            Kind::Ready => "ready",
            Kind::Report => "report",
            Kind::Select => "select",
            Kind::Replace => "replace",
            Kind::Error => "error",
        }
    }

    /// Whether the parent sends it to the frame (else the frame sends it).
    pub const fn to_frame(self) -> bool {
        matches!(self, Kind::Check)
    }

    pub fn from_name(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.name() == name)
    }

    /// The table `{"check": "cornerstone:check", ...}`, a JSON object and a
    /// JavaScript expression, for the bundler to write into the embed.
    pub fn js_table() -> String {
        let entries: Vec<String> = Kind::ALL.iter().map(|k| format!("\"{}\": \"{}\"", k.key(), k.name())).collect();
        format!("{{ {} }}", entries.join(", "))
    }
}

/// The prefix every message type of the protocol starts with.
pub const PREFIX: &str = "cornerstone:";

/// One field of an arriving message, as the page gave it.
#[derive(Clone, Debug, PartialEq)]
pub enum Field {
    /// Not there, `undefined` or `null`.
    Absent,
    Text(String),
    /// Anything else, named by its JavaScript type (`"number"`, `"object"`).
    Other(&'static str),
}

/// An arriving message, as the app sees it: its fields, and any field as
/// the page's own value (`id` is echoed untouched).
pub trait Message {
    type Raw;
    fn field(&self, key: &str) -> Field;
    fn raw(&self, key: &str) -> Self::Raw;
}

/// A message the frame understands, read. `R` is the page's own value type.
#[derive(Clone, Debug, PartialEq)]
pub enum Incoming<R> {
    Check {
        /// Echoed in the report, whatever it is.
        id: R,
        text: String,
        customer_name: String,
        customer_message: String,
    },
}

/// Why an arriving message was not understood.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProtocolError {
    /// A `cornerstone:` type that is not in the list.
    Unknown(String),
    /// A type the frame sends, not one it receives.
    WrongWay(Kind),
    /// A field missing or of the wrong type.
    Malformed { kind: Kind, field: &'static str, expected: &'static str, found: &'static str },
}

impl fmt::Display for ProtocolError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ProtocolError::Unknown(name) => {
                let known: Vec<&str> = Kind::ALL.iter().filter(|k| k.to_frame()).map(|k| k.name()).collect();
                write!(f, "unknown message type '{name}' (the frame understands {})", known.join(", "))
            }
            ProtocolError::WrongWay(kind) => {
                write!(f, "'{}' is a message the frame sends, not one it receives", kind.name())
            }
            ProtocolError::Malformed { kind, field, expected, found } => {
                write!(f, "'{}' needs `{field}` to be {expected}, not {found}", kind.name())
            }
        }
    }
}

impl std::error::Error for ProtocolError {}

impl<R> Incoming<R> {
    /// Reads a message. `Ok(None)` for a message that is not Cornerstone's
    /// (no `type`, or one without the `cornerstone:` prefix): other scripts
    /// may talk to the frame too. A Cornerstone message that is not one the
    /// frame receives, or whose fields are wrong, is an error that says why.
    pub fn parse<M: Message<Raw = R>>(message: &M) -> Result<Option<Incoming<R>>, ProtocolError> {
        let Field::Text(name) = message.field("type") else { return Ok(None) };
        if !name.starts_with(PREFIX) {
            return Ok(None);
        }
        let kind = Kind::from_name(&name).ok_or(ProtocolError::Unknown(name))?;
        match kind {
            Kind::Check => {
                let text = |field: &'static str, required: bool| match message.field(field) {
                    Field::Text(t) => Ok(t),
                    Field::Absent if !required => Ok(String::new()),
                    Field::Absent => {
                        Err(ProtocolError::Malformed { kind, field, expected: "a string", found: "missing" })
                    }
                    Field::Other(found) => Err(ProtocolError::Malformed { kind, field, expected: "a string", found }),
                };
                Ok(Some(Incoming::Check {
                    id: message.raw("id"),
                    text: text("text", true)?,
                    customer_name: text("customerName", false)?,
                    customer_message: text("customerMessage", false)?,
                }))
            }
            Kind::Ready | Kind::Report | Kind::Select | Kind::Replace | Kind::Error => {
                Err(ProtocolError::WrongWay(kind))
            }
        }
    }
}

/// Where a select acts in the parent page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    /// The reply.
    Reply,
    /// The customer's message (`field: "message"`).
    Message,
}

/// A message the frame sends. `R` is the page's own value type (the
/// echoed id, the report object). `Error`'s message is what stopped the
/// frame's coaching, as its panel says it.
#[derive(Clone, Debug, PartialEq)]
pub enum Outgoing<R> {
    Ready,
    Report { id: R, report: R },
    Select { request_id: u32, start: u32, end: u32, expected: String, place: Place },
    Replace { request_id: u32, start: u32, end: u32, expected: String, text: String },
    Error { message: String },
}

/// One field of a message the frame sends.
#[derive(Clone, Debug, PartialEq)]
pub enum Value<R> {
    Text(String),
    Number(u32),
    Raw(R),
}

impl<R> Outgoing<R> {
    pub fn kind(&self) -> Kind {
        match self {
            Outgoing::Ready => Kind::Ready,
            Outgoing::Report { .. } => Kind::Report,
            Outgoing::Select { .. } => Kind::Select,
            Outgoing::Replace { .. } => Kind::Replace,
            Outgoing::Error { .. } => Kind::Error,
        }
    }

    /// The message's fields, `type` first, in the order they are set.
    pub fn fields(self) -> Vec<(&'static str, Value<R>)> {
        let mut out = vec![("type", Value::Text(self.kind().name().to_string()))];
        let range = |out: &mut Vec<_>, request_id, start, end, expected| {
            out.push(("requestId", Value::Number(request_id)));
            out.push(("start", Value::Number(start)));
            out.push(("end", Value::Number(end)));
            out.push(("expected", Value::Text(expected)));
        };
        match self {
            Outgoing::Ready => {}
            Outgoing::Report { id, report } => {
                out.push(("id", Value::Raw(id)));
                out.push(("report", Value::Raw(report)));
            }
            Outgoing::Select { request_id, start, end, expected, place } => {
                range(&mut out, request_id, start, end, expected);
                if place == Place::Message {
                    out.push(("field", Value::Text("message".into())));
                }
            }
            Outgoing::Replace { request_id, start, end, expected, text } => {
                range(&mut out, request_id, start, end, expected);
                out.push(("text", Value::Text(text)));
            }
            Outgoing::Error { message } => out.push(("message", Value::Text(message))),
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A message as a list of fields; the raw value is the field's text.
    struct Fake(Vec<(&'static str, Field)>);

    impl Message for Fake {
        type Raw = Option<String>;
        fn field(&self, key: &str) -> Field {
            self.0.iter().find(|(k, _)| *k == key).map_or(Field::Absent, |(_, v)| v.clone())
        }
        fn raw(&self, key: &str) -> Option<String> {
            match self.field(key) {
                Field::Text(t) => Some(t),
                _ => None,
            }
        }
    }

    fn text(s: &str) -> Field {
        Field::Text(s.into())
    }

    #[test]
    fn reads_a_check_with_and_without_its_optional_fields() {
        let full = Fake(vec![
            ("type", text("cornerstone:check")),
            ("id", text("7")),
            ("text", text("Hi Pryia")),
            ("customerName", text("Priya Raman")),
            ("customerMessage", text("Where is it?")),
        ]);
        assert_eq!(
            Incoming::parse(&full),
            Ok(Some(Incoming::Check {
                id: Some("7".into()),
                text: "Hi Pryia".into(),
                customer_name: "Priya Raman".into(),
                customer_message: "Where is it?".into(),
            }))
        );
        let bare = Fake(vec![("type", text("cornerstone:check")), ("text", text(""))]);
        assert_eq!(
            Incoming::parse(&bare),
            Ok(Some(Incoming::Check {
                id: None,
                text: String::new(),
                customer_name: String::new(),
                customer_message: String::new()
            }))
        );
    }

    #[test]
    fn ignores_messages_that_are_not_cornerstones() {
        assert_eq!(Incoming::parse(&Fake(vec![])), Ok(None));
        assert_eq!(Incoming::parse(&Fake(vec![("type", text("webpackOk"))])), Ok(None));
        assert_eq!(Incoming::parse(&Fake(vec![("type", Field::Other("number"))])), Ok(None));
    }

    #[test]
    fn says_what_is_wrong_with_a_cornerstone_message() {
        let err = |fields| Incoming::parse(&Fake(fields)).unwrap_err().to_string();
        assert_eq!(
            err(vec![("type", text("cornerstone:chek"))]),
            "unknown message type 'cornerstone:chek' (the frame understands cornerstone:check)"
        );
        assert_eq!(
            err(vec![("type", text("cornerstone:report"))]),
            "'cornerstone:report' is a message the frame sends, not one it receives"
        );
        assert_eq!(
            err(vec![("type", text("cornerstone:check"))]),
            "'cornerstone:check' needs `text` to be a string, not missing"
        );
        assert_eq!(
            err(vec![
                ("type", text("cornerstone:check")),
                ("text", text("Hi")),
                ("customerName", Field::Other("number"))
            ]),
            "'cornerstone:check' needs `customerName` to be a string, not number"
        );
    }

    #[test]
    fn builds_each_outgoing_message_with_its_fields() {
        let names = |m: Outgoing<()>| m.fields().into_iter().map(|(k, _)| k).collect::<Vec<_>>();
        assert_eq!(names(Outgoing::Ready), ["type"]);
        assert_eq!(names(Outgoing::Report { id: (), report: () }), ["type", "id", "report"]);
        assert_eq!(
            names(Outgoing::Error { message: "The coach could not load its engine".into() }),
            ["type", "message"]
        );
        let select =
            Outgoing::<()>::Select { request_id: 3, start: 23, end: 44, expected: "why".into(), place: Place::Message };
        assert_eq!(
            select.fields(),
            [
                ("type", Value::Text("cornerstone:select".into())),
                ("requestId", Value::Number(3)),
                ("start", Value::Number(23)),
                ("end", Value::Number(44)),
                ("expected", Value::Text("why".into())),
                ("field", Value::Text("message".into())),
            ]
        );
        let replace =
            Outgoing::<()>::Replace { request_id: 1, start: 3, end: 8, expected: "Pryia".into(), text: "Priya".into() };
        assert_eq!(names(replace), ["type", "requestId", "start", "end", "expected", "text"]);
    }

    #[test]
    fn the_javascript_table_lists_every_kind_once() {
        assert_eq!(
            Kind::js_table(),
            r#"{ "check": "cornerstone:check", "ready": "cornerstone:ready", "report": "cornerstone:report", "select": "cornerstone:select", "replace": "cornerstone:replace", "error": "cornerstone:error" }"#
        );
        for kind in Kind::ALL {
            assert_eq!(Kind::from_name(kind.name()), Some(kind));
            assert!(kind.name().starts_with(PREFIX));
        }
    }
}
