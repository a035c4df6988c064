//! The incremental analysis (an agent typing in a long draft) always gives
//! the report a full analysis of the same text gives, whatever the edits.

use cornerstone_engine::{analyze_with, Context, Cue, Incremental, RulePack};
use proptest::prelude::*;

/// Sentences that fire sarcasm mechanisms and other cues, and plain ones,
/// so that edits join, split and change sentences that matter.
const PIECES: &[&str] = &[
    "Hi Priya,\n\n",
    "As I already explained, the refund takes five days. ",
    "Thanks so much for the fourth email today. ",
    "Wow, what a surprise that the link worked once you clicked it! ",
    "I'm so sorry we charged you twice; that's on us. ",
    "Sorry if you feel that way, but the policy is clear. ",
    "You need to send the receipt ASAP!! ",
    "We'll look into it soon. ",
    "Again, the label is attached. Again. ",
    "> On Monday you wrote: this is useless\n",
    "On Mon, 3 Feb 2025, Jo <jo@example.com> wrote:\n> why is this so slow?\n",
    "Please reply with your order number and we'll follow up by Friday. ",
    "Thanks for your patience, Priya!\n",
    "I'll explain it slowly: click \"Save\". ",
    "Kind regards,\nSam\n",
    "NO. ",
    "😀 Good luck with that. ",
    "\n",
    // A reading that depends on the next sentence: thanks, then a barb.
    "Thanks for the feedback. ",
    "Very constructive. ",
    "Thank you for waiting. ",
    "It's only been two weeks. ",
    "@sam ",
    // A reading that depends on the words before its sentence: a wish
    // after carrying out the customer's own choice.
    "Downgraded as requested. ",
    "Enjoy the 2GB limit. ",
    // Name mentions: a vocative, a near miss, an apposition, a greeting.
    "Thanks for waiting, Morgan. ",
    "Pryia, ",
    "My colleague, John, will call. ",
    "Dear Priya Raman,\n",
    // Thanks: a typo, a sign-off, a bare closing thanks after a link.
    "Thnaks for your patience. ",
    "\nThanks,\nSam\n",
    "See https://example.com/help Thanks! ",
    // Session 32's readings: an aside in parentheses (cut by an edit's
    // line break or not), a starred act, a word alone, a reading of the
    // next sentence.
    "It went to Dr. Hughes (sent, you'll recall, the day after you ran out). ",
    "*deep breath* ",
    "Noted. Anyway. ",
    "Congratulations, you're the first person to try to renew it. Unfortunately it can't be done. ",
];

/// Customers' messages a draft answers: questions, a feeling, earlier
/// contact, an order number given, a name to find.
const MESSAGES: &[&str] = &[
    "Hi, I'm Priya. When will my refund arrive? I've emailed three times already and I'm really upset!",
    "My order #A-55321 never came. Can you send a replacement, or do I need to return something first?",
    "Why was I charged twice?? This is the second time I've had to write about it.\n\nThanks, Sam",
];

fn draft() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..14).prop_map(|v| v.concat())
}

/// A draft of some thousand bytes or more, in several chunks of lines (the
/// incremental parse reuses a chunk's words when an edit leaves its lines
/// alone); a number starts some lines, so that lines differ.
fn long_draft() -> impl Strategy<Value = String> {
    prop::collection::vec((prop::sample::select(PIECES), 0u32..40), 20..160).prop_map(|v| {
        v.into_iter()
            .map(|(piece, n)| if piece == "\n" && n % 3 == 0 { format!("\n{n} ") } else { piece.to_string() })
            .collect()
    })
}

/// An edit: at a fraction of the text, delete some chars and insert a piece
/// or a few letters.
fn edit() -> impl Strategy<Value = (f64, usize, String)> {
    (
        0.0..=1.0f64,
        0usize..40,
        prop_oneof![prop::sample::select(PIECES).prop_map(str::to_string), "[a-zA-Z ,.!?'\n]{0,6}",],
    )
}

fn apply(text: &str, (at, delete, insert): &(f64, usize, String)) -> String {
    let chars: Vec<char> = text.chars().collect();
    let at = ((chars.len() as f64) * at) as usize;
    let end = (at + delete).min(chars.len());
    let mut out: String = chars[..at].iter().collect();
    out.push_str(insert);
    out.extend(&chars[end..]);
    out
}

fn pack() -> RulePack {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/cornerstone.rules.json");
    RulePack::from_json(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// Analyses `start`, then each edit of it, incrementally and in full, with
/// or without a customer name and a rule pack: the reports must be equal.
/// Two analysers follow the edits: the app's (a short draft analysed whole,
/// with its sarcasm readings kept) and one that reads every draft through
/// the chunks' memos, however short.
fn edit_and_compare(
    start: String,
    edits: &[(f64, usize, String)],
    named: bool,
    with_pack: bool,
    message: Option<usize>,
) -> Result<(), TestCaseError> {
    // The customer's message, if any: one of a few, changed or removed by
    // some edits and kept by the others. (Without one, a message quoted
    // below the reply is read: see the quoted pieces.)
    let context = |m: Option<usize>| {
        let ctx = if named { Context::with_customer_name("Priya Raman") } else { Context::default() };
        match m {
            Some(m) => ctx.and_customer_message(MESSAGES[m % MESSAGES.len()]),
            None => ctx,
        }
    };
    let mut message = message;
    let ctx = context(message);
    let pack = with_pack.then(pack);
    let mut engines = [Incremental::new(), Incremental::chunking_all()];
    let mut text = start;
    let full = analyze_with(&text, &ctx, pack.as_ref());
    for engine in &mut engines {
        prop_assert_eq!(engine.analyze(&text, &ctx, pack.as_ref()), full.clone());
    }
    for e in edits {
        text = apply(&text, e);
        // Some edits come with the customer's next message, or none (and
        // the one after brings the first back).
        if e.1 % 5 == 0 {
            message = match message {
                Some(m) if m + 1 == MESSAGES.len() => None,
                Some(m) => Some(m + 1),
                None => Some(0),
            };
        }
        let ctx = context(message);
        let full = analyze_with(&text, &ctx, pack.as_ref());
        for engine in &mut engines {
            prop_assert_eq!(engine.analyze(&text, &ctx, pack.as_ref()), full.clone(), "after an edit, text {:?}", text);
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn every_edit_gives_the_full_analysis(
        start in draft(),
        edits in prop::collection::vec(edit(), 1..8),
        named in any::<bool>(),
        with_pack in any::<bool>(),
        message in prop::option::of(0usize..3),
    ) {
        edit_and_compare(start, &edits, named, with_pack, message)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 150, ..ProptestConfig::default() })]

    #[test]
    fn every_edit_of_a_long_draft_gives_the_full_analysis(
        start in long_draft(),
        edits in prop::collection::vec(edit(), 1..6),
        named in any::<bool>(),
        with_pack in any::<bool>(),
        message in prop::option::of(0usize..3),
    ) {
        edit_and_compare(start, &edits, named, with_pack, message)?;
    }
}

#[test]
fn an_edit_in_one_paragraph_re_reads_only_the_sentences_it_touched() {
    let paragraph = "As I already explained, the refund takes five days. Thanks so much for the fourth email today. \
                     Please reply with your order number and we'll follow up by Friday.\n\n";
    let text = paragraph.repeat(200);
    let ctx = Context::with_customer_name("Priya Raman");
    let mut engine = Incremental::new();
    let first = engine.analyze(&text, &ctx, None);
    let (_, made, kept) = engine.stats();
    assert_eq!(first, analyze_with(&text, &ctx, None));
    // Identical paragraphs share readings: three sentences, the last one
    // seeing a different next sentence in the last paragraph.
    assert!(made <= 6 && kept <= 6, "made {made}, kept {kept}");

    // Type a word into the 100th paragraph's second sentence.
    let at = paragraph.len() * 99 + paragraph.find("the fourth").unwrap();
    let edited = format!("{}really {}", &text[..at], &text[at..]);
    let report = engine.analyze(&edited, &ctx, None);
    assert_eq!(report, analyze_with(&edited, &ctx, None));
    let (_, made_after, _) = engine.stats();
    // The edited sentence and the one before it (which sees it as its next).
    assert_eq!(made_after - made, 2);
}

#[test]
fn a_short_draft_is_analysed_whole_and_a_long_one_in_chunks() {
    // A reply of a few sentences: its chunks' work would cost more to keep
    // and find than to redo, so none is kept.
    let ctx = Context::with_customer_name("Priya Raman");
    let reply = "Hi Priya,\n\nAs I already explained, the refund takes five days. \
                 Please reply with your order number and we'll follow up by Friday.\n\nKind regards,\nSam\n";
    assert!(reply.len() < cornerstone_engine::CHUNKED_MIN);
    let mut engine = Incremental::new();
    assert_eq!(engine.analyze(reply, &ctx, None), analyze_with(reply, &ctx, None));
    let edited = reply.replace("five", "three");
    assert_eq!(engine.analyze(&edited, &ctx, None), analyze_with(&edited, &ctx, None));
    assert_eq!(engine.parse_stats(), (0, 0, 0), "no chunk parsed or kept");
    assert_eq!(engine.local_stats(), (0, 0, 0), "no chunk's findings kept");
    // Its sarcasm readings are kept: four sentences are read (the "Sam" of
    // the sign-off is one word), then after the edit only the edited one
    // and the one before it, which sees it as its next; two are reused.
    let (reused, made, _) = engine.stats();
    assert_eq!((reused, made), (2, 4 + 2), "readings reused and made");

    // The draft grows into a thread: from then on it is read in chunks...
    let quoted: String =
        (1..=40).map(|n| format!("> Message {n}: why is this so slow?\n> Still waiting after {n} days.\n\n")).collect();
    let thread = format!("{reply}{quoted}");
    assert!(thread.len() >= cornerstone_engine::CHUNKED_MIN);
    assert_eq!(engine.analyze(&thread, &ctx, None), analyze_with(&thread, &ctx, None));
    let (_, parsed, kept) = engine.parse_stats();
    assert!(parsed >= 2 && kept == parsed, "parsed {parsed}, kept {kept}");
    // ... and when it is cut short again, what its chunks kept is dropped.
    assert_eq!(engine.analyze(reply, &ctx, None), analyze_with(reply, &ctx, None));
    assert_eq!(engine.parse_stats().2, 0);
    assert_eq!(engine.local_stats().2, 0);
}

#[test]
fn typing_a_reply_to_one_message_then_another() {
    // The message is parsed and its questions read once while the agent
    // types; when the customer writes again, the reply is read against the
    // new message, not the kept one.
    let first = Context::with_customer_name("Priya Raman")
        .and_customer_message("When will my refund arrive? I've emailed three times already.");
    let second = Context::with_customer_name("Priya Raman")
        .and_customer_message("Can I change my password? I have forgotten it.");
    let unanswered = |r: &cornerstone_engine::Report, ctx: &Context| -> Vec<String> {
        let message = ctx.customer_message.as_deref().unwrap();
        let mut asked: Vec<String> = r
            .findings
            .iter()
            .filter(|f| f.cue == Cue::QuestionUnanswered)
            .filter_map(|f| f.context)
            .map(|s| message[s].to_string())
            .collect();
        asked.sort();
        asked
    };
    let mut engine = Incremental::new();
    let mut reply = String::from("Hi Priya, ");
    for word in "thanks for your patience. We have checked your account.".split_inclusive(' ') {
        reply.push_str(word);
        let report = engine.analyze(&reply, &first, None);
        assert_eq!(report, analyze_with(&reply, &first, None), "{reply:?}");
        assert_eq!(unanswered(&report, &first), ["When will my refund arrive?"], "{reply:?}");
    }
    reply.push_str(" Your refund arrives by Friday.");
    let report = engine.analyze(&reply, &first, None);
    assert_eq!(report, analyze_with(&reply, &first, None));
    assert_eq!(unanswered(&report, &first), Vec::<String>::new());
    // The message was parsed once, for the first of the reply's versions.
    let typed = "thanks for your patience. We have checked your account.".split_inclusive(' ').count() + 1;
    assert_eq!(engine.message_stats(), (typed - 1, 1), "message parses (reused, made)");
    // The same reply against the customer's next message.
    let report = engine.analyze(&reply, &second, None);
    assert_eq!(report, analyze_with(&reply, &second, None));
    assert_eq!(unanswered(&report, &second), ["Can I change my password?"]);
    assert_eq!(engine.message_stats(), (typed - 1, 2));
}

#[test]
fn an_analyser_can_move_to_and_be_shared_by_threads() {
    fn send_and_sync<T: Send + Sync>() {}
    send_and_sync::<Incremental>();
}

#[test]
fn a_reading_that_depends_on_the_sentence_before_is_read_again_when_that_changes() {
    let ctx = Context::default();
    let mut engine = Incremental::new();
    let wish = "Enjoy the 2GB limit.";
    assert_eq!(engine.analyze(wish, &ctx, None), analyze_with(wish, &ctx, None));
    // Only after carrying out the customer's own choice is the wish a dig.
    let after = "Downgraded as requested. Enjoy the 2GB limit.";
    let report = engine.analyze(after, &ctx, None);
    assert_eq!(report, analyze_with(after, &ctx, None));
    let sarcasm: Vec<&str> =
        report.findings.iter().filter(|f| f.cue == Cue::Sarcasm).filter_map(|f| f.span).map(|s| &after[s]).collect();
    assert_eq!(sarcasm, ["Enjoy the 2GB limit"]);
    // And back.
    assert_eq!(engine.analyze(wish, &ctx, None), analyze_with(wish, &ctx, None));
}

#[test]
fn an_edit_re_parses_only_the_lines_around_it() {
    // A long thread: 300 numbered paragraphs, some quoted.
    let text: String = (0..300)
        .map(|n| match n % 3 {
            0 => format!("{n}. As I already explained, the refund takes five days.\n\n"),
            1 => format!("> Customer {n} wrote: why is this so slow?\n> Still waiting.\n\n"),
            _ => format!("Order {n}: please reply with your order number and we'll follow up by Friday.\n\n"),
        })
        .collect();
    let ctx = Context::with_customer_name("Priya Raman");
    let mut engine = Incremental::new();
    assert_eq!(engine.analyze(&text, &ctx, None), analyze_with(&text, &ctx, None));
    let (_, parsed, kept) = engine.parse_stats();
    assert!(kept >= 10, "a {} KB draft is parsed in {kept} chunks", text.len() / 1000);
    assert_eq!(engine.local_stats().1, kept, "the local rules ran once on each chunk");

    // Type a word into the 150th paragraph.
    let at = text.find("150. As I").unwrap() + "150. As I".len();
    let edited = format!("{} really{}", &text[..at], &text[at..]);
    assert_eq!(engine.analyze(&edited, &ctx, None), analyze_with(&edited, &ctx, None));
    let (reused, parsed_after, kept_after) = engine.parse_stats();
    assert_eq!(parsed_after - parsed, 1, "only the edited chunk is parsed again");
    assert_eq!(kept_after, kept);
    assert!(reused >= kept - 1);

    // The local rules (all but name, apology, gratitude and next steps) ran
    // again only where the edit can reach: the edited chunk, the chunk
    // before it (which reads the sentence after it) and the chunk after it
    // (which reads the words before it).
    let (_, ran, _) = engine.local_stats();
    assert!((1..=3).contains(&(ran - kept)), "local rules ran again on {} chunks for one edit", ran - kept);

    // Delete a line break: the two chunks around it become one.
    let at = edited.find("\n\n> Customer 151").unwrap();
    let joined = format!("{}{}", &edited[..at], &edited[at + 2..]);
    assert_eq!(engine.analyze(&joined, &ctx, None), analyze_with(&joined, &ctx, None));
    let (_, parsed_joined, _) = engine.parse_stats();
    assert!(parsed_joined - parsed_after <= 2, "{} chunks parsed", parsed_joined - parsed_after);
}
