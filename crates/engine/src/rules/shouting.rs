//! `shouting`: runs of capitals and stacked exclamation marks.

use crate::context::Context;
use crate::cue::Cue;
use crate::document::{flag, gap, Document};
use crate::finding::Finding;
use crate::span::Span;

/// Capitalised words that are abbreviations, not shouting.
const ACRONYMS: &[&str] = &[
    "id", "pin", "faq", "faqs", "url", "usb", "pdf", "ok", "tv", "pc", "uk", "us", "usa", "eu", "api", "it", "hr",
    "ceo", "eod", "eta", "am", "pm", "gmt", "utc", "est", "edt", "pst", "pdt", "cet", "bst", "vpn", "sms", "ssl",
    "dns", "ip", "csv", "html", "css", "js", "sim", "imei", "ups", "dhl", "usps", "fedex", "vat", "gst", "iban", "bic",
    "sku", "rma", "qr", "dvd", "hd", "gb", "mb", "kb", "tb", "wifi", "lte", "atm", "cvv", "otp", "mfa", "sso", "irs",
    "nhs", "llc", "inc", "ltd", "fyi", "aka", "asap", "dm", "dms", "pm", "ios", "os", "app", "cpu", "gpu", "ram",
    "ssd", "hdd", "nfc", "gps", "crm", "sla", "kyc", "aml", "eur", "usd", "gbp", "cad", "aud", "inr", "jpy", "ach",
    "sepa", "swift", "po", "tos", "gdpr", "ccpa", "ssn", "dob", "xl", "xxl", "pos", "ev", "ac", "dc", "nyc", "la",
    "sf", "ny", "ca", "tx", "uk's", "eu's", "hq", "r&d", "b2b", "saas", "ai", "ml", "2fa", "cc", "bcc", "re", "fw",
    "fwd", "ps", "ceo's", "ui", "ux", "cd", "mp3", "mp4", "jpg", "png", "zip", "xxx", "n/a", "ref", "no", "i", "a",
];
/// The keys of [`ACRONYMS`]: a word in capitals whose bit is clear is
/// none, told by one test where the list, compared a word at a time, is a
/// branch on each listed word's length, which goes either way with the
/// word read.
const ACRONYM_KEYS: crate::hash::KeyBloom = crate::hash::KeyBloom::of(&[ACRONYMS]);

/// Names a rewrite in normal case spells as their owners do ("GMAIL" is
/// "Gmail", not "gmail"); none that is also an everyday word ("CLOSE ALL
/// THE WINDOWS" is windows, the reviewer found).
const BRANDS: &[&str] = &[
    "Gmail",
    "Google",
    "Hotmail",
    "iPhone",
    "iPad",
    "iCloud",
    "Android",
    "PayPal",
    "Facebook",
    "Instagram",
    "WhatsApp",
    "Microsoft",
    "YouTube",
    "Netflix",
    "Spotify",
    "LinkedIn",
];

/// Single capitalised words that carry emphasis: shouting even alone.
const EMPHATIC: &[&str] = &[
    "not",
    "never",
    "always",
    "must",
    "now",
    "please",
    "again",
    "already",
    "stop",
    "do",
    "don't",
    "dont",
    "cannot",
    "can't",
    "won't",
    "read",
    "only",
    "urgent",
    "immediately",
    "every",
    "any",
    "all",
    "clearly",
    "twice",
    "absolutely",
    "nothing",
    "no",
    "you",
    "your",
    "final",
    "last",
    "warning",
    "important",
];

pub(crate) fn check(doc: &Document, ctx: &Context, out: &mut Vec<Finding>) {
    let text = doc.text;
    // The customer's name, folded once when a rewrite first asks.
    let name_words = NameWords { name: ctx.customer_name.as_deref(), folded: std::cell::OnceCell::new() };
    // Codes, handles and agent initials ("CORONAVIRUS_TA", "*SR", "^QA")
    // are glued to symbols; shouting is words.
    let glued = |i: usize| {
        let span = doc.tokens[i].span;
        let before = text[..span.start()].chars().next_back();
        let after = text[span.end()..].chars().next();
        [before, after].into_iter().flatten().any(|c| matches!(c, '_' | '*' | '^' | '#' | '@' | '/' | '\\' | '=' | '+'))
            || before.is_some_and(|c| c.is_ascii_digit())
            || after.is_some_and(|c| c.is_ascii_digit())
    };
    // Words in quotation marks are quoted, not raised: an error message
    // ("INVALID SESSION TOKEN").
    let quoted = |i: usize| crate::document::contained_sorted(&doc.inline_quotes, doc.tokens[i].span);
    let loud = |i: usize| {
        let t = &doc.tokens[i];
        let w = doc.fold(i);
        t.is_agent()
            && !quoted(i)
            && t.is(flag::ALL_CAPS)
            && t.is(flag::ALPHA)
            && !(ACRONYM_KEYS.may_hold(t.key) && crate::words::among(ACRONYMS, w))
            && !w.bytes().all(|b| b == b'x')
            && !glued(i)
            && (w.chars().count() >= 3 || crate::words::among(EMPHATIC, w))
    };
    let n = doc.tokens.len();
    // Where the next run may start: past the last one read.
    let mut from = 0;
    // Both need capitals: most words are passed over by that test alone
    // (told 64 words at a time, see `rules::picked`).
    for i in crate::rules::picked(&doc.tokens, |t| t.is(flag::ALL_CAPS), |_| true) {
        if i < from {
            continue;
        }
        if !(loud(i) || doc.fold(i) == "i") {
            from = i + 1;
            continue;
        }
        let mut j = i;
        let mut loud_words = 0;
        let mut letters = 0;
        while j < n
            && doc.tokens[j].sentence == doc.tokens[i].sentence
            && doc.tokens[j].is_agent()
            && (doc.tokens[j].is(flag::ALL_CAPS) || doc.fold(j) == "i" || (doc.tokens[j].is(flag::NUMBER)))
        {
            if loud(j) {
                loud_words += 1;
                letters += doc.fold(j).chars().count();
            }
            j += 1;
        }
        // One capitalised everyday word in a sentence otherwise in normal
        // case stresses it: "the order WAS dispatched", "It is VERY
        // important", "a FULL 30 seconds". (A brand or code is no common
        // word; a sentence all in capitals is read as a run.)
        let single_emphatic = loud_words == 1
            && (i..j).any(|k| {
                loud(k)
                    && (crate::words::among(EMPHATIC, doc.fold(k))
                        || (crate::words::is_common(doc.fold(k))
                            && !crate::words::is_name_word(doc.fold(k))
                            // "the WHO website", "our SAVE button": a name.
                            && !(k > 0
                                && matches!(
                                    doc.fold(k - 1),
                                    "the" | "our" | "your" | "my" | "their" | "its" | "this" | "that"
                                ))))
            });
        // A brand or a product named after "choosing", "with", "at" ...:
        // two or three capitalised words, none an everyday word ("thank
        // you for choosing SKYLINE AIRWAYS", "the ASUS ZENBOOK"), not
        // "STOP CALLING US" or "is ABSOLUTELY RIDICULOUS".
        let brand = (2..=3).contains(&(j - i))
            && i > 0
            && doc.tokens[i - 1].sentence == doc.tokens[i].sentence
            && matches!(
                doc.fold(i - 1),
                "choosing"
                    | "choose"
                    | "chose"
                    | "using"
                    | "with"
                    | "at"
                    | "from"
                    | "by"
                    | "on"
                    | "visit"
                    | "visiting"
                    | "the"
                    | "our"
                    | "your"
                    | "of"
                    | "via"
                    | "to"
                    | "into"
                    | "flying"
                    | "booking"
            )
            && (i..j).all(|k| loud(k) && !crate::words::is_common(doc.fold(k)));
        // Two short emphatic words are as loud as a longer run: "DO NOT
        // restart the device" (the ninth QA pass).
        let emphatic_run =
            loud_words >= 2 && (i..j).filter(|&k| loud(k)).all(|k| crate::words::among(EMPHATIC, doc.fold(k)));
        if ((loud_words >= 2 && (letters >= 6 || emphatic_run)) || single_emphatic)
            && !instruction(doc, i, j)
            && !brand
            && !cited(doc, i, j)
        {
            // Trim a stray "I", number or acronym at either end; short
            // words inside the run are part of it ("AS I SAID", "CALLING US").
            let part = |k: usize| {
                let w = doc.fold(k);
                loud(k)
                    || (doc.tokens[k].is(flag::ALPHA)
                        && !doc.tokens[k].is(flag::NUMBER)
                        && w != "i"
                        && (!crate::words::among(ACRONYMS, w) || crate::words::is_common(w)))
            };
            // Short capitals just before the run open it ("AS I SAID").
            let mut i = i;
            while i > 0
                && doc.tokens[i - 1].sentence == doc.tokens[i].sentence
                && (doc.tokens[i - 1].is(flag::ALL_CAPS) && part(i - 1) || doc.fold(i - 1) == "i")
                && doc.tokens[i - 1].is_agent()
                && !quoted(i - 1)
                && !glued(i - 1)
            {
                i -= 1;
            }
            let first = (i..j).find(|&k| part(k)).unwrap_or(i);
            let last = (i..j).rev().find(|&k| part(k)).unwrap_or(j - 1);
            let span = doc.tokens[first].span.cover(doc.tokens[last].span);
            // Normal case, not lower case: "I" stays a capital, a sentence
            // starts with one, and acronyms ("UPS", "IMEI") keep theirs.
            let mut better = String::with_capacity(span.len());
            let mut at = span.start();
            for k in first..=last {
                let t = doc.tokens[k].span;
                better.push_str(&doc.text[at..t.start()]);
                let word = &doc.text[t];
                let w = doc.fold(k);
                if w == "i" || w.starts_with("i'") {
                    let mut chars = word.chars();
                    chars.next();
                    better.push('I');
                    better.push_str(&chars.as_str().to_lowercase());
                } else if let Some(brand) = BRANDS.iter().find(|b| b.eq_ignore_ascii_case(w)) {
                    better.push_str(brand);
                } else if !loud(k)
                    && (glued(k) || (crate::words::among(ACRONYMS, w) && !crate::words::is_common(w) && w != "app"))
                {
                    better.push_str(word);
                } else if doc.tokens[k].is(flag::SENT_START) || proper(doc, &name_words, k) {
                    let mut chars = word.chars();
                    better.extend(chars.next());
                    better.push_str(&chars.as_str().to_lowercase());
                } else {
                    better.push_str(&word.to_lowercase());
                }
                at = t.end();
            }
            out.push(Finding::new(Cue::Shouting, Some(span)).with_suggestions([better]));
        }
        from = j.max(i + 1);
    }
    for &run in &doc.exclamation_runs {
        if crate::document::contained_sorted(&doc.quoted, run) {
            continue;
        }
        let better = if doc.text[run].contains('!') && !doc.text[run].contains('?') { "!" } else { "?" };
        let finding = Finding::new(Cue::Shouting, Some(Span::new(run.start(), run.end())))
            .with_message("Stacked exclamation or question marks read as shouting or exasperation. One is plenty.");
        // Marks opening the draft ("!!!!!! Hi Sam") follow no words: one
        // mark there would still open it, so no rewrite is offered.
        let opens = doc.tokens.first().is_none_or(|t| t.span.start() >= run.end());
        out.push(if opens { finding } else { finding.with_suggestions([better]) });
    }
}

/// Whether the capitals of tokens `i..j` are words cited as they are
/// written elsewhere, not raised: in single quotation marks ("the payment
/// to 'TFL TRAVEL CH'", as British style quotes; double ones are quoted
/// text already) or named as what something shows ("it appears as AMZN
/// MKTP UK on your statement"; the tenth QA pass).
fn cited(doc: &Document, i: usize, j: usize) -> bool {
    let text = doc.text;
    let (start, end) = (doc.tokens[i].span.start(), doc.tokens[j - 1].span.end());
    let mut before = text[..start].chars().rev();
    let opens = matches!(before.next(), Some('\'' | '‘'))
        && before.next().is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '[' | ':'));
    let mut after = text[end..].chars();
    let closes = matches!(after.next(), Some('\'' | '’')) && after.next().is_none_or(|c| !c.is_alphanumeric());
    let shown = i > 1
        && doc.tokens[i - 1].sentence == doc.tokens[i].sentence
        && doc.fold(i - 1) == "as"
        && matches!(
            doc.fold(i - 2),
            "appears"
                | "appear"
                | "appeared"
                | "shows"
                | "show"
                | "showed"
                | "shown"
                | "listed"
                | "labelled"
                | "labeled"
        );
    (opens && closes) || shown
}

/// Whether the capitals of tokens `i..j` are what the customer must type or
/// find, not raised words: a keyword to send ("type YES to confirm, or
/// STOP to unsubscribe") or a step of a menu path ("Settings > Privacy >
/// ALLOW TRACKING").
fn instruction(doc: &Document, i: usize, j: usize) -> bool {
    // A menu step may open with a capital "I" the run leaves out ("Logging
    // in > I STILL NEED HELP").
    let mut from = i;
    while from > 0 && doc.tokens[from - 1].sentence == doc.tokens[i].sentence && doc.fold(from - 1) == "i" {
        from -= 1;
    }
    if path_step_between(doc, from) || path_step_between(doc, j) {
        return true;
    }
    // Text the customer sees, named as such: "the message ACCESS DENIED
    // appears", "the button says SAVE CHANGES"; or a card statement's
    // merchant after its code and star ("TST* BLUE DOOR CAFE").
    if from > 0
        && doc.tokens[from - 1].sentence == doc.tokens[from].sentence
        && !doc.tokens[from - 1].gap_has(gap::CLAUSE)
    {
        let shown = matches!(
            doc.fold(from - 1),
            "message"
                | "error"
                | "status"
                | "says"
                | "reads"
                | "shows"
                | "displays"
                | "labelled"
                | "labeled"
                | "called"
                | "named"
                | "titled"
                | "option"
                | "button"
                | "banner"
                | "prompt"
                | "notice"
        );
        let merchant = doc.text[doc.tokens[from - 1].span.end()..doc.tokens[from].span.start()].contains('*');
        if shown || merchant {
            return true;
        }
    }
    let prev = if i > 0 && doc.tokens[i - 1].sentence == doc.tokens[i].sentence { doc.fold(i - 1) } else { "" };
    let next = if j < doc.tokens.len() && doc.tokens[j].sentence == doc.tokens[i].sentence { doc.fold(j) } else { "" };
    // A button's label as the screen shows it: "tap CONTINUE TO PAYMENT".
    let button = j <= i + 4 && matches!(prev, "tap" | "click" | "press" | "select" | "hit" | "toggle");
    button
        || j == i + 1
            && (matches!(
                prev,
                "type"
                    | "text"
                    | "reply"
                    | "enter"
                    | "send"
                    | "press"
                    | "say"
                    | "key"
                    | "write"
                    | "tap"
                    | "click"
                    | "select"
                    | "choose"
                    | "hit"
                    | "pick"
                    | "toggle"
            ) || (next == "to" && matches!(prev, "or" | "and")))
}

/// Whether a menu path's separator stands between tokens `k - 1` and `k`:
/// `>`, `→` or `»`, or `>` escaped as HTML (`&gt;`, as text copied from a
/// web page or a feed holds it: the "gt" is then a token of its own).
fn path_step_between(doc: &Document, k: usize) -> bool {
    let gap = |a: usize, b: usize| &doc.text[doc.tokens[a].span.end()..doc.tokens[b].span.start()];
    if k == 0 || k >= doc.tokens.len() {
        return false;
    }
    if gap(k - 1, k).contains(['>', '→', '»']) {
        return true;
    }
    let entity = |g: usize| {
        g > 0
            && g < doc.tokens.len() - 1
            && doc.word(g) == "gt"
            && gap(g - 1, g).ends_with('&')
            && gap(g, g + 1).starts_with(';')
    };
    entity(k - 1) || entity(k)
}

/// Whether the shouted word at token `k` is a name that keeps its capital
/// in normal case: a weekday, a month (not "may"), the greeting's
/// addressee or a part of the customer's name ("DEAR CALLUM, PLEASE CALL
/// US ON MONDAY" reads "Dear Callum, please call us on Monday").
fn proper(doc: &Document, name: &NameWords, k: usize) -> bool {
    let w = doc.fold(k);
    crate::words::among(crate::words::WEEKDAYS, w)
        || (w != "may" && crate::words::among(crate::words::FULL_MONTHS, w))
        || (doc.greeting.as_ref().is_some_and(|g| g.addressee.len() <= 2 && g.addressee.contains(&k))
            && !crate::words::is_common(w))
        || (!crate::words::is_common(w) && name.folded().iter().any(|part| part == w))
}

/// The words of the customer's name, folded on first use.
struct NameWords<'c> {
    name: Option<&'c str>,
    folded: std::cell::OnceCell<Vec<String>>,
}

impl NameWords<'_> {
    fn folded(&self) -> &[String] {
        self.folded
            .get_or_init(|| self.name.map_or_else(Vec::new, |n| n.split_whitespace().map(crate::fold::fold).collect()))
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;
    use crate::Cue;

    #[test]
    fn flags_runs_of_capitals_and_emphatic_words() {
        assert_flags(Cue::Shouting, "Please ⟦DO NOT RESTART⟧ the router.");
        assert_flags(Cue::Shouting, "I have ⟦ALREADY⟧ sent it.");
        assert_flags(Cue::Shouting, "Stop that⟦!!!⟧");
        // Before the first word too (the seventh QA pass), with no rewrite
        // there: a single mark would still open the draft.
        assert_flags(Cue::Shouting, "⟦!!!!!!!!!!⟧ Hi Sam, your order has shipped.");
        assert_flags(Cue::Shouting, "⟦?!?!⟧ Hi Sam, your order has shipped.");
        assert_clean(Cue::Shouting, "!Hi Sam, your order has shipped.");
        let report = crate::analyze("!!!!!! Hi Sam, your order has shipped!!", &crate::Context::default());
        let rewrites: Vec<Vec<String>> = report
            .findings
            .iter()
            .filter(|f| f.cue == Cue::Shouting)
            .map(|f| f.suggestions.iter().map(|s| s.to_string()).collect())
            .collect();
        assert_eq!(rewrites, [vec![], vec!["!".to_string()]]);
    }

    #[test]
    fn one_capitalised_everyday_word_is_stressed() {
        assert_flags(Cue::Shouting, "As I said in my last three emails, the order ⟦WAS⟧ dispatched on Monday.");
        assert_flags(Cue::Shouting, "It is ⟦VERY⟧ important that you back up your photos first.");
        assert_flags(Cue::Shouting, "Hold the power button for a ⟦FULL⟧ 30 seconds, not just tap it.");
        // Buttons and keywords to find or type, brands and codes.
        assert_clean(Cue::Shouting, "Tap DONE when the upload has finished.");
        assert_clean(Cue::Shouting, "Beyond that, we'd recommend visiting the WHO website for more info.");
        assert_clean(Cue::Shouting, "Your IMEI and SIM number are on the box, and 5G should come back after.");
    }

    #[test]
    fn a_brand_in_capitals_is_no_shouting() {
        // Found by the fifth QA pass.
        assert_clean(Cue::Shouting, "Hi Grace, thank you for choosing SKYLINE AIRWAYS. Your seat is confirmed.");
        assert_clean(Cue::Shouting, "The battery on the ASUS ZENBOOK is covered for two years.");
        assert_flags(Cue::Shouting, "Please ⟦STOP CALLING US⟧ about this.");
        assert_flags(Cue::Shouting, "This is ⟦ABSOLUTELY RIDICULOUS⟧.");
    }

    #[test]
    fn a_rewrite_spells_brands_and_app_as_usual() {
        // Session 24's QA pass: "NHS APP" and "GMAIL" in the rewrite.
        assert_suggests(
            Cue::Shouting,
            None,
            "Hi Dana, ⟦PLEASE OPEN THE NHS APP AND LOG IN WITH YOUR GMAIL ADDRESS⟧.",
            "please open the NHS app and log in with your Gmail address",
        );
    }

    #[test]
    fn a_rewrite_keeps_everyday_words_everyday() {
        assert_suggests(
            Cue::Shouting,
            None,
            "Hi Dana, ⟦PLEASE CLOSE ALL THE WINDOWS DURING THE TREATMENT⟧.",
            "please close all the windows during the treatment",
        );
    }

    #[test]
    fn two_short_emphatic_words_are_shouting() {
        assert_flags(Cue::Shouting, "Hi Emma, ⟦DO NOT⟧ restart the device during the update.");
        assert_flags(Cue::Shouting, "Hi Emma, please ⟦DO NOT⟧ restart the device while the update is installing.");
        assert_clean(Cue::Shouting, "Hi Emma, the TV is on the EU plan.");
    }

    #[test]
    fn allows_acronyms_and_a_single_exclamation() {
        assert_clean(Cue::Shouting, "Your PIN and the FAQ link are in the SMS. Thanks!");
        assert_clean(Cue::Shouting, "Send the IMEI via DM, ETA is 5 PM EST.");
        assert_clean(Cue::Shouting, "Hi [NAME], card XXXX-XXXX-4421.");
    }

    #[test]
    fn suggests_normal_case() {
        assert_suggests(Cue::Shouting, None, "You ⟦MUST READ⟧ it.", "must read");
        // "I" and a sentence's first capital stay; acronyms keep theirs.
        assert_suggests(Cue::Shouting, None, "Hi Priya. ⟦I'M SO SORRY ABOUT THIS⟧.", "I'm so sorry about this");
        assert_suggests(Cue::Shouting, None, "Hi Priya. ⟦PLEASE DO NOT REPLY⟧ to this.", "Please do not reply");
        // Names keep their capital (QA pass 7).
        assert_suggests(
            Cue::Shouting,
            Some("Callum Reid"),
            "⟦DEAR CALLUM, PLEASE CALL US ON MONDAY⟧.",
            "Dear Callum, please call us on Monday",
        );
        assert_suggests(Cue::Shouting, None, "Hi. ⟦YOU MAY CALL US IN JUNE⟧.", "You may call us in June");
        assert_suggests(
            Cue::Shouting,
            Some("Will Brown"),
            "⟦WE WILL CALL YOU ON MONDAY⟧.",
            "We will call you on Monday",
        );
        assert_suggests(Cue::Shouting, None, "⟦DEAR CALLUM, PLEASE CALL US⟧.", "Dear Callum, please call us");
        assert_suggests(Cue::Shouting, None, "⟦HEY EVERYBODY ITS TAGGED AS⟧ done.", "Hey everybody its tagged as");
        assert_suggests(Cue::Shouting, None, "Hi, I ⟦NEED YOUR UPS TRACKING⟧ ID today.", "need your UPS tracking");
    }

    #[test]
    fn words_cited_as_written_are_not_raised() {
        // The tenth QA pass: a bank statement's descriptor, quoted British
        // style or named as what the statement shows.
        assert_clean(Cue::Shouting, "The £62.40 payment to 'TFL TRAVEL CH' has been raised as a dispute.");
        assert_clean(Cue::Shouting, "It appears as AMZN MKTP UK on your statement.");
        assert_clean(Cue::Shouting, "Look for ‘PAYPAL NETFLIX’ on your statement.");
        // Raised words beside single quotes are still raised.
        assert_flags(Cue::Shouting, "You were told we ⟦DO NOT⟧ refund 'opened' items.");
        assert_flags(Cue::Shouting, "As I said, ⟦THIS IS NOT OUR FAULT⟧.");
    }

    #[test]
    fn quoted_words_keywords_and_menu_paths_are_not_raised() {
        assert_clean(Cue::Shouting, "The error says \"INVALID SESSION TOKEN\", which means your login expired.");
        assert_clean(Cue::Shouting, "Type YES to confirm, or STOP to unsubscribe.");
        assert_clean(Cue::Shouting, "It's under Settings > Privacy > ALLOW TRACKING.");
        // A step that opens with "I", and a path escaped as HTML, as a
        // real reply copied from the web held it.
        assert_clean(Cue::Shouting, "Go to the contact form > Logging in > I STILL NEED HELP. We hope this helps.");
        assert_clean(
            Cue::Shouting,
            "Get in touch with us &gt; contact form &gt; Logging in &gt; I STILL NEED HELP. We hope this helps.",
        );
        assert_clean(Cue::Shouting, "Open Settings » DATA SAVER and switch it off.");
        // Text on screen or on a statement, named as such.
        assert_clean(
            Cue::Shouting,
            "Hi Eva, the message ACCESS DENIED appears because your account is still set to read-only.",
        );
        assert_clean(Cue::Shouting, "UBER *TRIP on 2 May is a ride, and TST* BLUE DOOR CAFE is a café payment.");
        assert_flags(Cue::Shouting, "The message is clear: ⟦DO NOT CALL US AGAIN⟧.");
        assert_flags(Cue::Shouting, "Hi Sam, you got the message, ⟦DO NOT CALL US AGAIN⟧.");
        assert_flags(Cue::Shouting, "Please ⟦STOP⟧ calling us.");
    }

    #[test]
    fn short_words_inside_a_run_are_part_of_it() {
        assert_suggests(Cue::Shouting, None, "Hi. The refund is sent, ⟦AS I SAID BEFORE⟧, today.", "as I said before");
        assert_suggests(
            Cue::Shouting,
            None,
            "Hi. ⟦YOU NEED TO RESTART THE ROUTER BEFORE CALLING US⟧.",
            "You need to restart the router before calling us",
        );
    }

    #[test]
    fn allows_codes_and_agent_initials() {
        assert_clean(Cue::Shouting, "Thanks for reaching out about GTAV. Let us know! *SR");
        assert_clean(Cue::Shouting, "Use the code CORONAVIRUS_TA or MGPO_TMO at checkout ^QA");
    }

    #[test]
    fn a_button_label_as_the_screen_shows_it_is_no_shouting() {
        assert_clean(Cue::Shouting, "Hi Priya, tap CONTINUE TO PAYMENT at the bottom of the screen.");
        assert_flags(Cue::Shouting, "Hi Priya, ⟦WE CANNOT HELP⟧ with that.");
    }
}
