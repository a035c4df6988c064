//! `sarcasm`: sarcastic, mocking or passive-aggressive phrasing aimed at the
//! customer: reminders that they should have listened, mock praise, sarcastic
//! thanks, rhetorical put-downs, and scare quotes around their words.
//!
//! Sarcasm is mostly signalled by stock phrases in customer replies, so the
//! table is specific on purpose: professional replies must almost never be
//! flagged (measured on real agent tweets, see the README).

use crate::context::Context;
use crate::cue::Cue;
use crate::document::{flag, gap, Document};
use crate::finding::Finding;
use crate::hash::KeyMask;
use crate::lexicon::{pn, Phrase};
use crate::rules::markers::{markers, GateClass, GateStarts, GateWords, Reading, Rest, Set, MAX_WORDS};
use crate::rules::{emit_table, T};
use crate::span::Span;

const REPEAT: &str = "Reminding the customer that they were already told reads as passive-aggressive. Just give the answer again, kindly.";
const REPEAT_BETTER: &[&str] = &["To recap"];
const MOCK: &str = "This can read as mocking the customer. Say plainly what you mean.";
const PUTDOWN: &str = "A rhetorical question like this belittles the customer. Explain the step instead.";
const THANKS: &str = "Thanks said like this reads as sarcasm. Thank the customer sincerely or not at all.";

pub(crate) const SARCASM: &[Phrase] = &[
    // Passive-aggressive reminders that the customer was already told.
    pn("as i|we already|previously explained|said|stated|mentioned|told|advised|noted|pointed|wrote|indicated|informed", REPEAT, REPEAT_BETTER),
    pn("as i've|we've|i'd|we'd already|previously explained|said|stated|mentioned|told|advised|noted|pointed|indicated", REPEAT, REPEAT_BETTER),
    pn("as i|we have|had already|previously explained|said|stated|mentioned|told|advised|noted|pointed|indicated", REPEAT, REPEAT_BETTER),
    pn("as i|we said|mentioned|explained|stated|told you before|earlier|previously|already|twice|repeatedly", REPEAT, REPEAT_BETTER),
    pn("as i've|we've said|stated|told", REPEAT, REPEAT_BETTER),
    pn("as i|we have said|stated|told", REPEAT, REPEAT_BETTER),
    pn("as previously|already stated|explained|mentioned|advised|said|noted|discussed|communicated", REPEAT, REPEAT_BETTER),
    pn("as stated|explained|mentioned|advised|noted|communicated previously|before|earlier|already|repeatedly", REPEAT, REPEAT_BETTER),
    pn("as stated|explained|mentioned|said|advised multiple|several|many|numerous|countless times", REPEAT, REPEAT_BETTER),
    pn("as has been already? stated|explained|mentioned|said|communicated", REPEAT, REPEAT_BETTER),
    pn("per my|our last|previous|earlier email|e-mail|message|reply|response|note|mail", REPEAT, REPEAT_BETTER),
    pn("as per my|our last|previous|earlier email|e-mail|message|reply|response|note|mail", REPEAT, REPEAT_BETTER),
    pn("see|refer to? my previous|last|earlier email|e-mail|message|reply|response", REPEAT, REPEAT_BETTER),
    // The earlier answers counted (the thirteenth QA pass): "As mentioned
    // in my previous two emails".
    pn("as mentioned|explained|stated|said|noted|advised|outlined in|on my|our previous|last two|three|four|five|several|multiple|many emails|e-mails|messages|replies|calls", REPEAT, REPEAT_BETTER),
    pn("like i said|told", REPEAT, REPEAT_BETTER),
    pn("i|we already told|explained|said|answered|covered", REPEAT, REPEAT_BETTER),
    pn("i've|we've already told|explained|answered|covered|said", REPEAT, REPEAT_BETTER),
    pn("i|we have already told|explained|answered|covered|said", REPEAT, REPEAT_BETTER),
    pn("for the second|third|fourth|fifth|last|hundredth|umpteenth|nth|millionth|tenth time", REPEAT, REPEAT_BETTER),
    pn("once again i'll|i|we will? explain|repeat", REPEAT, REPEAT_BETTER),
    pn("let me repeat myself", REPEAT, REPEAT_BETTER),
    pn("i'll|i repeat|will repeat? myself|this|it one|once more|again", REPEAT, REPEAT_BETTER),
    pn("not sure how else to explain|say|put|phrase|word", REPEAT, REPEAT_BETTER),
    pn("i|we can't|cannot explain|make it|this any clearer|simpler", REPEAT, REPEAT_BETTER),
    // (The fifteenth QA pass: "I'm not sure how to make this any clearer".)
    pn("not sure how i|we? can? to? make|put|explain it|this any clearer|simpler", REPEAT, REPEAT_BETTER),
    // Offering to draw it out: "Let me know if you need me to draw you a
    // diagram" (the fifteenth QA pass).
    pn("draw you a diagram|map|picture", MOCK, &[]),
    // The agent's own patience announced: "Our team has been extremely
    // patient with your nine emails", "we've been nothing but polite" (the
    // set sarcasm-i). Patience is the customer's to be thanked
    // for, not ours to claim.
    pn("i've|we've|i|we|team|staff|engineers|agents|colleagues have|has? been patient", PATIENCE_M, &[]),
    pn("i've|we've|i|we|team|staff|engineers|agents|colleagues have|has? been very|extremely|incredibly|remarkably|exceptionally|endlessly|infinitely|really|quite|so patient", PATIENCE_M, &[]),
    pn("been more than patient", PATIENCE_M, &[]),
    pn("been nothing but patient|polite|courteous|helpful", PATIENCE_M, &[]),
    pn("shown you nothing but patience|courtesy|kindness", PATIENCE_M, &[]),
    // The customer's loss waved away by assuring them they will live: "It's
    // a £1.80 fee. I'm sure you'll survive."
    // The customer's terms pointed at: "as it clearly says on the agreement
    // you signed" (the set sarcasm-i).
    pn("as it|this|that clearly|explicitly says|states|shows|said|stated|showed", REPEAT, REPEAT_BETTER),
    // The terms named (the session's review): "As our returns policy very
    // clearly says", "As the booking confirmation clearly states", "As is
    // clearly stated in the contract you signed". Documents of terms only:
    // "as the photo clearly shows, the parcel was damaged" is evidence.
    pn("as the|our|your policy|terms|agreement|contract|confirmation|manual|instructions|guide|faq|email|e-mail|letter|notice very? clearly|explicitly says|states|stated|explains|explained", REPEAT, REPEAT_BETTER),
    pn("as the|our|your _ policy|terms|agreement|contract|confirmation|manual|instructions|guide|faq|email|e-mail|letter|notice very? clearly|explicitly says|states|stated|explains|explained", REPEAT, REPEAT_BETTER),
    pn("as is very? clearly|explicitly stated|written|explained", REPEAT, REPEAT_BETTER),
    // The customer's account judged with a smile: "The explanation that the
    // TV was damaged by a gust of wind indoors is certainly creative" (the
    // set sarcasm-i; kept only after a word for their account, see `check`).
    pn("certainly|definitely|truly|most|very|quite|rather creative|imaginative|inventive|original|novel", MOCK, &[]),
    // Doubt that the customer will understand at last: "Hope that clears it
    // up, this time." (the set sarcasm-i; not beside an apology for our own
    // earlier muddle, see `check`).
    pn("hope|hopefully that|this|it helps this time", MOCK, &[]),
    // "Hope that answers your question, finally." (the session's review)
    pn("hope|hopefully that|this|it answers|clears|helps your|the|it question|matter|up? finally", MOCK, &[]),
    pn("hope|hopefully that|this|it clears it|this|things up this time", MOCK, &[]),
    pn("hope|hopefully that|this|it makes sense this time", MOCK, &[]),
    pn("hope|hopefully that|this|it makes it clear this time", MOCK, &[]),
    pn("hope|hopefully that|this|it answers it|this|your question? this time", MOCK, &[]),
    pn("hope|hopefully that's|it's clear|clearer enough? this time", MOCK, &[]),
    // Sympathy mocked by the triviality of what it is for: "I know reading
    // emails can be hard", "clicking a link can be tricky" (left by the
    // fifteenth QA pass). Not instructions or set-up, which can be hard
    // indeed ("Following the set-up instructions can be tricky").
    pn("reading|checking|opening emails|messages|texts can|must|is be? hard|difficult|tricky|confusing|challenging|tough", PATIENCE_M, &[]),
    // "e-mails" is two words to the scan ("e", a tight hyphen, "mails").
    pn("reading|checking|opening e mails can|must|is be? hard|difficult|tricky|confusing|challenging|tough", PATIENCE_M, &[]),
    pn("reading|checking|opening your inbox|email|emails|messages|texts can|must|is be? hard|difficult|tricky|confusing|challenging|tough", PATIENCE_M, &[]),
    pn("clicking|pressing|tapping a|one|the power? button|link can|must|is be? hard|difficult|tricky|confusing|challenging|tough", PATIENCE_M, &[]),
    pn("opening|downloading an|the attachment|attachments can|must|is be? hard|difficult|tricky|confusing|challenging|tough", PATIENCE_M, &[]),
    // A prediction of the customer's slip: "Let me guess, you didn't read
    // the email?"; what always works, said of what never did: "Yes,
    // because that always works so well"; what the customer does not get:
    // "the tracking page is a mystery to you".
    pn("let me guess", MOCK, &[]),
    // The ninth batch's tuning half (one draft each; kept only as general
    // idioms): mock unpredictability, "who could possibly have guessed
    // that ..." (a surprise frame: `SURPRISE_FRAMES`); mock shock,
    // "Shocking stuff." (alone: see `check`); the terms as "bedtime
    // reading". (Dropped after the session's review, each as often
    // sincere: "'reasonable' was doing a lot of heavy lifting in our old
    // terms", "see you same time next month" for a real appointment, "a
    // guide at the right reading level for younger users", "there's a
    // whole department for it".)
    pn("shocking|astonishing|stunning stuff|twist", SURPRISE_M, &[]),
    pn("as bedtime reading", MOCK, &[]),
    // Session 32, written from the mechanisms the ninth batch's tuning half
    // still missed, before the tenth batch was read (one pattern per
    // mechanism, not per sentence):
    // - the customer's belief in what failed them, undone with a smile:
    //   "'password123' probably isn't the fortress you thought it was";
    pn("isn't|wasn't|aren't|weren't quite? the _ you thought|imagined|assumed|believed it|they was|were|is|are", MOCK, &[]),
    pn("is|was|are|were not quite? the _ you thought|imagined|assumed|believed it|they was|were|is|are", MOCK, &[]),
    // - a complaint escalated, in mock earnest, to an absurd height: "raised
    //   with the CEO, the board and possibly the United Nations";
    pn("possibly|perhaps|maybe|even|probably the united nations", MOCK, &[]),
    pn("possibly|perhaps|maybe|even|probably the pope|vatican|nasa|fbi|cia|kremlin", MOCK, &[]),
    pn("possibly|perhaps|maybe|even|probably the white house", MOCK, &[]),
    pn("possibly|perhaps|maybe|even|probably the prime minister", MOCK, &[]),
    pn("and possibly|perhaps|maybe|probably nasa", MOCK, &[]),
    // - the impossible offered as the customer's way out: "3. Invent time
    //   travel and reach the gate before it closes", "unless you have a
    //   time machine" (not "we can't turn back time, but ...", said of us);
    pn("invent|build|borrow|find|buy time travel", MOCK, &[]),
    pn("invent|build|borrow|find|buy a time machine", MOCK, &[]),
    pn("unless you have|own|know of? a time machine", MOCK, &[]),
    pn("unless you've|youve got a time machine", MOCK, &[]),
    pn("unless you can|could rewind|reverse the? clock|time", MOCK, &[]),
    pn("unless you can|could turn back the? clock|time", MOCK, &[]),
    pn("sprout wings", MOCK, &[]),
    // - help offered as to a child: "Would you also like me to pop round and
    //   read it to you?".
    pn("pop|nip|come round|over and read it|this|them|that to you", MOCK, &[]),
    // - concern for the customer's calendar or memory, after a slip of
    //   theirs: "Is everything alright with your calendar?"
    pn("is everything alright|ok|okay|well with your calendar|diary|memory", MOCK, &[]),
    pn("is everything all right with your calendar|diary|memory", MOCK, &[]),
    // The tenth batch's tuning half (session 32): the customer's
    // impatience counted while thanking it, "Thanks SO much for your
    // patience, all eleven messages of it"; news that is none, "I
    // appreciate this may come as news" of the terms they signed.
    pn("all _ messages|emails|e-mails|calls|chats|texts|tickets|complaints|reminders of it", COUNT_M, &[]),
    pn("appreciate|realise|realize|understand this|that|it may|might come as news", MOCK, &[]),
    pn("appreciate|realise|realize|understand this|that|it may|might be news to you", MOCK, &[]),
    // Worse service promised in mock contrition: "We'll try to be less
    // reliable in future" (an earlier batch's tuning half, session 32).
    pn("best to be less reliable|efficient|helpful|prompt|accurate|thorough|careful|consistent|punctual", MOCK, &[]),
    pn("try|aim|endeavour|endeavor|strive to be less reliable|efficient|helpful|prompt|accurate|thorough|careful|consistent|punctual", MOCK, &[]),
    // The eleventh batch's tuning half (session 32), each a mechanism:
    // the answers
    // counted by the chats they took ("they haven't changed since the last
    // three chats"); a mock confession ("we put the mast up specifically to
    // block your signal; sorry we got caught"); repetition billed as a
    // favour ("It is repeated below at no additional charge"); a customer's
    // lecture on running our business thanked ("Many thanks for the
    // thorough lesson on how a university library ought to be run", "Thanks
    // for the tips on how to run a software company, really eye-opening
    // stuff"); knowledge presumed after reminders ("as you're surely aware
    // after the last two reminders"); the impossible offered ("would you
    // also like us to reverse time"); an explanation made as simple as the
    // agent "can manage"; doubt cast on the customer's account ("the
    // appointment you say you were never offered ... Perhaps it slipped
    // your mind").
    pn("sorry we got caught", AGREE_M, &[]),
    pn("specifically|deliberately|purposely to block|stop|trap|trick|confuse|annoy|spite", AGREE_M, &[]),
    pn("repeated|resent below|here at no additional|extra charge|cost", MOCK, &[]),
    pn("re sent below|here at no additional|extra charge|cost", MOCK, &[]),
    pn("tips|advice|pointers on how to run a|our|the _? company|business|airline|bank|shop|store|library|hotel|railway|service", MOCK, &[]),
    pn("how a|our|the _ _? ought|should to? be run", MOCK, &[]),
    pn("let's|lets slow down a? little|bit|moment|second|sec", MOCK, &[]),
    pn("eye opening stuff", MOCK, &[]),
    pn("eye opening stuff", MOCK, &[]),
    pn("as you're|youre surely|undoubtedly aware", REMIND_M, &[]),
    pn("as you are surely|undoubtedly aware", REMIND_M, &[]),
    pn("like us|me to reverse|rewind time", MOCK, &[]),
    pn("like us|me to turn back time|the clock", MOCK, &[]),
    pn("perhaps|maybe it slipped your mind", MOCK, &[]),
    pn("perhaps|maybe it|this|that simply? escaped your attention", MOCK, &[]),
    pn("simply escaped your attention", MOCK, &[]),
    pn("you claim you never|weren't|didn't", MOCK, &[]),
    pn("like us|me to move the sun|moon", MOCK, &[]),
    pn("shall|should we|i also? rewind|reverse the? clock|time", MOCK, &[]),
    pn("you say you were never|weren't|didn't|never", MOCK, &[]),
    pn("because that|this always works|goes so? well", MOCK, &[]),
    pn("is|are|was|were|seems|remains a complete|total|real? mystery to you", MOCK, &[]),
    pn("seems|seem to be a complete|total|real? mystery to you", MOCK, &[]),
    // Mock praise of a slip: "Impressive work deleting the entire folder",
    // "we're absolutely thrilled that you chose to ignore the warning light".
    // (Slips only: "great job deleting the duplicates" or "I love that you
    // wiped the phone first" may be sincere praise, so deleting is no slip
    // here nor in the older patterns above.)
    pn("impressive|nice|great|brilliant|fantastic|excellent|stellar|outstanding|remarkable|superb job|work|effort breaking|losing|ignoring|missing|forgetting|spilling|smashing|cracking|flooding|ruining|wrecking|destroying|misplacing|crashing", MOCK, &[]),
    pn("thrilled|delighted|love|loved|adore|enjoyed that|how you chose|decided|managed to ignore|break|lose|miss|forget|spill|smash|crack|ruin|wreck|destroy", MOCK, &[]),
    pn("thrilled|delighted|love|loved|adore|enjoyed that|how you ignored|broke|lost|missed|forgot|spilled|smashed|cracked|ruined|wrecked|destroyed", MOCK, &[]),
    // What the customer could not manage, called too much for them: "the
    // instructions were too long for you to read" (not as a condition,
    // not with an apology: see `check`).
    pn("too long|complicated|hard|difficult|small|subtle|technical|confusing|tricky|much for you to read|follow|understand|find|notice|see|spot|handle|grasp|manage", MOCK_M, &[]),
    pn("sure|certain you'll survive|live|cope", DIG_M, &[]),
    pn("sure|certain you will survive|live|cope", DIG_M, &[]),
    // ... or by a shrug: "The upgrade is gone, but you'll live", "you'll
    // cope somehow" (the session-30 review's leftovers; clause-final, see
    // `check`).
    pn("but you'll|youll survive|live|cope", DIG_M, &[]),
    pn("but you will survive|live|cope", DIG_M, &[]),
    pn("you'll|youll survive|live|cope somehow", DIG_M, &[]),
    pn("you will survive|live|cope somehow", DIG_M, &[]),
    // The contacts it took, counted with mock ease: "Well done on finding
    // the portal! Only took three phone calls and an email."
    pn("only took two|three|four|five|six|seven|eight|nine|ten phone? calls|emails|e-mails|messages|chats|tickets|tweets|dms", COUNT_M, &[]),
    pn("short of drawing you a diagram|map|picture", MOCK, &[]),
    // Thanks undercut in the same breath: "I appreciate your patience,
    // even if it seems to be running a little thin", "thanks for your
    // patience, such as it is" (the fifteenth QA pass).
    pn("even if it|it's|its|that seems|is? to? be? running|wearing a? little|bit? thin", THANKS, &[]),
    pn("your patience|effort|efforts|help|understanding|cooperation such as it is|was", THANKS, &[]),
    pn("just to reiterate|repeat", REPEAT, REPEAT_BETTER),
    pn("friendly reminder", REPEAT, REPEAT_BETTER),
    pn("as clearly|explicitly stated|explained|written|mentioned|indicated", REPEAT, REPEAT_BETTER),
    pn("which|that was|is clearly|already stated|explained|written|mentioned", REPEAT, REPEAT_BETTER),
    pn("if you had read|checked|looked|followed|bothered|listened", REPEAT, REPEAT_BETTER),
    pn("if you'd read|checked|looked|followed|bothered|listened", REPEAT, REPEAT_BETTER),
    pn("had you read|checked|bothered|listened", REPEAT, REPEAT_BETTER),
    pn("please|kindly reread", REPEAT, REPEAT_BETTER),
    pn("please|kindly re read", REPEAT, REPEAT_BETTER),
    pn("please|kindly read my|the|our email|message|reply|instructions|faq|article|policy again|carefully", REPEAT, REPEAT_BETTER),
    // Rhetorical put-downs.
    pn("did you even|actually read|try|look|check|bother", PUTDOWN, &[]),
    pn("did you not read|see|get|understand|notice", PUTDOWN, &[]),
    pn("didn't you read|see|notice", PUTDOWN, &[]),
    pn("have you even|actually read|tried|looked|checked", PUTDOWN, &[]),
    pn("do|did you even know|understand|read", PUTDOWN, &[]),
    pn("are you even|actually reading|listening", PUTDOWN, &[]),
    pn("do|did you read|understand english", PUTDOWN, &[]),
    pn("what part|bit of", PUTDOWN, &[]),
    pn("which part|bit of", PUTDOWN, &[]),
    pn("how hard|difficult is it to", PUTDOWN, &[]),
    pn("how hard|difficult can it be", PUTDOWN, &[]),
    pn("is it really|that|so hard|difficult to", PUTDOWN, &[]),
    pn("not rocket science|surgery", PUTDOWN, &[]),
    pn("it's|its really? not that hard|difficult|complicated", PUTDOWN, &[]),
    pn("it is really? not that hard|difficult|complicated", PUTDOWN, &[]),
    pn("obviously you|you've|you're", PUTDOWN, &[]),
    pn("clearly you didn't|haven't|missed|forgot|misread|misunderstood|weren't|did|have", PUTDOWN, &[]),
    pn("surely you know|understand|realize|realise|can|must|read|saw", PUTDOWN, &[]),
    pn("i'm|im sure you know|understand|realize|realise|appreciate", PUTDOWN, &[]),
    pn("i'm|im sure you can understand|appreciate|see", PUTDOWN, &[]),
    // "I'm sure you'll understand that ...", not "... appreciate the new
    // faster delivery times".
    pn("i'm|im|we're|were sure you'll|youll understand|appreciate|realise|realize that|why|how", PUTDOWN, &[]),
    pn("i'm|im|we're|were sure you will understand|appreciate|realise|realize that|why|how", PUTDOWN, &[]),
    // Mind-reading: the customer mocked for not saying what they mean.
    pn("i|we can't|cannot|cant read minds|thoughts", PUTDOWN, &[]),
    pn("i|we can't|cannot|cant read your mind|thoughts", PUTDOWN, &[]),
    pn("i'm|im|we're|were not mind readers|reader", PUTDOWN, &[]),
    pn("i'm|im|we're|were not psychic|psychics|telepathic|clairvoyant", PUTDOWN, &[]),
    pn("i'm|im|we're|were not a mind reader", PUTDOWN, &[]),
    pn("i|we am|are not mind readers|reader", PUTDOWN, &[]),
    pn("i|we am|are not psychic|psychics|telepathic|clairvoyant", PUTDOWN, &[]),
    pn("i|we am|are not a mind reader", PUTDOWN, &[]),
    pn("even a child|toddler|kid could|can", PUTDOWN, &[]),
    pn("everyone|everybody|anyone else manages|seems|knows|understands|figured|figures|gets|got", PUTDOWN, &[]),
    pn("as anyone|everyone|everybody knows", PUTDOWN, &[]),
    // Rhetorical questions about what the customer thought or read.
    pn("did you|u really|honestly|seriously|actually|genuinely think|expect|imagine|believe", PUTDOWN, &[]),
    pn("where|how|why exactly did you think|expect", PUTDOWN, &[]),
    // Reading what we sent, not reading the meter.
    pn("have you tried|considered reading the|our|my|any email|emails|message|messages|instructions|faq|manual|guide|text|article|terms|policy|letter|page|reply|replies|notification|notifications|sign|label", PUTDOWN, &[]),
    pn("did you try reading", PUTDOWN, &[]),
    // Judging the customer's abilities: "Since tracking numbers don't seem
    // to be your thing", "You're remarkably persistent for someone who
    // hasn't read the agreement" (said to "you": see `check`).
    pn("don't|doesn't|dont|doesnt seem to be your thing|forte|strength|strong", MOCK, &[]),
    pn("isn't|isnt|aren't|arent|not exactly|really your thing|forte|strength|strong", MOCK, &[]),
    pn("for someone who hasn't|hasnt|doesn't|doesnt|didn't|didnt|can't|cant|never|won't|wont|couldn't|couldnt", MOCK, &[]),
    pn("as anyone|everyone|everybody can see", PUTDOWN, &[]),
    pn("not sure what you expected|expect|were", PUTDOWN, &[]),
    pn("what did|do you expect", PUTDOWN, &[]),
    pn("what were you expecting|thinking", PUTDOWN, &[]),
    pn("in case you forgot", PUTDOWN, &[]),
    pn("in case you didn't|haven't notice|noticed", PUTDOWN, &[]),
    pn("calm down", PUTDOWN, &[]),
    pn("perhaps|maybe you missed|overlooked|skipped|forgot", PUTDOWN, &[]),
    pn("you do|did realize|realise|understand that", PUTDOWN, &[]),
    pn("not sure if|whether you're|youre aware", PUTDOWN, &[]),
    pn("not sure if|whether you are aware", PUTDOWN, &[]),
    pn("as you should|ought to? already? know", PUTDOWN, &[]),
    pn("as you should|ought to? be aware", PUTDOWN, &[]),
    pn("as you should've|shouldve known", PUTDOWN, &[]),
    pn("as you already know", PUTDOWN, &[]),
    pn("for your information", REPEAT, &[]),
    pn("in case it wasn't|wasnt clear", REPEAT, REPEAT_BETTER),
    pn("to be perfectly|absolutely|crystal clear", REPEAT, &[]),
    // Mock wishes and praise.
    pn("newsflash", MOCK, &[]),
    pn("news flash", MOCK, &[]),
    pn("surprise surprise", MOCK, &[]),
    pn("good|best of? luck with that", MOCK, &["I hope this helps"]),
    pn("nice|good try", MOCK, &[]),
    pn("bless your heart", MOCK, &[]),
    // Digs at the customer's taking their time, or at making a fuss.
    pn("you|you've finally found|got|had|made|managed the? time to reply|respond|answer|write|read|call|contact|check|email|message|return|get", MOCK, &[]),
    pn("don't|dont|can't|cant|cannot really? see|understand|get what all? the fuss is|was about", MOCK, &[]),
    pn("do not really? see|understand|get what all? the fuss is|was about", MOCK, &[]),
    pn("not sure what all? the fuss is|was about", MOCK, &[]),
    // Asking the customer to check before they write to us again (kept
    // only after a check: see `check`).
    pn("before writing|complaining|emailing|messaging|contacting to? us|me? again", MOCK, &[]),
    pn("congratulations|congrats on breaking|deleting|locking|losing|managing|finally|ignoring", MOCK, &[]),
    pn("great|nice|good|brilliant|fantastic job|work breaking|locking|ignoring|losing|missing", MOCK, &[]),
    pn("great|nice|good|brilliant|fantastic job|work on breaking|locking|ignoring|losing|missing", MOCK, &[]),
    pn("well done breaking|locking|ignoring|losing|missing|you", MOCK, &[]),
    pn("real|absolute|total|such a genius", MOCK, &[]),
    pn("yeah|yea right", MOCK, &[]),
    pn("sure because", MOCK, &[]),
    pn("oh great|joy|goody|brilliant|wonderful", MOCK, &[]),
    pn("wow just wow", MOCK, &[]),
    pn("what a surprise|shock", MOCK, &[]),
    pn("glad we|i could finally clear", MOCK, &[]),
    pn("if that's|thats not too much|hard to ask", MOCK, &[]),
    pn("take your sweet time", MOCK, &[]),
    // Idioms of mock effort and mock inadequacy, aimed at the customer.
    pn("was too much to ask", MOCK, &[]),
    pn("just drop everything", MOCK, &[]),
    pn("wasn't|isn't|weren't|aren't|wasnt|isnt good enough for you", MOCK, &[]),
    pn("sure you're|youre very|really|terribly? busy but", MOCK, &[]),
    pn("no offense|offence but", MOCK, &[]),
    pn("with all due respect", MOCK, &[]),
    pn("don't|dont take this|it the wrong way", MOCK, &[]),
    // Mock congratulations on finding what was always there: "Congrats,
    // you've found the mute button".
    // (Not a prize found: see `check`.)
    pn("congratulations|congrats you've|youve found|discovered|located|spotted", MOCK_M, &[]),
    pn("congratulations|congrats you have just? found|discovered|located|spotted", MOCK_M, &[]),
    pn("congratulations|congrats you found|discovered|located|spotted", MOCK_M, &[]),
    // Mock appraisal of what the customer did: "filling a diesel car with
    // petrol is certainly one way to test the fuel system".
    // ("one way to look at it" agrees; "restarting is certainly one way to
    // fix it" advises: only "that's" said of what the customer did.)
    pn("well that's|thats one way to test|use|fix|do|get|handle|treat|spend|solve|find|make|start|end|learn|lose|break|say|ask", MOCK_M, &[]),
    pn("that's|thats certainly|definitely|surely|quite one way to test|use|fix|do|get|handle|treat|spend|solve|find|make|start|end|learn|lose|break|say|ask", MOCK_M, &[]),
    // Mock sympathy with the customer's standards: "Sorry our 24/7 line
    // wasn't quick enough for you at 3am".
    // (Not in a condition: "if the plan isn't fast enough for you, ...".)
    pn("wasn't|isn't|weren't|aren't|wasnt|isnt quick|fast|clear|simple|cheap|easy|generous|big|early|long enough for you", MOCK_M, &[]),
    pn("was|is|were|are not quick|fast|clear|simple|cheap|easy|generous|big|early|long enough for you", MOCK_M, &[]),
    // Our own clarity praised beside the customer's trouble: "our perfectly
    // clear instructions".
    pn("our|my perfectly clear|obvious", MOCK_M, &[]),
    // The customer's basic duty stressed: "the law requires you to actually
    // show proof of address".
    pn("requires|expects|expected|required you to actually", MOCK_M, &[]),
    // Mock modesty: "I'm sure our billing team had nothing better to do".
    pn("nothing better to do than", MOCK_M, &[]),
    pn("it's|its not like we|i have|had|got other|better|anything", MOCK_M, &[]),
    pn("definitely|certainly|really|all losing sleep over", ASSURE_M, &[]),
    // Feigned surprise at the customer's trouble.
    pn("the first person|customer|one ever to have|had|struggle|complain", SURPRISE_M, &[]),
    pn("i'm|im surprised you weren't|werent|aren't|arent aware", SURPRISE_M, &[]),
    // Counting, sighing, stressing what was said.
    pn("all two|three|four|five|six|seven|eight|nine|ten|twelve|twenty messages|emails|e-mails|calls|paragraphs|pages|reminders|tickets|chats|voicemails of it|them", COUNT_M, &[]),
    pn("how many more ways can|do|must|should i|we", REPEAT, &[]),
    pn("how many more ways i|we can|could", REPEAT, &[]),
    pn("how many more times do|must|should i", REPEAT, &[]),
    // Mock wishes.
    pn("nice|wonderful|great|good|lovely|fun day|time|evening|weekend trying to", WISH_M, &[]),
    pn("you're|youre welcome to keep emailing|calling|writing|asking|chasing but", MOCK_M, &[]),
    // A hesitation before naming the customer's view: "your, er, strong
    // opinions" (set off by commas, not "your ER claim": see `check`).
    pn("your|such er|um|erm|ahem", MOCK_M, &[]),
    pn("everything is always our|my fault", AGREE_M, &[]),
    // Sarcastic thanks.
    pn("thanks|thank you? for nothing", THANKS, &[]),
    pn("thanks|thank you? so? much? a? lot|bunch? for wasting|ignoring|breaking|yelling|shouting|nothing", THANKS, &[]),
    pn("thanks|thank you? for the|your attitude", THANKS, &[]),
    pn("thanks|thank you? for finally", THANKS, &[]),
    pn("thanks|thank you? i|we guess", THANKS, &[]),
    pn("thanks|thank you? for your|the hundredth|fifth|tenth|third|umpteenth|millionth", THANKS, &[]),
    pn("gee thanks", THANKS, &[]),
];

/// Words that, before a short quotation, make it a scare quote.
const SCARE_LEADS: &[&str] =
    &["your", "so-called", "called", "this", "these", "those", "supposed", "supposedly", "the", "that", "my"];

/// Words after a quotation that make it a label, not a scare quote: the
/// "pay now" button, the "not available" message.
const LABEL_NOUNS: &[&str] = &[
    "line",
    "lines",
    "row",
    "entry",
    "item",
    "button",
    "buttons",
    "tab",
    "link",
    "option",
    "options",
    "menu",
    "page",
    "field",
    "setting",
    "settings",
    "status",
    "label",
    "section",
    "plan",
    "article",
    "message",
    "email",
    "screen",
    "folder",
    "icon",
    "box",
    "column",
    "filter",
    "error",
    "prompt",
    "toggle",
    "switch",
    "mode",
    "feature",
    "tool",
    "form",
    "policy",
    "notice",
    "banner",
    "app",
    "category",
    "setting",
    "code",
    "tier",
    "package",
    "bundle",
    "warning",
    "panel",
    "view",
    "report",
    "list",
    "letter",
    "letters",
    "text",
    "reminder",
    "notification",
    "alert",
    "sticker",
    "sign",
    "document",
    "statement",
    "invoice",
    "heading",
    "title",
    "step",
    "clause",
    "stamp",
    "tag",
    "e-mail",
];

/// The words a sigh or an eye-roll is acted out with ([`exasperation`]).
const SIGH_WORDS: &[&str] =
    &["sigh", "sighs", "facepalm", "facepalms", "eyeroll", "rolls", "roll", "breath", "breaths", "anyway", "anyhow"];
/// The words of a slip recalled ([`recalled_aside`]).
const RECALL_WORDS: &[&str] = &["recall", "remember"];
const RECALL: [u32; 2] = crate::hash::word_keys(&[RECALL_WORDS]);
// The words each reading of condescension is told by, by key: most tokens
// are passed over by one comparison each. A denial ("it really isn't that
// hard") is found from its last word, which few drafts hold, rather than
// from "it", "this" or "that", which most sentences do.
const MINIMISED: &[&str] = &["something", "anything"];
const DENIED: &[&str] = &["hard", "difficult", "complicated", "tricky"];
const SLOWED: &[&str] = &["slowly", "slower"];
const STARTS: [u32; 8] = crate::hash::word_keys(&[MINIMISED, DENIED, SLOWED]);
// A bit per word looked for, by the low bits of its key: most tokens are
// passed over by one test of it (a word's key is its folded form's, so
// each word looked for has its bit), before the word or the list is
// compared. The first test is of all three lists: a token whose bit is
// clear in it is read by none of the three readings. It is of 1,024 bits,
// not 64: its 21 words set about a third of 64 bits, and a token in
// three passed it (a branch no predictor learns on new text: about 3.5 k
// mispredicted per 10,000 words); of 1,024, one token in fifty does.
const SIGH_BITS: KeyMask = KeyMask::of_keys(&crate::hash::word_keys::<11>(&[SIGH_WORDS]));
const RECALL_BITS: KeyMask = KeyMask::of_keys(&RECALL);
const START_BITS: KeyMask = KeyMask::of_keys(&STARTS);
/// The words of the three readings, noted by the marker index.
const STARTING: &[&[&str]] = &[SIGH_WORDS, RECALL_WORDS, MINIMISED, DENIED, SLOWED];

pub(crate) fn check(doc: &Document, _ctx: &Context, out: &mut Vec<Finding>) {
    let mut found = Vec::new();
    emit_table(doc, T::Sarcasm, Cue::Sarcasm, &[], &mut found);
    // The three readings that start from a few words (a sigh acted out, a
    // slip recalled in an aside, a step belittled) look for them in one
    // pass over the draft's words, most passed over by one test of a bit
    // for all three (a pass for each cost about 1.5 k instructions more per
    // reply of 150 words). A step belittled joins the mechanisms' findings,
    // after them.
    // That pass is the mechanisms' own, which groups the words into
    // sentences, and tells the words by a bit of the marker index's
    // (`STARTING`): a pass of its own cost about 12 instructions a word.
    // The mechanisms read nothing the three readings find.
    let (mut recalled, mut belittled) = (false, Vec::new());
    let mut more = Vec::new();
    let others = mechanisms(doc, &mut more, |k| {
        exasperation(doc, k, &mut found);
        let key = doc.tokens[k].key;
        recalled |= RECALL_BITS.may_hold(key) && RECALL.contains(&key);
        condescension(doc, k, &mut belittled);
    });
    // Most drafts say neither word of a recalled aside: the text is not
    // searched for a parenthesis.
    if recalled {
        recalled_aside(doc, &mut found);
    }
    // "certainly creative" judges the customer's account only when one is
    // named before it in the sentence ("The explanation that ... is
    // certainly creative"), not an idea praised ("Your suggestion is
    // certainly creative, and I've passed it on"). "Hope that clears it up
    // this time" doubts the customer only where no apology owns the muddle
    // ("Sorry for the mix-up earlier. I hope this clears it up this time").
    // Our patience claimed is a dig only at the customer: "we've been
    // patient with your nine emails", not "we've been patient with the
    // courier, but ...".
    found.retain(|f| {
        let Some(span) = f.span else { return true };
        let (k, last) = (doc.token_at(span.start()), doc.token_at(span.end().saturating_sub(1)));
        match doc.fold(last) {
            "patient" | "polite" | "courteous" | "helpful" => {
                !(last + 2 < doc.tokens.len()
                    && doc.fold(last + 1) == "with"
                    && !matches!(doc.fold(last + 2), "you" | "your" | "u" | "ur" | "all"))
            }
            // The account named in the same clause, nearer than any idea:
            // "The explanation that ... is certainly creative", not "Your
            // account has been credited, and your idea is certainly
            // creative", "your story idea is certainly creative".
            // "Is everything alright with your calendar?" ends there, not
            // "... with your calendar sync?" (the session's review).
            "calendar" | "diary" | "memory" => doc.tokens[last].gap_has(gap::QUESTION | gap::BREAK),
            // The second review's narrowings (session 32): "eye-opening
            // stuff" ends a sentence of thanks for a lecture ("Thanks for the
            // tips on how to run a software company, really eye-opening
            // stuff"), not "it was eye-opening stuff and we've ordered more";
            "stuff" if doc.fold(k) == "eye" => {
                let sentence = doc.sentence_of(last);
                doc.tokens[last].gap_has(gap::BREAK)
                    && sentence
                        .clone()
                        .any(|j| matches!(doc.fold(j), "thanks" | "thank" | "tips" | "lesson" | "lecture"))
            }
            // "I appreciate this may come as news" of the terms the customer
            // signed, beside a penalty that stands; not of good news, an
            // upgrade, or a letter of ours that went astray (the stress
            // test);
            "news" | "you" if matches!(doc.fold(k), "appreciate" | "realise" | "realize" | "understand") => {
                let near = near(doc, k);
                // (And the sentence before: "It states that permits are
                // not transferable. I appreciate this may come as news.")
                let before = doc.sentence_of(near.start.saturating_sub(1)).start.min(near.start);
                let words = || (before..near.end).map(|j| doc.fold(j));
                let reproach = words().any(|w| {
                    matches!(
                        w,
                        "signed" | "agreed" | "accepted" | "ticked" | "stands" | "terms" | "contract" | "declaration"
                    )
                });
                let kind = words().any(|w| {
                    matches!(w, "refund" | "upgrade" | "upgraded" | "entitled" | "nothing" | "didn't" | "old" | "sorry")
                });
                reproach && !kind
            }
            // "Thanks for your patience, all eleven messages of it": the
            // customer's impatience counted, not our system's alerts (the
            // stress test);
            "it" if doc.fold(k) == "all"
                && matches!(
                    doc.fold(k + 2),
                    "messages"
                        | "emails"
                        | "e-mails"
                        | "calls"
                        | "chats"
                        | "texts"
                        | "tickets"
                        | "complaints"
                        | "reminders"
                ) =>
            {
                // (Its own sentence and, on the same line, the words just
                // before it: "Thanks for your patience — all seven messages
                // of it".)
                let mut from = k;
                while from > 0 && k - from < 12 && !doc.tokens[from - 1].gap_has(gap::NEWLINE) {
                    from -= 1;
                }
                let sentence = from..doc.sentence_of(k).end;
                let words = || sentence.clone().map(|j| doc.fold(j));
                words().any(|w| matches!(w, "patience" | "understanding" | "patient"))
                    && !words().any(|w| matches!(w, "system" | "alerts" | "automated"))
            }
            // "as you're surely aware" of our reminders, not of the news;
            "aware" if doc.fold(k) == "as" => {
                let sentence = doc.sentence_of(last);
                sentence.clone().any(|j| {
                    matches!(
                        doc.fold(j),
                        "reminders" | "reminder" | "emails" | "letters" | "notices" | "texts" | "messages"
                    )
                })
            }
            // "let's slow down a little." said to the customer, ending there;
            // not "let's slow down a little on the setup: ...";
            "little" | "bit" | "moment" | "second" | "sec" if matches!(doc.fold(k), "let's" | "lets") => {
                doc.tokens[last].gap_has(gap::BREAK) && !doc.tokens[last].gap_has(gap::COLON)
            }
            // "You say you were never told about the fee, and you're right":
            // doubt is what the sentence or the next does not take back.
            "never" | "weren't" | "didn't" if doc.fold(k) == "you" => {
                let words: Vec<&str> = near(doc, k).map(|j| doc.fold(j)).collect();
                let agreed = words
                    .windows(2)
                    .any(|p| matches!(p, ["you're" | "youre", "right"] | ["here's" | "here", "a" | "is"]));
                !agreed && !owns(&words, true)
            }
            "creative" | "imaginative" | "inventive" | "original" | "novel" => {
                let mut j = k;
                loop {
                    if j == 0 || k - j > 20 {
                        break false;
                    }
                    j -= 1;
                    let t = &doc.tokens[j];
                    if t.sentence != doc.tokens[k].sentence || t.gap_has(gap::CLAUSE | gap::OTHER) {
                        break false;
                    }
                    let next = doc.fold(j + 1);
                    match doc.fold(j) {
                        "idea" | "ideas" | "suggestion" | "design" | "proposal" | "plan" | "concept" | "and"
                        | "but" => break false,
                        "account"
                            if matches!(next, "has" | "is" | "was" | "number" | "balance" | "details" | "been") =>
                        {
                            break false
                        }
                        "version" if doc.tokens[j + 1].is(flag::NUMBER) => break false,
                        "explanation" | "excuse" | "story" | "theory" | "account" | "interpretation" | "version" => {
                            break !matches!(next, "idea" | "ideas")
                        }
                        _ => {}
                    }
                }
            }
            // "As this clearly states that the device was under warranty,
            // we'll repair it free of charge": terms cited in the
            // customer's favour point at nothing they missed (unless what
            // they are refused is said: "..., you're not entitled to a
            // refund").
            "says" | "states" | "shows" | "said" | "stated" | "showed" if doc.fold(k) == "as" => {
                let sentence = doc.sentence_of(k);
                let words = || sentence.clone().map(|j| doc.fold(j));
                let grants = words().any(|w| {
                    matches!(
                        w,
                        "free"
                            | "refund"
                            | "refunded"
                            | "repair"
                            | "repaired"
                            | "entitled"
                            | "covered"
                            | "replace"
                            | "replacement"
                            | "credit"
                            | "credited"
                    )
                });
                let refused = words().any(|w| matches!(w, "not" | "no" | "cannot" | "never") || w.ends_with("n't"));
                !grants || refused
            }
            // "I'm sure you'll survive." ends its clause ("..., but you'll
            // live", "without it"); "you'll live comfortably in the tent"
            // is where, not whether.
            "survive" | "live" | "cope" => {
                let t = &doc.tokens[last];
                t.gap_has(gap::CLAUSE | gap::OTHER)
                    || last + 1 >= doc.tokens.len()
                    || matches!(doc.fold(last + 1), "but" | "though" | "without" | "anyway" | "somehow")
            }
            "somehow" => true,
            // "Sure, because that's ..." agrees in mockery; "I'm sure, because
            // they arrived in plain envelopes" is a statement (the session's
            // review).
            "because" if doc.fold(k) == "sure" => !(k > 0 && matches!(doc.fold(k - 1), "i'm" | "im" | "am")),
            // "Shocking stuff." said alone; not "Shocking stuff, honestly - our
            // system charged you twice" (the session's review).
            "stuff" | "twist" if matches!(doc.fold(k), "shocking" | "astonishing" | "stunning") => {
                last + 1 >= doc.tokens.len() || doc.tokens[last + 1].sentence != doc.tokens[last].sentence
            }
            // "Yes, because that always works so well." ends its clause; "...,
            // because that always works well for this error code" advises.
            "well" if doc.fold(k) == "because" => {
                let t = &doc.tokens[last];
                t.gap_has(gap::CLAUSE | gap::OTHER)
                    || last + 1 >= doc.tokens.len()
                    || doc.tokens[last + 1].sentence != t.sentence
            }
            // "It's no wonder that charge was a mystery to you - it appeared
            // under our parent company's name ... we should have labelled it".
            "you" if last >= 2 && doc.fold(last - 2) == "mystery" => !owned_near(doc, k),
            // "Just a friendly reminder that the deadline for your renewal is
            // this Friday" announces what is coming; a reminder of what was
            // already said or due is the dig.
            "reminder" if last > 0 && doc.fold(last - 1) == "friendly" => {
                let sentence = doc.sentence_of(last);
                let words = || sentence.clone().map(|j| doc.fold(j));
                let coming = words().any(|w| {
                    matches!(
                        w,
                        "tomorrow"
                            | "upcoming"
                            | "deadline"
                            | "ends"
                            | "due"
                            | "expires"
                            | "renews"
                            | "january"
                            | "february"
                            | "march"
                            | "april"
                            | "june"
                            | "july"
                            | "august"
                            | "september"
                            | "october"
                            | "november"
                            | "december"
                            | "next"
                            | "monday"
                            | "tuesday"
                            | "wednesday"
                            | "thursday"
                            | "friday"
                            | "saturday"
                            | "sunday"
                    )
                });
                let said = words().any(|w| {
                    matches!(
                        w,
                        "already"
                            | "again"
                            | "previously"
                            | "mentioned"
                            | "told"
                            | "explained"
                            | "overdue"
                            | "was"
                            | "were"
                            | "passed"
                            | "ended"
                            | "closed"
                    )
                });
                !coming || said
            }
            // "Let me guess, you didn't read the email?" said aside; not
            // "let me guess what happened: ...", a diagnosis.
            "guess" if doc.fold(k) == "let" => {
                let t = &doc.tokens[last];
                t.gap_has(gap::CLAUSE | gap::OTHER | gap::COMMA)
                    || last + 1 >= doc.tokens.len()
                    || doc.tokens[last + 1].sentence != t.sentence
            }
            // "If the print is too small for you to read, ...", "Sorry the
            // form was too confusing for you to follow": a condition or an
            // apology, not a mocked limit.
            "read" | "follow" | "understand" | "find" | "notice" | "see" | "spot" | "handle" | "grasp" | "manage"
                if doc.fold(k) == "too" =>
            {
                let sentence = doc.tokens[k].sentence;
                !(k.saturating_sub(12)..k).any(|j| {
                    doc.tokens[j].sentence == sentence
                        && matches!(
                            doc.fold(j),
                            "if" | "when" | "sorry" | "apologies" | "apologise" | "apologize" | "unless"
                        )
                })
            }
            "time" if matches!(doc.fold(k), "hope" | "hopefully") => (0..doc.tokens.len()).all(|j| {
                !matches!(
                    doc.fold(j),
                    "sorry" | "apologies" | "apologise" | "apologize" | "apologising" | "apologizing"
                )
            }),
            // "Checking your inbox is hard when you're travelling": a
            // circumstance that makes it so is sympathy, not mockery.
            "hard" | "difficult" | "tricky" | "confusing" | "challenging" | "tough" => {
                !(last + 1 < doc.tokens.len()
                    && doc.tokens[last + 1].sentence == doc.tokens[last].sentence
                    && matches!(
                        doc.fold(last + 1),
                        "when" | "while" | "if" | "on" | "from" | "during" | "abroad" | "with" | "without" | "for"
                    ))
            }
            _ => true,
        }
    });
    // The fifteenth pass's review: "draw you a map" mocks only as our own
    // rhetorical offer ("Do I need to draw you a diagram?", "Want me to
    // draw you a map?"), not as a real one ("our map team can draw you a
    // map of the grounds if that would help"); "not sure how to make this
    // any clearer" only as a whole clause (not "... any clearer for other
    // customers").
    found.retain(|f| f.span.is_none_or(|s| !offer_or_clause_goes_on(doc, s)));
    // "... for someone who hasn't read it" judges the customer only when
    // said of them ("You're remarkably persistent for someone who ..."),
    // not of a product ("ideal for someone who doesn't travel much").
    found.retain(|f| {
        let Some(span) = f.span else { return true };
        let k = doc.token_at(span.start());
        // "You're remarkably persistent for someone who ...": at most three
        // words between, in one clause.
        let said_to_you = || {
            (k.saturating_sub(5)..k).any(|j| {
                doc.tokens[j].sentence == doc.tokens[k].sentence
                    && (j..k).all(|i| !doc.tokens[i].gap_has(gap::CLAUSE | gap::OTHER))
                    && (matches!(doc.fold(j), "you're" | "youre")
                        || (doc.fold(j) == "you" && matches!(doc.fold(j + 1), "are" | "were" | "seem")))
            })
        };
        // A conditional offers help: "if DIY isn't exactly your forte, we
        // offer free installation".
        let conditional = || {
            (k.saturating_sub(6)..k)
                .any(|j| doc.tokens[j].sentence == doc.tokens[k].sentence && matches!(doc.fold(j), "if" | "unless"))
        };
        // (Within the draft: the finding may end it, "..., your" typed last.)
        let n = doc.tokens.len();
        let your_thing = (k + 1..(k + 6).min(n.saturating_sub(1)))
            .any(|j| doc.fold(j) == "your" && matches!(doc.fold(j + 1), "thing" | "forte" | "strength" | "strong"));
        let judged_unsaid = k + 1 < n && doc.fold(k) == "for" && doc.fold(k + 1) == "someone" && !said_to_you();
        let offered = your_thing && conditional();
        // "If the plan isn't fast enough for you, ...": a condition offers.
        let offered_if = doc.fold(doc.token_at(span.end() - 1)) == "you"
            && (k.saturating_sub(6)..k)
                .any(|j| doc.tokens[j].sentence == doc.tokens[k].sentence && doc.fold(j) == "if");
        // "I'm sorry the room wasn't big enough for you and your family;
        // I've moved you to a suite": a shortfall owned and put right, not
        // the customer's standard mocked ("Sorry our 24/7 line wasn't quick
        // enough for you at 3am").
        let remedied = || {
            let last = doc.token_at(span.end() - 1);
            let sentence = doc.tokens[last].sentence;
            doc.fold(last) == "you"
                && last >= 2
                && doc.fold(last - 2) == "enough"
                && (last + 1..(last + 30).min(n)).any(|j| {
                    doc.tokens[j].sentence <= sentence + 1
                        && matches!(doc.fold(j), "i've" | "we've" | "i" | "we" | "i'll" | "we'll" | "let")
                        && (j + 1..(j + 4).min(n)).any(|v| REMEDIES.contains(&doc.fold(v)))
                })
        };
        let offered_if = offered_if || remedied();
        // "your, er, strong opinions" pauses; "your ER claim" is a ward.
        let not_a_pause = matches!(doc.fold(k), "your" | "such")
            && k + 1 < n
            && (doc.tokens[k + 1].is(flag::ALL_CAPS)
                || !(doc.tokens[k].gap_has(gap::COMMA) || doc.tokens[k + 1].gap_has(gap::COMMA)));
        // "Congratulations, you found the golden ticket!": a prize found.
        let prize = matches!(doc.fold(k), "congratulations" | "congrats")
            && (k + 1..(k + 12).min(n)).any(|j| {
                doc.tokens[j].sentence == doc.tokens[k].sentence
                    && matches!(
                        doc.fold(j),
                        "ticket"
                            | "voucher"
                            | "prize"
                            | "reward"
                            | "bonus"
                            | "badge"
                            | "gift"
                            | "egg"
                            | "winner"
                            | "won"
                    )
            });
        // "Please allow 48 hours before contacting us again": a wait, not a
        // dig; "check your statement before writing again" tells them off.
        let waits = doc.fold(k) == "before"
            && k + 2 < n
            && doc.fold(k + 1) != "complaining"
            && !(k.saturating_sub(10)..k).any(|j| {
                doc.tokens[j].sentence == doc.tokens[k].sentence
                    && matches!(doc.fold(j), "check" | "read" | "look" | "review" | "verify" | "reread" | "re-read")
            });
        let offered = offered || offered_if || not_a_pause || prize || waits;
        // "Just to repeat the key point: ..." recaps; it reminds of nothing.
        let recap = doc.fold(k) == "just"
            && (k + 4..(k + 7).min(n)).any(|j| {
                matches!(doc.fold(j), "point" | "points") && matches!(doc.fold(j - 1), "key" | "main" | "important")
            });
        !(judged_unsaid || offered || recap)
    });
    // "To recap" replaces a reminder that opens a clause ("As I already
    // explained, ..."), not one in the middle ("... for the fourth time").
    for f in &mut found {
        let Some(span) = f.span else { continue };
        let k = doc.token_at(span.start());
        let opens = k < doc.tokens.len()
            && (doc.tokens[k].is(flag::SENT_START) || k > 0 && doc.tokens[k - 1].gap_has(gap::COMMA | gap::COLON));
        // ... and ends it: "As I've already explained twice, ..." or "Not
        // sure how else to explain this." would read "To recap twice",
        // "To recap this".
        let last = doc.token_at(span.end() - 1);
        let closes = last < doc.tokens.len()
            && (last + 1 == doc.tokens.len()
                || doc.tokens[last].gap_has(gap::CLAUSE)
                || doc.tokens[last + 1].sentence != doc.tokens[last].sentence);
        // And "To recap" needs something after it in its sentence: "the form
        // is attached again, for the fourth time." would read "..., to
        // recap."
        let recaps = f.suggestions.iter().any(|s| REPEAT_BETTER.iter().any(|b| s.eq_ignore_ascii_case(b)));
        let followed = last + 1 < doc.tokens.len() && doc.tokens[last + 1].sentence == doc.tokens[last].sentence;
        let closes = closes && (followed || !recaps);
        // "as per my previous email, which you may have missed, ...": the
        // relative clause after it would dangle after "To recap".
        let relative = last + 1 < doc.tokens.len()
            && doc.tokens[last + 1].sentence == doc.tokens[last].sentence
            && matches!(doc.fold(last + 1), "which" | "that" | "where" | "as" | "who");
        if !opens || !closes || relative {
            f.suggestions.clear();
        }
    }
    for &q in &doc.inline_quotes {
        if is_scare_quote(doc, q) {
            found.push(Finding::new(Cue::Sarcasm, Some(q)).with_message(QUOTE_M));
        }
    }
    for q in single_quotes(doc, &others) {
        if is_scare_quote(doc, q) && single_scare(doc, q) {
            found.push(Finding::new(Cue::Sarcasm, Some(q)).with_message(QUOTE_M));
        }
    }
    more.extend(belittled);
    // One finding per slip: a mechanism adds nothing where a phrase already spoke.
    more.retain(|m| !found.iter().any(|f| f.span.zip(m.span).is_some_and(|(a, b)| a.overlaps(b))));
    found.extend(more);
    crate::order::sort_by_key(&mut found, |f| f.span);
    out.extend(found);
}

/// Whether `words` (the folded words of a sentence and the one after it)
/// own a fault, put something right, explain it as expected, or thank for
/// the report: "... - let me check. It looks like the mandate didn't
/// transfer on our side", "that's on us. I've added a text alert", "we
/// should have labelled it". What the session's review found sincere
/// beside the frames of mock wonder and mock understanding. Without
/// `remedies`, only a fault owned, explained or thanked for (for older
/// readings, whose sarcastic drafts often go on to put something right:
/// "I've unlocked it, for now").
/// Whether `words` name a slip so trivial that finding it is no feat: a
/// thing switched off or unplugged, a message in the spam folder, a phone
/// on silent, caps lock (what a grand search "found" in mock earnest).
fn trivial_cause(words: &[&str]) -> bool {
    let at = |j: usize| words.get(j).copied().unwrap_or("");
    (0..words.len()).any(|j| match words[j] {
        "unplugged" | "muted" => true,
        "switched" | "turned" => {
            at(j + 1) == "off"
                && matches!(at(j + 2), "at" | "on")
                && matches!(at(j + 4), "plug" | "wall" | "socket" | "mains" | "switch")
        }
        "plugged" => {
            matches!(at(j.wrapping_sub(1)), "not" | "never" | "wasn't" | "wasnt" | "isn't" | "isnt" | "weren't")
        }
        "caps" => at(j + 1) == "lock",
        "spam" | "junk" => matches!(at(j + 1), "folder" | "box"),
        "on" => matches!(at(j + 1), "mute" | "silent"),
        "aeroplane" | "airplane" | "flight" => at(j + 1) == "mode",
        "upside" => at(j + 1) == "down",
        "flat" | "dead" => matches!(at(j + 1), "battery" | "batteries"),
        _ => false,
    })
}

/// Where sentence `s` announces a tautology as a finding: "is, in fact,
/// cancelled" after "cancelled" (the same word of four letters or more
/// before "is|are|was|were, in fact," and right after it).
fn tautology(doc: &Document, s: &Sentence) -> Option<usize> {
    let w = s.words;
    let comma = |j: usize| doc.tokens[s.from + j].gap_has(gap::COMMA);
    (1..w.len().saturating_sub(3)).find(|&k| {
        if !matches!(w[k], "is" | "are" | "was" | "were" | "has" | "have") || !comma(k) {
            return false;
        }
        // ", in fact," or ", as it turns out," (the session's review).
        let aside = match &w[k + 1..] {
            ["in", "fact", ..] => 2,
            ["as", "it", "turns" | "turned", "out", ..] => 4,
            _ => return false,
        };
        let mut j = k + aside;
        if !comma(j) {
            return false;
        }
        j += 1;
        // "has, in fact, been refunded".
        if w.get(j) == Some(&"been") {
            j += 1;
        }
        // It closes the sentence, said of "a" thing in general ("a policy
        // which was cancelled"), not a confirmation asked for ("Yes, the
        // subscription you cancelled is, in fact, cancelled", "... is, in
        // fact, closed, and I've sent written confirmation": the stress
        // test).
        let said_before = w.get(j).filter(|x| x.len() >= 4).and_then(|x| w[..k].iter().position(|y| y == x));
        let generic =
            said_before.is_some_and(|first| w[first.saturating_sub(4)..first].iter().any(|y| matches!(*y, "a" | "an")));
        j + 1 == w.len() && generic && w[0] != "yes"
    })
}

/// A reminder in parentheses of what the customer should recall: "sent to
/// Dr. Hughes (submitted, you'll recall, the day after you ran out)"
/// (session 32). An aside that says "you'll recall" points at the
/// customer's slip while the sentence goes on politely; the reminder said
/// in the open ("As you'll recall, we agreed to call on Monday") is not
/// this mechanism.
///
/// Run only when a word of the draft is one of [`RECALL_WORDS`] (see [`check`]).
fn recalled_aside(doc: &Document, out: &mut Vec<Finding>) {
    let bytes = doc.text.as_bytes();
    // From the line of the first token: a part of the draft (`Document::view`)
    // holds the text before it too, which is not its to read.
    let first = doc.tokens.first().map_or(bytes.len(), |t| t.span.start());
    let mut at = bytes[..first].iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    // (`str::find` of a char searches with `memchr`, many bytes a step.)
    while let Some(open) = doc.text.get(at..).and_then(|t| t.find('(')).map(|i| at + i) {
        at = open + 1;
        // The aside: up to its closing parenthesis, within 200 bytes and
        // the line (as a part of the draft, which holds whole lines, sees it).
        let Some(close) =
            bytes[at..(at + 200).min(bytes.len())].iter().position(|&b| b == b')' || b == b'\n').map(|i| at + i)
        else {
            continue;
        };
        if bytes[close] == b'\n' {
            continue;
        }
        let (from, to) = (doc.token_at(at), doc.token_at(close));
        let recall = |j: usize| j < to && matches!(doc.fold(j), "recall" | "remember");
        let said = (from..to).any(|j| match doc.fold(j) {
            "you'll" | "youll" => recall(j + 1),
            "you" => matches!(doc.fold(j + 1), "will" | "may" | "might") && recall(j + 2),
            _ => false,
        });
        // The slip recalled: a lateness or a repeat ("the day after you ran
        // out", "twice already"), not our own deed ("which, you'll recall,
        // we sent by express") nor a plain fact ("booked, you'll recall,
        // for Friday at your request"): the session's review.
        let words = || (from..to).map(|j| doc.fold(j));
        let slip =
            words().any(|w| matches!(w, "after" | "late" | "ago" | "only" | "already" | "twice" | "again" | "before"));
        let ours = words().any(|w| matches!(w, "we" | "we've" | "we'd" | "i" | "i've" | "i'd" | "our" | "us"));
        if said && slip && !ours && from < to && doc.tokens[from].is_agent() {
            out.push(
                Finding::new(Cue::Sarcasm, Some(doc.tokens[from].span.cover(doc.tokens[to - 1].span)))
                    .with_message(REMIND_M),
            );
        }
        at = close + 1;
    }
}

/// Whether the sentence of tokens `from..end` gives the same
/// measure twice in one clause, as a tautology does: "our 30-day returns
/// window is 30 days long", "requested four times arrived four times" (a
/// count or number, then its unit, said again within eight words; not "3
/// extra days", which adds to it, nor "the 30 day wait for username
/// changes, After 30 days have passed", a real reply's two clauses).
fn repeated_measure(doc: &Document, from: usize, end: usize) -> bool {
    const COUNTS: &[&str] =
        &["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twelve", "twenty", "thirty"];
    const COUNT_KEYS: [u32; 12] = crate::hash::word_keys(&[COUNTS]);
    const COUNT_BITS: KeyMask = KeyMask::of_keys(&COUNT_KEYS);
    fn unit(u: &str) -> Option<&str> {
        let u = u.strip_suffix('s').unwrap_or(u);
        matches!(u, "day" | "week" | "month" | "year" | "hour" | "minute" | "time").then_some(u)
    }
    let number = |w: &str| !w.is_empty() && (w.bytes().all(|b| b.is_ascii_digit()) || COUNTS.contains(&w));
    let mut last: Option<(usize, (&str, &str))> = None;
    // "30-day" is one word or two, as the tokenizer reads a hyphen.
    // Most words start with neither a digit nor a count's letter: the words
    // that do are found first, as bits, without a branch on each word's
    // first letter (a fact of the text no predictor learns on new text).
    // (A sentence read is at most MAX_WORDS words.)
    let n = (end - from).min(MAX_WORDS);
    let mut may = 0u128;
    for (j, t) in doc.tokens[from..from + n].iter().enumerate() {
        let first = t.fold_head().1;
        may |= ((first.is_ascii_digit() | matches!(first, b't' | b'f' | b's' | b'e' | b'n')) as u128) << j;
    }
    for j in bits(may) {
        let w = doc.fold(from + j);
        // Most words of those letters are no count ("the", "for", "so"),
        // and have no hyphen after a count's letters ("thirty-day"): told
        // by their key and four bytes, not by a search for a hyphen and a
        // comparison with each count (about 8 k instructions fewer per
        // 10,143 words, most of them in sentences with an apology).
        let (b, key) = (w.as_bytes(), doc.tokens[from + j].key);
        let counted = COUNT_BITS.may_hold(key) && COUNT_KEYS.contains(&key);
        let hyphen = b.get(3..7.min(b.len())).is_some_and(|b| b.contains(&b'-'));
        if !(b.first().is_some_and(u8::is_ascii_digit) || counted || hyphen) {
            continue;
        }
        let measure = match w.as_bytes().iter().position(|&b| b == b'-') {
            Some(h) if number(&w[..h]) => unit(&w[h + 1..]).map(|u| (&w[..h], u)),
            _ if number(w) => (from + j + 1 < end).then(|| doc.fold(from + j + 1)).and_then(unit).map(|u| (w, u)),
            _ => None,
        };
        let Some(m) = measure else { continue };
        if let Some((i, seen)) = last {
            let one_clause = (i..j).all(|k| !doc.tokens[from + k].gap_has(gap::CLAUSE));
            if seen == m && j - i <= 8 && one_clause {
                return true;
            }
        }
        last = Some((j, m));
    }
    false
}

fn owns(words: &[&str], remedies: bool) -> bool {
    let at = |j: usize| words.get(j).copied().unwrap_or("");
    (0..words.len()).any(|j| {
        let (before, next) = (if j > 0 { at(j - 1) } else { "" }, at(j + 1));
        match words[j] {
            "our" => matches!(next, "fault" | "error" | "mistake" | "side" | "end" | "bad"),
            "on" => next == "us",
            "should" => matches!(before, "we" | "i") && next == "have",
            "that's" | "thats" => matches!(next, "expected" | "normal" | "on"),
            "designed" => before == "as",
            // (Not a hollow "sorry for any inconvenience", "sorry if".)
            "sorry" | "apologise" | "apologize" | "apologies" => {
                !(next == "if" || (next == "for" && at(j + 2) == "any"))
            }
            "reporting" | "flagging" => before == "for",
            "let" => remedies && next == "me",
            "i've" | "we've" => {
                remedies
                    && (REMEDIES.contains(&next)
                        || matches!(
                            next,
                            "added"
                                | "highlighted"
                                | "reversed"
                                | "refunded"
                                | "waived"
                                | "resent"
                                | "fixed"
                                | "corrected"
                                | "set"
                        ))
            }
            _ => false,
        }
    })
}

/// [`owns`] read in the sentence of token `k` and the one after it (each
/// as far as a sarcasm reading sees it: see `sentence_end`), for a
/// finding of the phrase table.
fn owned_near(doc: &Document, k: usize) -> bool {
    let words: Vec<&str> = near(doc, k).map(|j| doc.fold(j)).collect();
    owns(&words, true)
}

/// The tokens of the sentence of token `k` and of the one after it, each
/// as far as a sarcasm reading sees it (see `sentence_end`): what a
/// finding of the phrase table may read around itself.
fn near(doc: &Document, k: usize) -> std::ops::Range<usize> {
    let from = doc.sentence_of(k).start;
    let this_end = sentence_end(doc, from).unwrap_or(from);
    from..sentence_end(doc, this_end).unwrap_or(this_end)
}

/// What puts a shortfall right for the customer, said after "I've", "we'll",
/// "let me": a remedy owned (see `check`).
const REMEDIES: &[&str] = &[
    "moved", "move", "upgraded", "upgrade", "swapped", "swap", "switched", "switch", "changed", "change", "refunded",
    "refund", "credited", "credit", "rebooked", "rebook", "replaced", "replace", "arranged", "arrange", "reserved",
    "extended", "extend",
];

/// Whether the sarcasm at `s` is "draw you a map" said as a real offer or
/// "not sure how to make this any clearer" with its clause going on (see
/// `check`).
fn offer_or_clause_goes_on(doc: &Document, s: crate::span::Span) -> bool {
    let (first, last) = (doc.token_at(s.start()), doc.token_at(s.end() - 1));
    let n = doc.tokens.len();
    let sentence = doc.tokens[first].sentence;
    let same = |k: usize| k < n && doc.tokens[k].sentence == sentence;
    match doc.fold(first) {
        "draw" => {
            let ours = (first.saturating_sub(5)..first)
                .any(|k| same(k) && matches!(doc.fold(k), "me" | "i" | "i'll" | "shall" | "should" | "need" | "want"));
            let of_a_thing = same(last + 1) && doc.fold(last + 1) == "of";
            let helpful = (last + 1..(last + 8).min(n)).any(|k| same(k) && doc.fold(k) == "if");
            !ours || of_a_thing || helpful
        }
        "not" => {
            matches!(doc.fold(last), "clearer" | "simpler") && same(last + 1) && !doc.tokens[last].gap_has(gap::CLAUSE)
        }
        _ => false,
    }
}
/// The sentences (by index) that hold a sarcasm finding already in `out`:
/// thanks or an apology there is part of the sarcasm, not sincere. Sorted,
/// for `binary_search`.
pub(crate) fn sarcastic_sentences(doc: &Document, out: &[Finding]) -> Vec<u32> {
    let mut v: Vec<u32> = out
        .iter()
        .filter(|f| f.cue == Cue::Sarcasm)
        .filter_map(|f| f.span)
        .filter_map(|s| {
            let k = doc.token_at(s.start());
            doc.tokens.get(k).map(|t| t.sentence)
        })
        .collect();
    crate::order::sort(&mut v);
    v.dedup();
    v
}

/// Short quotations in single quotes, 'urgent' or ‘urgent’: an opening
/// mark after a space or a bracket and before a word, a closing one right
/// after one of the next few words and not before a letter ("don't" closes
/// nothing), on one line. Apostrophes are everywhere ("we'll"), so they are
/// not among the document's quotation marks; only the scare-quote test
/// reads these. A lone mark between words is an "other" mark to the
/// tokenizer: only gaps with one are looked at, each word at most a few
/// times.
///
/// `others` are the tokens whose gap holds such a mark, in order (found by
/// [`mechanisms`]' pass over the words: a search of its own cost about
/// 74 k instructions more per 10,143 words).
fn single_quotes(doc: &Document, others: &[usize]) -> Vec<Span> {
    let mut out = Vec::new();
    let (text, tokens) = (doc.text, &doc.tokens);
    let gap_text = |k: usize| &text[tokens[k].span.end()..tokens.get(k + 1).map_or(text.len(), |t| t.span.start())];
    // The next word a quotation may open at (past the last one found).
    let mut next = 1;
    for &m in others {
        let k = m + 1;
        if k < next || k >= tokens.len() {
            continue;
        }
        next = k + 1;
        let before = gap_text(k - 1);
        let opens = before
            .strip_suffix(['\'', '‘'])
            .is_some_and(|rest| rest.ends_with(|c: char| c.is_whitespace() || c == '('));
        if !opens {
            continue;
        }
        // The closing mark ends one of the next three words, in the line.
        let close = (k..(k + 3).min(tokens.len())).find_map(|j| {
            let after = gap_text(j);
            let closes = after.starts_with(['\'', '’']);
            if closes {
                return Some(Some(j));
            }
            // Past a line or sentence break, or another mark, it is no quote.
            (!after.bytes().all(|b| b == b' ')).then_some(None)
        });
        if let Some(j) = close.flatten() {
            let mark = if gap_text(j).starts_with('\'') { 1 } else { '’'.len_utf8() };
            let open = tokens[k].span.start() - if before.ends_with('\'') { 1 } else { '‘'.len_utf8() };
            out.push(Span::new(open, tokens[j].span.end() + mark));
            next = j + 1;
        }
    }
    out
}

/// Single quotes also mark labels and terms in British usage ("check the
/// 'spam' or 'junk' folder", "your 'billing' address", the 'standard'
/// delivery): a scare quote there needs no other option and no name of an
/// account's or order's part after it.
fn single_scare(doc: &Document, q: Span) -> bool {
    let after = doc.tokens.partition_point(|t| t.span.start() < q.end());
    let next = if after < doc.tokens.len() { doc.fold(after) } else { "" };
    !matches!(next, "or" | "and" | "vs" | "versus") && !crate::words::among(THINGS_NAMED, next)
}

/// Things a customer's account or order holds, named after a quoted term:
/// your 'billing' address, your 'basic' account.
const THINGS_NAMED: &[&str] = &[
    "address",
    "addresses",
    "account",
    "accounts",
    "details",
    "subscription",
    "card",
    "number",
    "order",
    "orders",
    "profile",
    "password",
    "username",
    "device",
    "router",
    "contract",
    "invoice",
    "statement",
    "booking",
    "ticket",
    "photo",
    "file",
    "files",
    "document",
    "documents",
    "inbox",
    "calendar",
    "contact",
    "contacts",
    "payment",
    "delivery",
    "service",
    "rate",
    "tariff",
    "fare",
    "room",
    "seat",
    "ticket",
    "membership",
];

/// A short lower-case quotation after "your", "so-called" and the like:
/// your "urgent" issue.
fn is_scare_quote(doc: &Document, q: Span) -> bool {
    let from = doc.tokens.partition_point(|t| t.span.start() < q.start());
    let to = doc.tokens.partition_point(|t| t.span.start() < q.end());
    let inside: Vec<usize> = (from..to).filter(|&i| q.contains(doc.tokens[i].span)).collect();
    let Some(&first) = inside.first() else {
        return false;
    };
    // A quoted key or letter ("your 'n' key") scares nothing.
    if inside.len() > 3
        || first == 0
        || doc.tokens[first].is(crate::document::flag::CAP)
        || inside.iter().all(|&i| doc.word(i).len() < 3)
    {
        return false;
    }
    // A file, path or code by its name ("the process called \"setup.exe\"").
    let words = &doc.text[doc.tokens[first].span.start()..doc.tokens[*inside.last().unwrap_or(&first)].span.end()];
    if !words.contains(' ') && words.contains(['.', '/', '\\', '_', ':']) {
        return false;
    }
    let before = doc.fold(first - 1);
    // A state put on the customer in quotes: you're "really upset", you
    // were "shocked".
    // (Not the customer's words reported: "You wrote that you were "sorry
    // to complain"".)
    let reported = || {
        (first.saturating_sub(6)..first).any(|j| {
            doc.tokens[j].sentence == doc.tokens[first].sentence
                && matches!(doc.fold(j), "wrote" | "said" | "say" | "says" | "mentioned" | "told" | "write" | "put")
        })
    };
    let feeling = (matches!(before, "you're" | "youre")
        || (matches!(before, "are" | "were" | "feel" | "felt" | "seem" | "seemed")
            && first >= 2
            && doc.fold(first - 2) == "you"))
        && !reported();
    let lead = crate::words::among(SCARE_LEADS, before)
        || (before == "called" && first >= 2 && doc.fold(first - 2) == "so")
        || feeling;
    let last = *inside.last().unwrap_or(&first);
    let labelled = to < doc.tokens.len() && last + 1 == to && crate::words::among(LABEL_NOUNS, doc.fold(to));
    lead && !labelled && doc.tokens[first - 1].is_agent()
}

// ---------------------------------------------------------------------------
// Mechanisms. Each looks at one sentence of the agent's own words (folded) and
// asks what the words do and at whom they are aimed, not whether a stock
// phrase occurs: a marker of the mechanism ("whole" before a span of time,
// "again" set off by commas, a surprise word in a bare exclamation) plus what
// makes it aimed at the customer. Each returns the token range to flag.
// ---------------------------------------------------------------------------

/// A sentence of the agent's words: token indexes `from..to`, folded words,
/// read once against every marker set (see `rules/markers.rs`).
struct Sentence<'d> {
    from: usize,
    words: &'d [&'d str],
    /// Whether it ends with a question mark.
    question: bool,
    /// Where each marker set's markers start.
    markers: Reading<{ SETS.len() }>,
}

/// The positions of a mask's bits, lowest first.
fn bits(mut mask: u128) -> impl Iterator<Item = usize> {
    std::iter::from_fn(move || {
        let k = mask.trailing_zeros() as usize;
        mask &= mask.checked_sub(1)?;
        Some(k)
    })
}

impl<'d> Sentence<'d> {
    /// Reads `words`, the folded words of `doc`'s tokens from `from` on (at
    /// most [`MAX_WORDS`]: every caller's sentence is shorter), by their keys.
    fn new(doc: &Document, from: usize, words: &'d [&'d str], question: bool) -> Sentence<'d> {
        let mut s = Sentence { from, words: &[], question, markers: Reading::empty(&MARKERS) };
        s.read(doc, from, words, question);
        s
    }

    /// [`Sentence::new`] in place of the sentence this one was: a reading
    /// is over a kilobyte, and the sentences of a draft are read one after
    /// the other into one.
    fn read(&mut self, doc: &Document, from: usize, words: &'d [&'d str], question: bool) {
        debug_assert!(words.len() <= MAX_WORDS, "a sentence read against the markers is at most MAX_WORDS words");
        let n = words.len().min(MAX_WORDS);
        let tokens = &doc.tokens[from..from + n];
        (self.from, self.words, self.question) = (from, words, question);
        self.markers.clear();
        MARKERS.read_keyed(&words[..n], |i| tokens[i].key, |i| tokens[i].fold_head().1, &mut self.markers);
    }

    /// [`Sentence::read`], but only for the sets of [`GATE_CLASSES`]: what
    /// [`may_hold_mechanism`] needs. [`Sentence::read_rest`] reads the
    /// others.
    fn read_gated(&mut self, doc: &Document, from: usize, words: &'d [&'d str], question: bool) -> Rest {
        debug_assert!(words.len() <= MAX_WORDS, "a sentence read against the markers is at most MAX_WORDS words");
        let n = words.len().min(MAX_WORDS);
        let tokens = &doc.tokens[from..from + n];
        (self.from, self.words, self.question) = (from, words, question);
        self.markers.clear();
        MARKERS.read_gated(&words[..n], |i| tokens[i].key, |i| tokens[i].fold_head().1, &mut self.markers)
    }

    /// [`Sentence::read_gated`] from the gate bits of its words (of 64 or
    /// fewer), worked out by the caller.
    fn read_gated_from(
        &mut self,
        doc: &Document,
        from: usize,
        words: &'d [&'d str],
        question: bool,
        starts: GateStarts,
    ) -> Rest {
        let tokens = &doc.tokens[from..from + words.len()];
        (self.from, self.words, self.question) = (from, words, question);
        self.markers.clear();
        MARKERS.read_gated_from(starts, words, |i| tokens[i].key, |i| tokens[i].fold_head().1, &mut self.markers)
    }

    /// Reads the words [`Sentence::read_gated`] left.
    fn read_rest(&mut self, doc: &Document, rest: Rest) {
        let n = self.words.len().min(MAX_WORDS);
        let tokens = &doc.tokens[self.from..self.from + n];
        MARKERS.read_rest(rest, &self.words[..n], |i| tokens[i].key, &mut self.markers);
    }

    /// Whether a marker of `set` is in the sentence.
    fn any(&self, set: Set) -> bool {
        self.markers.at(set) != 0
    }
    /// Position of the first word where a marker of `set` starts.
    fn pos(&self, set: Set) -> Option<usize> {
        self.markers.first(set)
    }
    /// The positions where a marker of `set` starts, as bits.
    fn at(&self, set: Set) -> u128 {
        self.markers.at(set)
    }
}

markers! {
    static MARKERS gated by &GATE_CLASSES, noting STARTING;
    SECOND_PERSON = &["you", "your", "you've", "you're", "you'd", "you'll", "yourself", "yours"];
    APOLOGY_OR_EMPATHY = &[
        "sorry",
        "apologies",
        "apologise",
        "apologize",
        "apologising",
        "apologizing",
        "frustrating",
        "frustrated",
        "understand",
        "understandable",
        "patience",
        "appreciate",
        "bad",
        "mistake",
        "wrong",
    ];
    DURATION = &[
        "second",
        "seconds",
        "minute",
        "minutes",
        "hour",
        "hours",
        "day",
        "days",
        "week",
        "weeks",
        "fortnight",
        "month",
        "months",
        "year",
        "years",
        "morning",
        "afternoon",
        "evening",
        "night",
        "weekend",
    ];
    /// Numbers of things counted: "two" to "twenty".
    NUMBERS_COUNTED = &["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "fifteen", "twenty"];
    /// Vague or single counts: "several", "a", "one".
    NUMBERS_VAGUE = &["several", "multiple", "many", "countless", "numerous", "a", "an", "one"];
    ORDINALS = &[
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "umpteenth",
        "nth",
        "hundredth",
        "millionth",
        "2nd",
        "3rd",
        "4th",
        "5th",
        "6th",
        "7th",
        "8th",
        "9th",
        "10th",
    ];
    CONTACTS = &[
        "message",
        "messages",
        "email",
        "emails",
        "dm",
        "dms",
        "call",
        "calls",
        "ticket",
        "tickets",
        "chat",
        "chats",
        "request",
        "requests",
        "complaint",
        "complaints",
        "voicemail",
        "voicemails",
        "reply",
        "replies",
        "attempt",
        "attempts",
        "tweet",
        "tweets",
        "post",
        "posts",
        "time",
        "log",
        "logins",
        "times",
    ];
    SAYING = &[
        "said",
        "told",
        "mentioned",
        "explained",
        "answered",
        "stated",
        "wrote",
        "replied",
        "covered",
        "pointed",
        "repeated",
        "spelled",
        "spelt",
        "gave",
        "pasted",
        "clarified",
        "confirmed",
        "advised",
        "noted",
        "outlined",
    ];
    REPEAT_MARKERS = &["again", "already", "twice", "repeatedly", "before", "times", "previously", "yet"];
    SURPRISE = &[
        "surprise",
        "surprised",
        "surprising",
        "shock",
        "shocked",
        "shocking",
        "shocker",
        "stunned",
        "mystery",
        "twist",
        "astonishing",
        "astonished",
        "gasp",
        "unexpected",
        "imagine",
        "figure",
        "flabbergasted",
        "gobsmacked",
        "amazed",
    ];
    WARM = &["lovely", "nice", "great", "happy", "pleasant", "good", "welcome", "wonderful", "glad", "thanks", "thank"];
    HYPERBOLE = &[
        "robbery",
        "civilisation",
        "civilization",
        "invasion",
        "hague",
        "cruellest",
        "cruelest",
        "catastrophe",
        "tragedy",
        "disaster",
        "violation",
        "outrage",
        "scandal",
        "atrocity",
        "injustice",
        "apocalypse",
        "crime",
        "ordeal",
        "travesty",
        "calamity",
        "unheard",
    ];
    IRONIC = &["clearly", "obviously", "truly", "totally", "certainly", "naturally", "surely", "definitely"];
    AGREE_OPENERS = &[
        "yes",
        "yeah",
        "right",
        "sure",
        "oh",
        "agreed",
        "totally",
        "absolutely",
        "indeed",
        "ah",
        "naturally",
        "yep",
        "quite",
    ];
    ASSURE = &[
        "i'm sure",
        "im sure",
        "i am sure",
        "i'm confident",
        "i am confident",
        "no doubt",
        "bound to",
        "i bet",
        "i've no doubt",
        "undoubtedly",
        "rest assured",
        "every confidence",
        "i'm certain",
        "surely",
        "obviously",
    ];
    SPECTACLE = &[
        "drop everything",
        "down tools",
        "clear her|his|their diary|schedule|calendar",
        "with a crane",
        "talk of",
        "edge of their seats",
        "lose sleep",
        "stop everything",
        "top-level investigation",
        "top level investigation",
        "jump right on",
        "whole team|department|company|board will|would|are|is",
        "entire team|department|company|board will|would|are|is",
        "first thing tomorrow obviously",
        "personally attend",
        "hold a meeting",
        "emergency meeting",
        "rush out",
        "undivided attention",
        "happily give up",
        "entire grid",
        "ahead of the other",
        "nothing else on",
        "for a third time",
        "give up their",
        "drop what",
        "top priority obviously",
        "a crane",
    ];
    THANKS_WORDS = &["obliged", "thanks", "thank", "cheers", "appreciate", "appreciated", "love", "grateful", "ta"];
    NUISANCE = &[
        "novel",
        "essay",
        "saga",
        "epic",
        "lecture",
        "lesson",
        "sermon",
        "caps",
        "capitals",
        "exclamation",
        "callout",
        "voicemails",
        "copying",
        "thieves",
        "scammers",
        "crooks",
        "abuse",
        "rant",
        "garbage",
        "rubbish",
        "colourful",
        "colorful",
        "liars",
        "clowns",
        "idiots",
        "incompetent",
        "useless",
        "threats",
        "threat",
        "shouting",
        "yelling",
        "swearing",
        "publicly",
        "ultimatum",
    ];
    APOLOGY_WORDS = &["sorry", "apologies", "apologise", "apologize", "apology", "forgive", "pardon", "regret"];
    ABSURD_APOLOGY = &[
        "the part where",
        "must have missed|overlooked|misread|skipped",
        "must have been rewritten|changed",
        "read minds|mind",
        "read your mind",
        "mind readers|reader",
        "psychic",
        "psychics",
        "telepathic",
        "clairvoyant",
        "crystal ball",
        "did exactly what",
        "move the",
        "guess your",
        "can't|cannot|couldn't guess",
    ];
    /// What a mock apology apologises for: the customer's own doing, the
    /// company doing what it announced, an expectation treated as absurd.
    MOCK_APOLOGY_OBJECTS = &[
        "just for you",
        // A standard no product meets, mocked: "sorry our free app isn't
        // perfect enough for you" (read by "oh" before it, until "Oh, I'm
        // so sorry ..." was let be sympathy).
        "perfect enough for you|yourself",
        "good enough for you|yourself",
        "flawless enough",
        "for expecting",
        "for not being able to control",
        "control the weather",
        "the only customer",
        "such an inconvenience",
        "so hard to find",
        "doesn't stretch",
        "does not stretch",
        "date we announced",
        "you gave us",
        "address you gave",
        "exactly as",
        "as advertised",
        "for only",
        "for sending only",
        "only three|two reminders",
        "hire a skywriter",
        "for following your",
        "didn't realise|realize",
        "a lot to expect",
        "too much to expect",
        "for letting you",
        "was supposed to",
        "doesn't yet reach",
        "can't|cannot fix a",
        "for doing what you",
        "for not reading",
        "for not guessing",
        "for not knowing",
    ];

    /// What the customer chose or gave, as a mock apology's object ("Sorry
    /// the car is exactly the one you booked"); said of what we failed to
    /// give ("sorry the room wasn't what you booked") it owns a mistake.
    CHOSEN = &["you typed", "you asked for", "you chose", "you booked"];

    PATIENCE = &[
        "no rush",
        "no hurry",
        "no pressure",
        "take your time",
        "whenever you're|youre ready",
        "whenever you get",
        "in your own time",
        "at your leisure",
        "take all the time",
    ];
    WISH = &[
        "good luck",
        "best of luck",
        "enjoy",
        "fingers crossed",
        "wishing you",
        "hope the",
        "godspeed",
        "here's hoping",
        "may it",
        "all the best with",
        "hope you enjoy",
    ];
    WISH_DIG = &[
        "by hand",
        "from scratch",
        "again",
        "then",
        "kindly",
        "forgiving",
        "steady hand",
        "this side of",
        "nothing goes wrong",
        "with that",
        "this time",
        "nobody",
        "every one of those",
        "promised",
        "everything the",
        "elsewhere",
        "cheaper",
        "yourself",
        "on your own",
        // A send-off to a rival (the eleventh QA pass): "Best of luck
        // finding another provider who does it for free", "hope the
        // competition treats you better" (not "good luck with your new
        // flat").
        "another|better provider|providers|company|supplier|bank|service|airline|network|carrier|insurer|tool|app|platform|broker|retailer|shop|store|vendor|operator|host|firm",
        "the competition",
        "a competitor",
        "our competitors|rivals",
        // "Best of luck finding a provider who can meet your standards"
        // (the twelfth QA pass).
        "who|that can meet|match your standards|expectations",
        // "I hope the next agent meets your impossible expectations" (the
        // session's review).
        "your impossible|unrealistic expectations|standards",
    ];
    READING = &[
        "read",
        "miss",
        "missed",
        "notice",
        "noticed",
        "see",
        "saw",
        "check",
        "checked",
        "scroll",
        "look",
        "looked",
        "open",
        "opened",
        "spot",
        "spotted",
        "understand",
        "realise",
        "realize",
        "click",
        "clicked",
        "try",
        "tried",
        "bother",
        "bothered",
        "reading",
        "checking",
        "unclear",
        "confusing",
    ];
    RHETORIC = &[
        "even",
        "actually",
        "ever",
        "past",
        "too much to ask",
        "so hard",
        "that hard",
        "too hard",
        "unclear",
        "confusing",
        "tend to",
        "at all",
        "which part",
        "what part",
        "seemed to apply",
        "large letters",
        "in bold",
        "or just",
        "you know",
    ];
    MINIMISERS = &[
        "literally labelled|labeled|called|says|named|marked|just",
        "isn't|isnt|not|hardly rocket science",
        "even a child",
        "even a toddler",
        "even a kid",
        "even my",
        "easy peasy",
        "as hard as",
        "only one box",
        "only one button",
        "there is only one",
        "there's only one",
        "pretty basic",
        "very basic",
        "really basic",
        "you'll manage",
        "not rocket science",
        "that's it just",
        "it's that simple",
        "it's that easy",
        "right where it has always been",
        "right where it's always been",
        "where it has always been",
        "not that complicated",
        "not that hard",
        "not that difficult",
        "really not hard",
        "takes two seconds",
        "takes five seconds",
        "takes 2 seconds",
        "all there is to it",
        "nothing more advanced",
        "the entire process",
        "no secret step",
        "second job",
        "for most people",
        "really very simple",
    ];
    END_DIGS = &[
        "for once",
        "believe it or not",
        "no thanks to",
        "wonders never cease",
        "miracle of miracles",
        "of all things",
        "if that's not too much",
        "if it's not too much",
        "shocking as",
        "surprising as",
        "hard as it may",
        "the whole time",
        "all along",
        "as it has always",
        "like everyone else",
        "keeping score",
        "message received",
        "super constructive",
        "very constructive",
        "really constructive",
        "very thorough",
        "most thorough",
        "big ask",
        "poor thing",
        "for sport",
        "for fun",
        "end of the world",
        "for a change",
        "bothered to",
        "had bothered",
        "right this time",
        "correct this time",
        "paid off after all",
        "grave violation",
    ];
    OVER_EXPLAIN = &[
        "as simply as",
        "simplest version",
        "really simple terms",
        "very simple terms",
        "really small steps",
        "very small steps",
        "one syllable",
        "baby steps",
        "first day with",
        "like you're five",
        "like you are five",
        // ("here's a plain-English version" is kind: for you, or this time.)
        "plain english for|this",
        "explain|put|say|spell this|it|that in plain english",
        "spell it out",
        "spell this out",
        "break this down for you",
        "break it down for you",
        "walk you through it like",
        "go slowly",
        "go really slowly",
        "simplest possible",
        "more simply",
        "step by step since",
        "really very simple",
        "go very slowly",
        "nice and slowly",
        "small words",
        // The eleventh QA pass: slowness announced for a written reply
        // ("Let me try this one more time, slowly"), simpler words "this
        // time" or "for you" (not "let me walk you through it step by step").
        "smaller words",
        "shorter words",
        "simpler|easier words this time",
        "simpler|easier words for you",
        // ("we'd never want to dumb this down" is kind: the session's review.)
        "me dumb it|this|that down",
        "i'll|i dumb it|this|that down",
    ];
    PRAISE_IDIOMS = &[
        "takes real skill",
        "credit where it's due",
        "hand it to you",
        "i'll give you that",
        "ill give you that",
        "have to admire",
        "got to admire",
        "gotta admire",
        "brave approach",
        "brave choice",
        "brave move",
        "bold move",
        "bold choice",
        "bold strategy",
        "very observant",
        "top research",
        "gold star",
        "hats off",
        "bravo",
        "impressive detective",
        "detective work",
        "real skill",
        "quite the achievement",
        "quite the feat",
        "quite a feat",
        "nice try",
        "ten out of ten for",
        "genius move",
        "genius idea",
        "a+ for",
        "some skill",
        "truly visionary",
        "a classic",
        "nice move",
        "smooth move",
        "top marks for",
        "quite the talent",
        "10/10 for",
        "full marks for",
        "a for effort",
    ];
    REPROACH = &[
        "already",
        "again",
        "explained",
        "mentioned",
        "stated",
        "faq",
        "manual",
        "next time",
        "worth checking",
        "the whole time",
        "last two",
        "last three",
        "right there",
        "literally",
        "clearly",
        "listed",
        "in the bit",
        "just under",
        "did flash",
        "which is what",
        "as explained",
        "as mentioned",
        "as stated",
        "first page",
        "every statement",
        "on the product page",
        "on the latch",
        "switched off",
        "before you pressed",
        "you typed",
        "you gave",
        "you probably",
        "for future reference",
        "only needs",
        "in red",
        "in bold",
        "just above",
        "just below",
        "three times",
        "twice",
        "which had been",
        "the big",
        "did ring",
        "would be a good start",
        "reminder",
        "reminders",
        "handbook",
        "in bold",
        "you replied",
        "you asked",
        "the whole point",
    ];
    OUR_OWN = &["we", "our", "i", "my", "we've", "i've", "us", "ours"];
    SPEAKER_OR_THANKS = &["me", "i", "my", "i'm", "thanks", "thank"];
    REPEATED_LATELY = &["same", "this month|week|year", "today", "in a row", "again"];
    STRESSED_REPEAT = &["last two|three|four replies|emails|messages", "day before", "same answer", "once more", "more than once", "# times"];
    RESTATING = &["same answer", "spell it out", "the fourth|fifth|sixth|third|tenth|umpteenth time", "yet again", "once again", "say|explain|repeat|put it|this one more time", "for the record", "repeating myself", "repeat myself", "i did say|mention|tell|explain", "what feels like the", "i'll say it again", "hundredth time"];
    RESTATE_VOICES = &["i", "i've", "i'll", "i'm", "i'd", "we've", "myself", "you", "your", "you've", "record"];
    THANK = &["thank", "thanks"];
    AGAIN = &["again"];
    RECENTLY = &["this week|morning", "today", "overnight", "in a row", "from this address", "by my count"];
    BY_MY_COUNT = &["by my count"];
    WE_OUR = &["we've", "we", "our", "i've"];
    /// The agent noticing what the customer went through: "I see you've
    /// contacted us three times".
    NOTICING = &[
        "i|we see|know|understand|notice|realise|realize|appreciate",
        "i|we can see",
        "i'm|we're|im aware",
        "i am aware",
        "we are aware",
    ];
    /// Owning it: "and that's not okay".
    OWNING = &["not okay|ok|acceptable|right|fair", "not good enough", "unacceptable", "shouldn't|should not have"];
    // "Thanks for emailing before you'd even read it", not "Thanks for
    // checking with us before you ordered" (consulted first: sincere).
    IMPOSITION = &["before you'd|you even|read|checked|looked|opened|bothered|tried|actually|ever|had", "before checking|reading|opening|even|looking", "one star", "instead of us", "ever so much", "i suppose", "i guess", "love that you", "message received", "super|very|really constructive"];
    BARBS = &["thorough", "constructive", "received", "subtle"];
    THE_PART_WHERE = &["the part where"];
    MOCK_PITY = &["must be tough|hard|exhausting|awful|difficult|rough", "poor thing", "big ask", "don't mind me", "just sit here", "take as long as you like", "in no hurry at all", "it's not as if", "only closes in", "keep holding", "happy to keep"];
    WISH_OCCASIONS = &["trip", "stay", "holiday", "weekend", "day", "launch", "flight", "new"];
    HARD_TO_MISS = &["hard|difficult|impossible|tough to miss them|those|these|it"];
    LAST_TIMES = &["like|as the last|previous two|three|four|five|six|seven|eight|several|few|many times"];
    /// What the customer goes through in life, which a wish after doing as
    /// they asked is sincerely about ("I've cancelled the session. Hope the
    /// recovery goes well"), not a consequence of their choice.
    /// (Not a trip, a journey or a move: "Enjoy the trip with no internet",
    /// "Good luck with the move to Virgin" stay digs, the reviewer found.)
    LIFE_EVENTS = &["recovery", "surgery", "operation", "treatment", "party", "wedding", "birthday", "celebration", "interview", "exam|exams", "graduation", "retirement", "new arrival", "big day"];
    WISHING = &["i do hope", "here's hoping", "hope", "enjoy", "fingers crossed", "good luck", "best of luck", "wishing"];
    STOCK_WISHES = &["hope this|that|it", "hope to", "hope you|you're|we", "enjoy your|the rest|every", "good luck with your", "best of luck with your", "wishing you", "hope it helps", "hope all"];
    COMPLIED = &["as requested", "as you requested|asked|wanted|insisted", "you insisted", "at your request", "cancelled|canceled|removed|downgraded|deleted|closed|processed|switched", "moved you"];
    SURPRISE_FRAMES = &["who saw that coming", "who could have|'ve guessed|predicted|known", "who could|would possibly have|'ve guessed|predicted|known|foreseen|imagined", "who would have|'ve thought|guessed", "who'd have thought|guessed", "go figure", "who|whoever would|could have|'ve", "who|whoever would|could ever have", "imagine my astonishment|surprise|shock", "plot twist", "well well", "imagine that", "fancy that", "can't|cannot imagine why|how", "what are the odds", "colour|color me"];
    IRONIC_FRAME_WORDS = &["truly", "quite", "big", "sure", "there", "really", "gosh", "wow", "well", "oh", "such", "shocker", "stunned", "gasp", "colour", "color"];
    TEAM_HEROICS = &["expect them out with", "will down tools", "will drop everything", "clear her|his diary"];
    /// "Did you think the meter would keep sending readings unplugged?"
    DID_YOU_THINK = &["did you think|expect|imagine|assume|suppose"];
    RHETORICAL_QUESTIONS = &["which|what part of that", "were you listening", "at any point", "ring any bells", "ring a bell", "was the word", "is the word", "too much to ask", "what about", "did you read past", "had you noticed", "bothered reading", "skipped|skimmed over"];
    /// "weren't convenient enough for you": the customer's standard, mocked.
    ENOUGH_FOR_YOU = &["enough for you|yourself", "enough for someone|somebody with|of|like your|yourself|you", "quite up to your"];
    /// "a billing expert like yourself": mock deference.
    /// ("a professional like yourself" is sales talk, not mockery.)
    EXPERT_LIKE_YOU = &["expert|experts|connoisseur|genius|guru like yourself", "someone|somebody of your importance|calibre|caliber"];
    /// Announcing a slow explanation: "Let me try this one more time,
    /// slowly" (not "try entering the PIN again slowly").
    SLOWLY = &["time slowly", "again slowly"];
    /// "Did you happen to read the email?"
    HAPPEN_TO_READ = &["happen|happened to read"];
    /// "not sure why this needed three phone calls".
    WHY_IT_TOOK = &["why this|it|that needed|took|required|needs|takes|requires"];
    /// A sentence opened by feigned surprise: "Shocking that ...".
    SURPRISE_OPENERS = &["shocking|surprising|astonishing|stunning that|how", "astonishingly", "shockingly", "unsurprisingly", "predictably"];
    NEXT_TIME = &["this time", "next time", "in future", "the first time round|around"];
    /// The obvious made big, in a mock apology for its not being seen:
    /// "Sorry if the giant red SOLD OUT banner wasn't clear enough".
    MADE_BIG = &["giant", "large print|letters|type", "bold letters|print|type", "big bold", "big red", "bright red", "flashing", "in capitals", "capital letters", "huge", "enormous", "massive"];
    NOT_SEEN = &["clear|obvious|visible|big|bold|noticeable|prominent|large enough", "hard to see|spot|miss|find|read|notice", "confused by"];
    REPROACH_HEDGES = &["maybe", "perhaps", "actually", "don't", "worth", "suggest", "try", "remember"];
    AGENT_VOICE = &["we", "we'll", "i'll", "we're", "i'm", "sorry"];
    OF_COURSE = &["of course"];
    MOCK_ADMISSIONS = &["because we love|enjoy|adore", "we obviously|clearly", "obviously our fault", "clearly our fault", "we secretly", "specifically to inconvenience|annoy|upset", "purely|solely|just to ruin|spite|annoy|upset|inconvenience|frustrate your", "worst thing that", "ever devised", "ever happened to anyone"];
    /// "in", "within", "over" before a span of time.
    WITHIN = &["in", "within", "over"];
    NUMBER = &["number"];
    /// What is not a contact after a count: "two call-out fees".
    NOT_CONTACTS = &["out", "fee", "fees", "charge", "back", "centre", "center"];
    ONLY_WAITED = &["only been|taken|waited"];
    ONLY_BEEN = &["only been"];
    WHOLE = &["whole", "entire"];
    TIMES = &["time", "times"];
    /// (With what we failed at or put right, the second review of session
    /// 32: "... the delivery window you chose yourself was missed by our
    /// driver; we'll redeliver tomorrow".)
    OUR_MISTAKE = &["mix-up", "mixup", "mix up", "mistake", "error", "wrong", "delay", "damage", "damaged", "fault", "confusion", "missing", "broken", "faulty", "incorrect", "missed by", "redeliver", "replacement"];
    /// "made our day": a dig after an imposition counted or named
    /// ("Seventeen tickets overnight, that made my day"), warm thanks
    /// otherwise ("thanks for the photos, they made my day").
    MADE_OUR_DAY = &["made our|my day|monday|morning|week"];
    COUNTED_MORE = &["thirteen", "fourteen", "sixteen", "seventeen", "eighteen", "nineteen", "thirty", "forty", "fifty", "hundred", "dozen", "again", "every"];
    /// A number: one or more ASCII digits (a folded word is never a literal `#`).
    DIGITS = &["#"];
    /// Openers of mock enthusiasm: "Yay, SIM swap number five this month!"
    ENTHUSE_OPENERS = &[
        "yay",
        "fantastic",
        "amazing",
        "exciting",
        "wonderful",
        "brilliant",
        "lovely",
        "marvellous",
        "splendid",
        "hooray",
        "woohoo",
    ];
    IRONIC_FRAMES = &IRONIC_FRAME_PATTERNS;
    /// Frames of mock wonder or mock obviousness about a cause: "I wonder
    /// why ...", "Funny how ...", "Of course ...".
    OBVIOUS_CAUSE = &["i wonder why|how", "funny|strange|odd how", "go figure", "of course", "naturally", "obviously", "unsurprisingly", "predictably", "clearly"];
    /// Trouble that befell the customer's thing.
    TROUBLE = &[
        "stopped", "crashed", "broke", "broken", "failed", "died", "leaked", "melted", "shrank", "shrunk", "faded",
        "cracked", "jammed", "froze", "frozen", "overheated", "tore", "torn", "ripped", "bounced", "declined",
        "expired", "rejected", "missing", "lost", "defrosted", "stained", "flooded", "dead", "locked", "blocked",
        "didn't|doesn't|won't|wouldn't|didnt|doesnt|wont work", "went wrong",
    ];
    /// Congratulations on a misfortune: "Congratulations on collecting
    /// your fourth parking penalty" (the ninth batch's tuning half).
    CONGRATS_ON = &["congratulations|congrats on"];
    MISFORTUNE = &["penalty", "penalties", "fine", "fines", "strike", "suspension", "ban", "overdraft", "offence", "violation", "parking|speeding ticket", "late fee|fees", "no-show", "missed"];
    /// What turns it sincere: "congratulations on clearing your overdraft".
    OVERCOME = &["clearing", "paying", "settling", "avoiding", "beating", "overturning", "appeal", "appealing", "cleared", "lifted", "free"];
    /// A child or an elder the customer is measured against: "my 7-year-old
    /// nephew sets these up in about two minutes".
    KIN = &["nephew", "niece", "kid", "kids", "son", "daughter", "grandmother", "grandma", "granny", "nan", "nana", "toddler", "child", "children", "grandson", "granddaughter", "grandad", "grandpa"];
    IN_NO_TIME = &["in #|two|three|five|ten|thirty seconds|minutes", "in about|under|around #|two|three|five|ten|thirty seconds|minutes", "in a minute|second|jiffy", "in seconds", "with her|his|their eyes closed", "half asleep", "on her|his|their own", "by herself|himself|themselves"];
    /// A question about an absurd expectation: "Were you expecting the
    /// software to keep running on goodwill alone?"
    EXPECTING = &["were|are|did|do you expect|expecting|think|imagine|hoping|hope|assume"];
    ABSURD = &["alone", "magically", "magic", "itself", "themselves", "miracle", "forever", "thin air", "goodwill"];
    /// Session 32's gates: a word each of its readings needs, read with the
    /// sentence's other markers, so a sentence without it is passed over
    /// by one test of a bit instead of a scan of its words.
    NEGATED_COPULA = &["isn't", "wasn't", "aren't", "weren't", "isnt", "wasnt"];
    SHOWN = &["shows", "shown", "printed", "displayed", "listed", "posted", "written", "signposted", "appears", "stated"];
    SINCE_LAST = &["since the last"];
    DEDICATION = &["dedication", "persistence", "determination", "tenacity", "perseverance"];
    IN_FACT_ASIDE = &["in fact", "as it turns|turned out"];
    MOST = &["most", "majority"];
    CONGRATS = &["congratulations", "congrats", "well done"];
    JUST_PROMISE = &["i'll|we'll|ill just|personally"];
    CAME_AS = &["came as"];
    /// A search made grand (session 32): "an extensive, multi-day
    /// investigation", "made a breakthrough", "spoiler alert".
    DRAMA = &["breakthrough", "spoiler alert", "drumroll", "drum roll", "brace yourself", "big reveal", "the culprit", "extensive|exhaustive|painstaking|intensive|multi-day|rigorous|forensic investigation|inquiry|enquiry|analysis|search"];
    /// What befalls people, not things, guessed for the customer's thing:
    /// "Perhaps it's been kidnapped".
    ABSURD_FATE = &["kidnapped", "abducted", "taken|held hostage", "eloped"];
    GUESSES = &["perhaps", "maybe", "possibly", "presumably", "probably", "must have"];
    /// "easy to overlook": what the customer missed called easy to miss.
    EASY_TO_MISS = &["easy to overlook|miss|ignore|forget"];
    /// Understanding claimed with a smile: "I'm sure", "I suppose".
    SURE_HEDGES = &["i'm|im sure", "i suppose", "i guess", "i imagine", "no doubt"];
    /// Our messages to the customer, many of them.
    OUR_REMINDERS = &["reminders", "emails", "e-mails", "letters", "notices", "warnings", "texts", "messages", "alerts", "signs", "banners", "notifications"];
}

const SMUG_EMOJI: &[char] = &['🙂', '😊', '🙃', '😉', '🙄', '😒', '😅', '😏', '🤷', '😬', '👍', '☺'];
/// Emoji that are passive-aggressive in a reply whatever the words.
const BARBED_EMOJI: &[char] = &['🙃', '🙄', '😒'];

/// Words before "again" that make it warm: "thanks again", "thank you
/// again", "sorry again", "welcome again".
const WARM_BEFORE_AGAIN: &[&str] =
    &["thanks", "thank", "you", "sorry", "apologies", "welcome", "congratulations", "congrats"];

/// Ironic frames that carry the mechanism on their own in a reply to a
/// customer: blame by irony ("funny how ..."), ironic understatement of the
/// customer's mistake ("a slight hiccup"), condescending reminders ("as
/// you'll no doubt remember"), mock enthusiasm ("never gets old"), mock
/// sympathy ("our thoughts are with you"), feigned surprise ("you're
/// telling me").
const IRONIC_FRAME_LIST: &[(&str, &str)] = &[
    ("funny|strange|odd|curious|interesting|incredible|amazing|remarkable how", BLAME_M),
    ("funny|strange|odd|curious|interesting|incredible|amazing|remarkable that the", BLAME_M),
    ("strange twist of fate", BLAME_M),
    ("small|slight|minor|teeny|tiny|wee|little discrepancy|oversight|hiccup|mix-up|omission|slip|muddle", UNDER_M),
    ("perhaps|maybe|possibly|arguably not ideal", UNDER_M),
    ("somewhat important|significant|relevant", UNDER_M),
    ("a smidge", UNDER_M),
    ("only slightly baffled|confused|surprised", UNDER_M),
    ("no doubt remember|know|recall", REMIND_M),
    ("as you'll know|remember|recall", REMIND_M),
    ("about the simplest thing", MINIMISE_M),
    ("as every|any player|customer|user|traveller|traveler|driver knows|agrees", REMIND_M),
    ("gently point out|remind", REMIND_M),
    ("exists for precisely", REMIND_M),
    ("seasoned|experienced traveller|traveler|customer|user|driver", REMIND_M),
    ("for whatever that's worth", REMIND_M),
    ("refreshing change", REMIND_M),
    ("never gets old", ENTHUSE_M),
    ("highlight of my day|week", ENTHUSE_M),
    ("personal best", ENTHUSE_M),
    ("keeping me busy", ENTHUSE_M),
    ("thrilled to be looking", ENTHUSE_M),
    ("test of endurance", PATIENCE_M),
    ("deep breaths", PATIENCE_M),
    // The agent's own patience announced (the eleventh QA pass): "I'll try
    // to stay patient here".
    ("i'll|i try to stay|remain|keep patient|calm", PATIENCE_M),
    ("felt like forever", PATIENCE_M),
    ("very brave", PATIENCE_M),
    ("we know we know", PATIENCE_M),
    ("i know i know", PATIENCE_M),
    ("you're telling me", SURPRISE_M),
    ("never heard that one", SURPRISE_M),
    ("you'll never guess", SURPRISE_M),
    ("astonishing i know", SURPRISE_M),
    ("shocking i know", SURPRISE_M),
    ("we've|i've covered this", REPEAT_M),
    ("further up this", REPEAT_M),
    ("round the loop", REPEAT_M),
    ("with feeling", REPEAT_M),
    ("looks a lot like the one", REPEAT_M),
    ("said exactly this", REPEAT_M),
    ("lost count", COUNT_M),
    ("hat-trick", COUNT_M),
    ("hat trick", COUNT_M),
    ("just so we're on the same page", EXPLAIN_M),
    ("quick refresher on", EXPLAIN_M),
    ("as demanding as", MINIMISE_M),
    ("technical skill", MINIMISE_M),
    ("every faith you", MINIMISE_M),
    ("no step two", MINIMISE_M),
    ("unaided", MINIMISE_M),
    ("my nan|gran|grandma|granny|grandad|nephew|niece|toddler", MINIMISE_M),
    ("eight-year-old|five-year-old|six-year-old", MINIMISE_M),
    ("you've got us", AGREE_M),
    ("didn't think to", APOLOGY_M),
    ("terrible oversight", APOLOGY_M),
    ("should have seen that coming", APOLOGY_M),
    ("bigger letters", APOLOGY_M),
    ("a long way in", APOLOGY_M),
    ("every other order|customer|ticket|patient", ASSURE_M),
    ("downed tools", ASSURE_M),
    ("reorganise|reorganize|rearrange the whole", ASSURE_M),
    ("heroic effort", ASSURE_M),
    ("will of course be", ASSURE_M),
    ("keep the doors open", ASSURE_M),
    ("just throwing this out there", QUESTION_M),
    ("genuine question", QUESTION_M),
    ("out of interest what did you", QUESTION_M),
    ("or was it more of", QUESTION_M),
    // The ninth QA pass: the customer's reading praised with a wink ("all
    // the emails you clearly read so carefully"); explaining down "in small
    // words". (Praise of what the customer managed, and "like the last
    // few times", are as often sincere: the reviewer's cases.)
    ("clearly|obviously|evidently read so carefully|closely|thoroughly|diligently", MOCK_M),
    ("in|using small|tiny|little words", EXPLAIN_M),
];

/// The ironic frames' patterns, in order: the marker set `IRONIC_FRAMES`.
const IRONIC_FRAME_PATTERNS: [&str; IRONIC_FRAME_LIST.len()] = {
    let mut out = [""; IRONIC_FRAME_LIST.len()];
    let mut i = 0;
    while i < out.len() {
        out[i] = IRONIC_FRAME_LIST[i].0;
        i += 1;
    }
    out
};

/// Every mechanism's finding in one sentence, as (first, last) token index.
///
/// Returns the tokens whose gap holds an "other" mark (see
/// [`single_quotes`]), in order.
fn mechanisms(doc: &Document, out: &mut Vec<Finding>, mut starting: impl FnMut(usize)) -> Vec<usize> {
    let n = doc.tokens.len();
    // The folded words of the sentence the gate lets through, and those its
    // mechanisms may read (see [`Words`]), listed for it alone.
    let (mut sentence_words, mut window) = (Vec::new(), Vec::new());
    // Whether the draft holds only ASCII, and so no emoji: asked once of
    // the whole draft rather than of each sentence its reading reaches the
    // end of (a test of a sentence's bytes, whose loop ends where the
    // sentence does: about 2.7 k mispredicted per 10,000 words).
    let ascii = doc.text.is_ascii();
    // Whether a memo keeps the readings: it is then asked of every
    // sentence, read or not.
    let memo = crate::rules::memo::installed();
    let (tokens, index) = (&doc.tokens, &**MARKERS);
    let mut others = Vec::new();
    // The gate's bits of each word of a sentence, and its first byte (see
    // [`GateWords::of_bytes`]).
    let (mut kinds, mut firsts) = ([0; 64], [0; 64]);
    let mut i = 0;
    while i < n {
        let sentence = tokens[i].sentence;
        let mut j = i;
        // The flags of any of its tokens: most sentences hold no quoted word.
        let mut any = crate::tokens::Flags::NONE;
        // And the gaps: most hold no "other" mark.
        let mut gaps = crate::tokens::Gaps::NONE;
        // The words that may start a marker of the gate's sets, worked
        // out from this pass over the sentence's tokens rather than in one
        // of the reading's own, whose end is the sentence's too (a branch
        // no predictor learns on new text). (Bytes past a sentence's 64th
        // word mean nothing.)
        let mut or = 0;
        for (at, t) in tokens[i..].iter().enumerate() {
            if t.sentence != sentence {
                break;
            }
            any |= t.flags;
            gaps |= t.gap;
            let kind = index.gate_kind(t.key);
            or |= kind;
            (kinds[at % 64], firsts[at % 64]) = (kind as u8, t.fold_head().1);
            j += 1;
        }
        let gate = GateWords::of_bytes(&kinds, &firsts, (j - i).min(64), or);
        // (Not borrowed by the readers below: kept in a register above.)
        let j = j;
        if gaps.has(gap::OTHER) {
            others.extend((i..j).filter(|&k| tokens[k].gap_has(gap::OTHER)));
        }
        // The words [`check`]'s three readings start from, told by the
        // gate's bits: of a sentence over 64 words, by a pass of their own.
        if j - i <= 64 {
            bits(u128::from(gate.noted())).for_each(|k| starting(i + k));
        } else {
            (i..j).filter(|&k| index.may_be_noted(tokens[k].key)).for_each(&mut starting);
        }
        // Handles at the start of a social reply are not part of the sentence.
        let mut start = i;
        while start < j && tokens[start].is(flag::LINK) {
            start += 1;
        }
        let unquoted = || !any.has(flag::QUOTED) || tokens[start..j].iter().all(|t| !t.is(flag::QUOTED));
        // One word alone ("a!!") carries no mechanism; long runs without a
        // sentence break are not prose a rule can read.
        if start + 1 < j && j - start <= MAX_SENTENCE && unquoted() {
            let question = tokens[j - 1].gap_has(gap::QUESTION);
            // (A sentence of over 64 words is read whole; one whose
            // handles make it longer works its bits out again.)
            let starts =
                (j - i <= 64).then(|| index.gate_starts(gate.of(start - i, j - start), |k| tokens[start + k].key));
            // A sentence whose words may start no marker that would let it
            // through (none at all, or one that needs another beside it),
            // and that fails the tests needing no marker, is passed over
            // with no reading at all.
            if !memo && starts.is_some_and(|starts| !may_pass(doc, starts, start, j, question, ascii)) {
                debug_assert_eq!(
                    {
                        let mut list = Vec::new();
                        let words = Words::list(doc, &mut list, start, j);
                        read_mechanisms(
                            doc,
                            words,
                            &Sentence::new(doc, start, words.slice(start..j), question),
                            j,
                            ascii,
                            &mut false,
                        )
                    },
                    None,
                    "a sentence passed over unread"
                );
                i = j;
                continue;
            }
            let mut read = || {
                sentence_words.clear();
                sentence_words.extend((start..j).map(|k| doc.fold(k)));
                let mut s = Sentence { from: start, words: &[], question, markers: Reading::empty(&MARKERS) };
                // Read for the gate's sets; for the others only where a
                // mechanism may be. (Debug builds read every sentence
                // passed over whole, and check it holds none.)
                let rest = match starts {
                    Some(starts) => s.read_gated_from(doc, start, &sentence_words, question, starts),
                    None => s.read_gated(doc, start, &sentence_words, question),
                };
                if !may_hold_mechanism(doc, &s, j, ascii) {
                    debug_assert_eq!(
                        read_mechanisms(
                            doc,
                            Words::list(doc, &mut Vec::new(), start, j),
                            &Sentence::new(doc, start, s.words, s.question),
                            j,
                            ascii,
                            &mut false
                        ),
                        None,
                        "a sentence passed over"
                    );
                    return (None, false);
                }
                s.read_rest(doc, rest);
                let mut looked_behind = false;
                let words = Words::list(doc, &mut window, start, j);
                let reading = read_mechanisms(doc, words, &s, j, ascii, &mut looked_behind);
                (reading, looked_behind)
            };
            let found = crate::rules::memo::with_memo(|memo| match memo {
                Some(memo) => memo.get_or_insert(doc, start, j, read),
                None => read().0,
            });
            if let Some((mut a, mut b, message)) = found {
                // The greeting ("Hi Priya, ...") is not part of the dig.
                // Read from the sentence alone: a rule that runs chunk by
                // chunk knows nothing of the draft's greeting.
                if a == 0 && crate::words::among(crate::document::GREETING_WORDS, doc.fold(start)) {
                    if let Some(k) = (start..(start + 4).min(j)).find(|&k| doc.tokens[k].gap_has(gap::COMMA)) {
                        if k + 1 - start < b {
                            a = k + 1 - start;
                        }
                    }
                }
                // What follows a colon is the content, not the dig.
                if let Some(k) = (a..b).find(|&k| doc.tokens[start + k].gap_has(gap::COLON)) {
                    b = k;
                }
                let span = doc.tokens[start + a].span.cover(doc.tokens[start + b].span);
                out.push(Finding::new(Cue::Sarcasm, Some(span)).with_message(message));
            }
        }
        i = j;
    }
    others
}

/// Exasperation acted out at the customer (the set sarcasm-i):
/// "Okay. *sigh* Liam, the password is on the card", "*rolls eyes*",
/// "*heavy sigh*", "Sigh." alone. A sigh in prose is no act ("I know, sigh,
/// Mondays" is not starred, nor a sentence of its own). ("Who knew!" alone
/// was tried: the eleventh pass's "Who knew? Glad the tip helped!" is warm.)
///
/// Reads token `k`: [`check`] passes each word of the draft in one pass.
fn exasperation(doc: &Document, k: usize, out: &mut Vec<Finding>) {
    let t = &doc.tokens[k];
    if !SIGH_BITS.may_hold(t.key) || !t.is_agent() {
        return;
    }
    let text = doc.text.as_bytes();
    let n = doc.tokens.len();
    // Whether tokens `a..=b` stand between asterisks: "*sigh*".
    let starred = |a: usize, b: usize| {
        let (from, to) = (doc.tokens[a].span.start(), doc.tokens[b].span.end());
        from > 0 && text[from - 1] == b'*' && text.get(to) == Some(&b'*')
    };
    let same_sentence = |a: usize, b: usize| doc.tokens[a].sentence == doc.tokens[b].sentence;
    let found = match doc.fold(k) {
        "sigh" | "sighs" => {
            let lead = k > 0
                && same_sentence(k - 1, k)
                && matches!(doc.fold(k - 1), "heavy" | "deep" | "big" | "long" | "loud")
                && starred(k - 1, k);
            let alone = t.is(flag::SENT_START) && t.gap_has(gap::BREAK);
            if lead {
                Some((k - 1, k, SIGH_M))
            } else if starred(k, k) || alone {
                Some((k, k, SIGH_M))
            } else {
                None
            }
        }
        "facepalm" | "facepalms" | "eyeroll" if starred(k, k) => Some((k, k, SIGH_M)),
        // "Noted. Anyway.": the customer's point brushed aside, a
        // sentence of its own (the tenth batch's tuning half; "Anyway,
        // I've booked it" goes on).
        // (Not before thanks: "Anyway. Thank you again for ten
        // wonderful years", the session's review.)
        // (Only after a curt acknowledgement on its line, "Noted.",
        // "Okay.": not after "I'm sorry again for the trouble.", the
        // stress test.)
        "anyway" | "anyhow"
            if t.is(flag::SENT_START)
                && t.gap_has(gap::BREAK)
                && !(k + 1 < n && matches!(doc.fold(k + 1), "thank" | "thanks"))
                && k > 0
                && !doc.tokens[k - 1].gap_has(gap::NEWLINE)
                && matches!(doc.fold(k - 1), "noted" | "okay" | "ok" | "right" | "fine" | "sure" | "whatever")
                && (k < 2 || doc.tokens[k - 2].gap_has(gap::BREAK | gap::NEWLINE) || doc.fold(k - 2) == "well") =>
        {
            Some((k, k, DISMISS_M))
        }
        // "*deep breath*" (the tenth batch's tuning half).
        // (An act of its own, opening a sentence: not "our app's *Deep
        // Breath* session", the session's review; "*takes a deep
        // breath*" and "*Deep breath.*" too.)
        "breath" | "breaths"
            if k > 0 && same_sentence(k - 1, k) && matches!(doc.fold(k - 1), "deep" | "big" | "long") =>
        {
            let taken = k >= 3
                && same_sentence(k - 3, k)
                && doc.fold(k - 2) == "a"
                && matches!(doc.fold(k - 3), "takes" | "taking" | "take")
                && doc.tokens[k - 3].is(flag::SENT_START);
            let from = if taken { k - 3 } else { k - 1 };
            // Starred, the closing star after a full stop too: "*Deep breath.*".
            let to = doc.tokens[k].span.end();
            let closed =
                text.get(to) == Some(&b'*') || (text.get(to) == Some(&b'.') && text.get(to + 1) == Some(&b'*'));
            let opened = doc.tokens[from].span.start() > 0 && text[doc.tokens[from].span.start() - 1] == b'*';
            (doc.tokens[from].is(flag::SENT_START) && opened && closed).then_some((from, k, SIGH_M))
        }
        "rolls" | "roll" if k + 1 < n && doc.fold(k + 1) == "eyes" && same_sentence(k, k + 1) && starred(k, k + 1) => {
            Some((k, k + 1, SIGH_M))
        }
        _ => None,
    };
    if let Some((a, b, message)) = found {
        out.push(Finding::new(Cue::Sarcasm, Some(doc.tokens[a].span.cover(doc.tokens[b].span))).with_message(message));
    }
}

/// Whether a sentence that counts contacts states an allowance, not what
/// the customer did: a plan's quota ("On the Business plan you get 1,000
/// requests per minute", "you can make 100 calls a month") or what is left
/// of it ("you've made 3 requests this month, so 2 remain on your plan").
/// (The eighth QA pass's false alarm on a rate limit.)
fn allowance(s: &Sentence, contacts: u128) -> bool {
    let w = s.words;
    // What the customer did is counted, not allowed: "you've sent us five
    // emails today, so you can imagine ..." (the reviewer's cases).
    if w.iter().any(|w| matches!(*w, "you've" | "youve" | "you'd" | "already" | "again"))
        || w.windows(2).any(|p| matches!(p, ["you", "have" | "had"]))
    {
        return false;
    }
    // A rate: "requests per minute", "calls per month".
    let rate = bits(contacts).any(|k| {
        w.get(k + 1) == Some(&"per") && w.get(k + 2).is_some_and(|u| DURATION_WORDS.contains(u) || *u == "workspace")
    });
    rate || w.iter().any(|w| matches!(*w, "quota" | "allowance" | "included" | "includes" | "entitled"))
        || w.windows(2).any(|p| matches!(p, ["you" | "you'll", "get"] | ["you", "can"]))
}

/// Units of time a rate is given in ("per minute").
const DURATION_WORDS: &[&str] = &["second", "minute", "hour", "day", "week", "month", "year"];

/// How many words before a sentence a reading may look at (what the
/// customer asked for, just carried out: "Downgraded as requested.").
pub(crate) const LOOK_BEHIND: usize = 60;

/// The longest sentence the readers read (a longer run without a sentence
/// break is not prose a rule can read), in words.
const MAX_SENTENCE: usize = 80;

// Every sentence the readers build is read against the markers whole: word
// positions are the bits of a `u128`.
const _: () = assert!(MAX_SENTENCE <= MAX_WORDS && LOOK_BEHIND <= MAX_WORDS);

/// The sentence from token `from` on (`words`: the draft's folded words
/// there), at most [`MAX_SENTENCE`] words of it.
fn sentence_after<'d>(doc: &Document, words: Words<'d>, from: usize) -> Option<Sentence<'d>> {
    let j = sentence_end(doc, from)?;
    Some(Sentence::new(doc, from, words.slice(from..j), doc.tokens[j - 1].gap_has(gap::QUESTION)))
}

/// The folded words of a stretch of the draft, by their tokens' places:
/// those a reading of a sentence may look at (the [`LOOK_BEHIND`] words
/// before it, the sentence, the one after it). Listed only for the
/// sentences the gate lets through (66 of the 10,143 words' 859, 36 of
/// them for their mechanisms), not for every word of every draft (about
/// 13 instructions a word): about 56 k instructions fewer per 10,143
/// words, 1.9 k per reply of 150, the gate's tests reading the tokens'
/// folds instead.
#[derive(Clone, Copy)]
struct Words<'d> {
    /// The place of the first word listed.
    from: usize,
    list: &'d [&'d str],
    /// How many tokens the draft has.
    n: usize,
}

impl<'d> Words<'d> {
    /// The words a reading of the sentence of tokens `start..end` may look
    /// at, listed in `buf`.
    fn list<'b>(doc: &'b Document, buf: &'d mut Vec<&'b str>, start: usize, end: usize) -> Words<'d> {
        let from = start.saturating_sub(LOOK_BEHIND);
        let to = sentence_end(doc, end).unwrap_or(end);
        buf.clear();
        buf.extend((from..to).map(|k| doc.fold(k)));
        Words { from, list: buf, n: doc.tokens.len() }
    }

    /// The word of token `k`, if the draft has one.
    fn get(self, k: usize) -> Option<&'d &'d str> {
        debug_assert!(k >= self.from && (k < self.from + self.list.len() || k >= self.n), "word {k} not listed");
        self.list.get(k - self.from)
    }

    /// The words of tokens `r`.
    fn slice(self, r: std::ops::Range<usize>) -> &'d [&'d str] {
        &self.list[r.start - self.from..r.end - self.from]
    }
}

/// Where the sentence from token `from` on ends, at most [`MAX_SENTENCE`]
/// words on: the words [`sentence_after`] reads (none past the last token).
fn sentence_end(doc: &Document, from: usize) -> Option<usize> {
    let n = doc.tokens.len();
    if from >= n {
        return None;
    }
    let sentence = doc.tokens[from].sentence;
    let mut j = from;
    while j < n && doc.tokens[j].sentence == sentence && j - from < MAX_SENTENCE {
        j += 1;
    }
    Some(j)
}

/// Talking down to the customer about their difficulty, each aimed by its
/// sentence:
/// - "why you're struggling with something so simple": a step called
///   trivial beside the customer's trouble with it (not "something so
///   simple caused trouble on our side");
/// - "it really isn't that hard to find": a step's difficulty denied (a
///   step: "to" after it, or "you" in the sentence), without reassurance ("don't worry, it isn't that hard, I'll walk you
///   through it");
/// - "let me explain it slowly this time": our explaining slowed down,
///   "this time" (not the customer asked to type slower).
///
/// Reads token `k`: [`check`] passes each word of the draft in one pass.
fn condescension(doc: &Document, k: usize, out: &mut Vec<Finding>) {
    let key = doc.tokens[k].key;
    if !START_BITS.may_hold(key) || !STARTS.contains(&key) || !doc.tokens[k].is_agent() {
        return;
    }
    let n = doc.tokens.len();
    let sentence = doc.tokens[k].sentence;
    let w = |j: usize| {
        if j < n && doc.tokens[j].sentence == sentence && doc.tokens[j].is_agent() {
            doc.fold(j)
        } else {
            ""
        }
    };
    // The sentence's bounds around token `k`, found only when a reading
    // needs them. (At most 30 words either side: a draft of one endless
    // sentence stays linear.)
    let bounds = |k: usize| {
        let lo = k.saturating_sub(30);
        let from = (lo..k).rev().take_while(|&j| doc.tokens[j].sentence == sentence).last().unwrap_or(k);
        let hi = (k + 30).min(n);
        (from, (k..hi).find(|&j| doc.tokens[j].sentence != sentence).unwrap_or(hi))
    };
    let any = |k: usize, f: &dyn Fn(&str) -> bool| {
        let (from, to) = bounds(k);
        (from..to).any(|j| f(w(j)))
    };
    let span = |a: usize, b: usize| doc.tokens[a].span.cover(doc.tokens[b].span);
    // "something so simple", "something this basic".
    if MINIMISED.contains(&w(k))
        && matches!(w(k + 1), "so" | "this")
        && matches!(w(k + 2), "simple" | "basic" | "easy" | "straightforward")
    {
        let trouble = any(k, &|x| {
            matches!(
                x,
                "struggling"
                    | "struggle"
                    | "struggled"
                    | "confused"
                    | "stuck"
                    | "trouble"
                    | "difficulty"
                    | "manage"
                    | "managed"
                    | "failing"
                    | "failed"
                    | "can't"
                    | "cannot"
                    | "couldn't"
            )
        });
        if trouble && any(k, &|x| matches!(x, "you" | "you're" | "you've" | "youre")) {
            out.push(Finding::new(Cue::Sarcasm, Some(span(k, k + 2))).with_message(MINIMISE_M));
        }
    }
    // "it really isn't that hard": read back from "hard" to its
    // subject, "it", "this" or "that", through "isn't" or "is not"
    // (and "really" before it).
    if DENIED.contains(&w(k)) && k >= 3 && w(k - 1) == "that" {
        let v = match w(k - 2) {
            "isn't" | "isnt" => Some(k - 2),
            "not" if w(k - 3) == "is" => Some(k - 3),
            _ => None,
        };
        let subject = v.and_then(|v| v.checked_sub(if v >= 1 && w(v - 1) == "really" { 2 } else { 1 }));
        if let Some(s) = subject.filter(|&s| matches!(w(s), "it" | "this" | "that")) {
            if !any(s, &|x| matches!(x, "worry" | "walk" | "guide" | "help" | "show" | "happy" | "glad"))
                // A step of the customer's: "... to find", or "you" in the sentence.
                && (w(k + 1) == "to" || any(s, &|x| matches!(x, "you" | "your" | "you're")))
            {
                out.push(Finding::new(Cue::Sarcasm, Some(span(s, k))).with_message(MINIMISE_M));
            }
        }
    }
    // "explain it slowly this time"; "Let me explain this slowly." ending
    // its clause (the ninth QA pass; not "slowly over the phone").
    let this_time = w(k + 1) == "this" && w(k + 2) == "time";
    let ends = k + 1 >= n || doc.tokens[k + 1].sentence != sentence || doc.tokens[k].gap_has(gap::CLAUSE);
    if SLOWED.contains(&w(k)) && (this_time || ends) {
        let end = if this_time { k + 2 } else { k };
        let from = bounds(k).0;
        let speaker = (from..k).rev().take(5).find(|&j| {
            matches!(w(j), "explain" | "say" | "put" | "repeat" | "spell" | "tell" | "write" | "type")
                && !(w(j) == "type" || j > from && w(j - 1) == "you")
        });
        // (Ending its clause, only as "let me explain this slowly": "our
        // engineer will explain everything slowly" is kind, the
        // reviewer found.)
        let let_me = |j: usize| j >= from + 2 && w(j - 2) == "let" && w(j - 1) == "me";
        if let Some(j) = speaker.filter(|&j| this_time || let_me(j)) {
            out.push(Finding::new(Cue::Sarcasm, Some(span(j, end))).with_message(EXPLAIN_M));
        }
    }
}

const MOCK_M: &str = "This can read as mocking the customer. Say plainly what you mean.";
const REPEAT_M: &str =
    "Stressing that you have said this before reads as passive-aggressive. Just give the answer again, kindly.";
const COUNT_M: &str =
    "Counting the customer's messages or mistakes reads as a reproach. Answer the question; the count helps no one.";
const EXPLAIN_M: &str =
    "Announcing that you will explain it simply talks down to the customer. Just explain it clearly.";
const THANKS_M: &str = "Thanks said like this reads as sarcasm. Thank the customer sincerely or not at all.";
const APOLOGY_M: &str =
    "An apology like this mocks the customer rather than owning anything. Apologise sincerely or simply explain.";
const PATIENCE_M: &str = "Mock patience or sympathy reads as sarcasm. State the facts and what happens next.";
const WISH_M: &str = "A wish like this reads as a dig at the customer's choice. Close warmly or not at all.";
const SIGH_M: &str =
    "Sighing or rolling your eyes at the customer, even in writing, reads as exasperation. Drop it and just answer.";
const SURPRISE_M: &str = "Feigned surprise mocks the customer. State the cause plainly.";
const ASSURE_M: &str = "Mock assurance about your own team reads as sarcasm. Say what will really happen and when.";
const QUESTION_M: &str = "A rhetorical question like this belittles the customer. Explain the step instead.";
const DIG_M: &str = "The end of this sentence is a dig at the customer. Drop it.";
const MINIMISE_M: &str = "Calling the step trivial belittles the customer. Describe the step without judging it.";
const AGREE_M: &str = "Sarcastic agreement mocks the customer's concern. Acknowledge it sincerely instead.";
const EMOJI_M: &str = "An emoji after a reproach reads as passive-aggressive. Drop the emoji, or the reproach.";
const BLAME_M: &str = "Irony about what the customer did reads as blame. Say what happened, neutrally.";
const UNDER_M: &str =
    "Ironic understatement of the customer's mistake reads as mocking. Describe it plainly, or not at all.";
const REMIND_M: &str = "A reminder of what the customer 'should know' talks down to them. Just give the information.";
const ENTHUSE_M: &str = "Fake enthusiasm about the customer's problem reads as sarcasm. Describe the fix instead.";
const DISMISS_M: &str = "Brushing the customer's point aside reads as dismissive. Acknowledge it, then move on.";
const QUOTE_M: &str = "Quotation marks around the customer's words can read as mocking them. Drop the quotes.";

/// Marker sets any of which lets a sentence hold a mechanism: every
/// mechanism that may return asks first whether one of its sets is in the
/// sentence, and those whose sets are common ask more, which
/// [`may_hold_mechanism`] asks too (the counts, mock thanks, "again" set
/// off, the agent's repetition, a denied belief, the openers, mock
/// apologies).
const MECHANISM_SETS: u128 = {
    let sets = [
        IRONIC_FRAMES,
        RESTATING,
        BY_MY_COUNT,
        WHY_IT_TOOK,
        HARD_TO_MISS,
        OVER_EXPLAIN,
        PRAISE_IDIOMS,
        THE_PART_WHERE,
        ONLY_WAITED,
        WHOLE,
        MOCK_PITY,
        PATIENCE,
        WISH,
        WISHING,
        SURPRISE,
        SURPRISE_FRAMES,
        SURPRISE_OPENERS,
        OBVIOUS_CAUSE,
        CONGRATS_ON,
        IN_NO_TIME,
        EXPECTING,
        EASY_TO_MISS,
        ENOUGH_FOR_YOU,
        EXPERT_LIKE_YOU,
        SLOWLY,
        HAPPEN_TO_READ,
        ASSURE,
        TEAM_HEROICS,
        DID_YOU_THINK,
        RHETORIC,
        RHETORICAL_QUESTIONS,
        MINIMISERS,
        END_DIGS,
        MADE_OUR_DAY,
        NEXT_TIME,
        HYPERBOLE,
        MOCK_ADMISSIONS,
        CONGRATS,
        JUST_PROMISE,
        MOST,
        CAME_AS,
        SINCE_LAST,
        DEDICATION,
        DRAMA,
        IN_FACT_ASIDE,
        ABSURD_FATE,
    ];
    let (mut mask, mut i) = (0, 0);
    while i < sets.len() {
        mask |= sets[i].mask();
        i += 1;
    }
    mask
};

/// The sets [`may_hold_mechanism`] reads, by what a marker of each does
/// there (see [`GateClass`]): a sentence is read for them first
/// ([`Sentence::read_gated`]), and for the others only if it may hold a
/// mechanism. A marker of a set of [`SOLO`] may let a sentence through
/// alone; one of [`PLACED`], only first in the sentence or before a
/// comma, or, a negated copula, beside "you"; one of [`SAID`], only beside one of [`REPEATED`]; one of
/// [`CONTACT`], only beside one of [`COUNT`]; one of [`HEAD`], only beside
/// one of [`PARTNER`] (or a word of its list), or, for thanks, before a
/// barb, and for an apology, beside a measure repeated. A sentence whose
/// words may start no marker of a class that lets it through, or none
/// where it would, is passed over with no reading (see [`may_pass`]).
const GATE_CLASSES: [GateClass; 8] = [
    GateClass { sets: MECHANISM_SETS | SHOWN.mask(), words: &[] },
    GateClass {
        sets: ENTHUSE_OPENERS.mask() | AGREE_OPENERS.mask() | OF_COURSE.mask() | AGAIN.mask() | NEGATED_COPULA.mask(),
        words: &[],
    },
    GateClass { sets: SAYING.mask(), words: &[] },
    GateClass { sets: REPEAT_MARKERS.mask() | STRESSED_REPEAT.mask(), words: &[] },
    GateClass { sets: CONTACTS.mask(), words: &[] },
    GateClass { sets: ORDINALS.mask() | NUMBERS_COUNTED.mask() | NUMBER.mask() | DIGITS.mask(), words: &[] },
    GateClass { sets: THANKS_WORDS.mask() | APOLOGY_WORDS.mask(), words: &[] },
    // (A count, of [`COUNT`], is a partner of thanks too.)
    GateClass {
        sets: NUISANCE.mask()
            | IMPOSITION.mask()
            | ABSURD_APOLOGY.mask()
            | MOCK_APOLOGY_OBJECTS.mask()
            | CHOSEN.mask()
            | MADE_BIG.mask(),
        // What mock thanks and apologies ask for beside a marker: "a
        // dozen"; "well, sorry", "a thousand apologies", "you selected
        // yourself". ("this time" and "for once" count only last: see
        // [`may_pass`].)
        words: &["dozen", "well", "thousand", "yourself"],
    },
];
/// The bits of [`GATE_CLASSES`]' classes.
const SOLO: u8 = 1;
const PLACED: u8 = 2;
const SAID: u8 = 4;
const REPEATED: u8 = 8;
const CONTACT: u8 = 16;
const COUNT: u8 = 32;
const HEAD: u8 = 64;
const PARTNER: u8 = 128;

/// Whether the sentence of tokens `from..end` may hold a mechanism, by the
/// classes of the markers its words may start (`starts`, its gate bits),
/// and where: true wherever [`may_hold_mechanism`] may be, asked before
/// any reading. Many sentences whose words may start a marker of the
/// gate's sets start only some of a class that needs another (thanks, a
/// word of contact, an apology, a number, with nothing they need beside
/// them, or not where they need it: "your request at any time", "reply
/// to this email and quote CS 892659"; an opener not first, "again" not
/// before a comma), or only the first two words of a longer marker of
/// [`SOLO`] ("for the", "about the", "in your") that the third does not go
/// on with: 66 of the 859 sentences of the 10,143 words are read (36 may
/// hold a mechanism), and one of the reply's 11, where passing over only
/// those with no word to probe read 592, and the classes without their
/// places (thanks, a word of contact, the openers and "again", and what
/// goes with each, in four classes) 159 (about 60 k instructions more;
/// the reply's 3, about 2 k).
fn may_pass(doc: &Document, starts: GateStarts, from: usize, end: usize, question: bool, ascii: bool) -> bool {
    let classes = starts.classes();
    let at = |class: u8| MARKERS.gate_at(starts, class, |k| doc.tokens[from + k].key);
    classes & SOLO != 0
        // An opener first, "again" before a comma, "isn't" with "you".
        || classes & PLACED != 0 && placed_may_pass(doc, at(PLACED), from, end)
        || classes & SAID != 0 && classes & REPEATED != 0
        // A count just before a word of contact, an ordinal two before
        // ("third support email"; not "a tracking number by email"), or
        // "number" just after one.
        || classes & CONTACT != 0 && classes & COUNT != 0 && {
            let (contacts, counts) = (at(CONTACT), at(COUNT));
            (counts & (contacts >> 1) | contacts & (counts >> 1)) != 0
                || bits(u128::from(counts & (contacts >> 2))).any(|k| doc.fold(from + k) != "number")
        }
        // Thanks beside a count, a nuisance or an imposition, before a barb
        // or ending "this time"; an apology beside its partners or a
        // measure repeated (told apart by the words where they start: an
        // apology's partners are not a count, "I'm really sorry that your
        // order 48213 arrived ...").
        || classes & HEAD != 0
            && (classes & PARTNER != 0 || {
                let apology = |k: usize| SETS[APOLOGY_WORDS.0 as usize].contains(&doc.fold(from + k));
                let heads = at(HEAD);
                bits(u128::from(heads)).any(|k| !apology(k))
                    && !question
                    && (classes & COUNT != 0
                        || barb_after(doc, end)
                        || ends_this_time_or_for_once(doc, from, end))
                    || bits(u128::from(heads)).any(apology) && repeated_measure(doc, from, end)
            })
        || may_hold_unmarked(doc, from, end, question, ascii)
}

/// Whether sentence `s` (tokens `s.from..end`) may hold a mechanism: a
/// test true wherever [`read_mechanisms`] may find one, and false for most
/// sentences (all 11 of the benchmark's reply, 823 of 859 in the 10,143 words),
/// whose 1,300 lines of tests are then passed over, and their words that
/// start a marker of no set of [`GATE_CLASSES`] left unread ("we", "our",
/// "great": the reading it needs is only of those sets). Beside the sets of
/// [`MECHANISM_SETS`], each mechanism that needs none of them is asked for
/// by what it cannot do without, in the order of [`read_mechanisms`].
fn may_hold_mechanism(doc: &Document, s: &Sentence, end: usize, ascii: bool) -> bool {
    s.markers.holds_any(MECHANISM_SETS)
        // The places something was shown, counted or listed ("printed in
        // three places"): not a word of showing alone, which sincere
        // replies use often ("the invoice you received listed the wrong
        // name", 13 sentences read on for nothing in the 10,143 words).
        || s.pos(SHOWN).is_some_and(|k| places_counted_or_listed(&s.words[k + 1..]))
        // Mock enthusiasm, and agreeing to mock: an opener first.
        || (s.at(ENTHUSE_OPENERS) | s.at(AGREE_OPENERS) | s.at(OF_COURSE)) & 1 != 0
        // The agent's repetition stressed.
        || s.any(SAYING) && (s.any(REPEAT_MARKERS) || s.any(STRESSED_REPEAT))
        // "again" set off by a comma.
        || s.pos(AGAIN).is_some_and(|k| doc.tokens[s.from + k].gap_has(gap::COMMA))
        // A count of contacts: an ordinal or a number before a word of
        // contact ("third email", "3 calls"), or "number" and a count
        // after one ("attempt number five").
        || {
            let contacts = s.at(CONTACTS);
            let numeric = bits(contacts >> 1)
                .filter(|&k| doc.tokens[s.from + k].is(flag::NUMBER))
                .fold(0u128, |m, k| m | (1 << k));
            let ordinals = s.at(ORDINALS);
            ((ordinals | s.at(NUMBERS_COUNTED) | numeric) & (contacts >> 1)
                | ordinals & (contacts >> 2)
                | contacts & (s.at(NUMBER) >> 1))
                != 0
        }
        // Mock thanks: an imposition, a tally, "this time", or a barb in a
        // short sentence after it. (The barb itself, not only a short
        // sentence: thanks before one, a sign-off or a name, is common,
        // and was read on for nothing: 76 of the 138 sentences read on in
        // the 10,143 words.)
        || s.any(THANKS_WORDS)
            && !s.question
            && (s.any(NUISANCE)
                || s.any(IMPOSITION)
                || s.any(NUMBERS_COUNTED)
                || s.any(DIGITS)
                || s.words.contains(&"dozen")
                || ends_this_time_or_for_once(doc, s.from, end)
                || barb_after(doc, end))
        // "It isn't quite the X you thought".
        || s.any(NEGATED_COPULA) && s.words.contains(&"you")
        // Mock apologies: for the absurd, with a show ("a thousand
        // apologies"), for a measure repeated, for what the customer chose
        // themselves ("you selected yourself"), for what was clearly
        // labelled (a marker of [`MECHANISM_SETS`]).
        || s.pos(APOLOGY_WORDS).is_some_and(|k| {
            s.any(ABSURD_APOLOGY)
                || s.any(MOCK_APOLOGY_OBJECTS)
                || s.any(CHOSEN)
                || s.any(MADE_BIG)
                || s.words[..k].iter().any(|w| matches!(*w, "well" | "thousand"))
                || s.words.contains(&"yourself")
                || repeated_measure(doc, s.from, end)
        })
        || may_hold_unmarked(doc, s.from, end, s.question, ascii)
}

/// Whether the markers of [`PLACED`] that may start at `placed` (bits) of
/// the sentence of tokens `from..end` are where they count (see
/// [`may_pass`]). (Out of line: inlined, the gate's pass cost about 20 k
/// instructions more per 10,143 words.)
#[inline(never)]
fn placed_may_pass(doc: &Document, placed: u64, from: usize, end: usize) -> bool {
    placed & 1 != 0
        || bits(u128::from(placed)).any(|k| doc.tokens[from + k].gap_has(gap::COMMA))
        || bits(u128::from(placed)).any(|k| SETS[NEGATED_COPULA.0 as usize].contains(&doc.fold(from + k)))
            && (from..end).any(|k| doc.fold(k) == "you")
}

/// Whether a sentence of thanks (tokens `from..end`) ends "this time" or
/// "for once", as mock thanks may.
fn ends_this_time_or_for_once(doc: &Document, from: usize, end: usize) -> bool {
    end - from >= 3 && matches!((doc.fold(end - 2), doc.fold(end - 1)), ("this", "time") | ("for", "once"))
}

/// [`may_hold_mechanism`]'s tests that need no marker, of the sentence of
/// tokens `from..end` (two or more; `question`: it ends with a question
/// mark): a sentence that holds no marker may hold a mechanism only if
/// one of them holds.
fn may_hold_unmarked(doc: &Document, from: usize, end: usize, question: bool, ascii: bool) -> bool {
    use crate::hash::word_key;
    const YOU: u32 = word_key(b"you");
    const NOT: u32 = word_key(b"not");
    const MYSTERY: u32 = word_key(b"mystery");
    const GO: u32 = word_key(b"go");
    let (tokens, len) = (&doc.tokens, end - from);
    // (A word is told by its key, its folded form compared only then.)
    let is = |k: usize, key: u32, word: &str| tokens[k].key == key && doc.fold(k) == word;
    // A question to "you" (", you know, ...").
    question && (from..end).any(|k| is(k, YOU, "you"))
        // A lone "Not." after it.
        || end < tokens.len() && is(end, NOT, "not")
        // An emoji in its gaps (read only where they hold a char that is
        // not ASCII, as there).
        || !ascii && {
            let gaps = doc.tokens[from].span.end()..doc.tokens.get(end).map_or(doc.text.len(), |t| t.span.start());
            !doc.text.as_bytes()[gaps].is_ascii()
        }
        // Short sentences read whole: "Just saying.", "Food for
        // thought.", "Minor detail." (by their first word), "With your
        // mouse" (by its first two: "With thanks" closes many a reply, 13
        // sentences read on for nothing in the 10,143 words), "Truly a
        // mystery.", "Here we go again."
        || len <= 3
            && (matches!(doc.fold(from), "just" | "food" | "minor" | "tiny" | "small" | "trivial" | "slight")
                || len == 3 && matches!((doc.fold(from), doc.fold(from + 1)), ("with" | "using", "your")))
        || len <= 7 && (from..end).any(|k| is(k, MYSTERY, "mystery") || is(k, GO, "go"))
}

/// Whether a barb ("thorough", "subtle") is in a sentence of three words
/// or fewer from token `end` on (the one after a sentence of thanks).
/// (Whether that sentence is so short is told by the sentence of the
/// token three on, not by a walk to its end.)
fn barb_after(doc: &Document, end: usize) -> bool {
    let tokens = &doc.tokens;
    let short = end < tokens.len() && tokens.get(end + 3).is_none_or(|t| t.sentence != tokens[end].sentence);
    debug_assert_eq!(short, sentence_end(doc, end).is_some_and(|j| j - end <= 3));
    short && {
        let j = (end..(end + 3).min(tokens.len())).find(|&j| tokens[j].sentence != tokens[end].sentence);
        (end..j.unwrap_or((end + 3).min(tokens.len()))).any(|k| SETS[BARBS.0 as usize].contains(&doc.fold(k)))
    }
}

/// Whether `rest`, the words after a word of showing ("printed", "listed"),
/// count the places it was shown ("in three places", "in four separate
/// places") or list them (three of "on the", "in your" ...): what the
/// mock of what was shown everywhere needs (see [`read_mechanisms`]), and
/// the gate asks too.
fn places_counted_or_listed(rest: &[&str]) -> bool {
    let many = |w: &str| matches!(w, "three" | "four" | "five" | "several" | "multiple");
    let counted = rest.windows(4).take(8).any(|p| {
        p[0] == "in"
            && many(p[1])
            && (p[2] == "places" || (matches!(p[2], "separate" | "different") && p[3] == "places"))
    }) || rest.windows(3).take(8).any(|p| p[0] == "in" && many(p[1]) && p[2] == "places");
    let listed = rest.windows(2).filter(|p| matches!(p, ["on" | "in", "the" | "your"])).count() >= 3;
    counted || listed
}

/// The first mechanism found in sentence `s` (tokens `s.from..end`), with
/// the token range to flag, relative to `s.from`.
/// `ascii` says the whole draft is ASCII (no emoji anywhere).
/// `looked_behind` is set when the reading looked at the words before the
/// sentence (at most [`LOOK_BEHIND`] of them): the memo then keeps them with it.
fn read_mechanisms<'d>(
    doc: &Document,
    words: Words<'d>,
    s: &Sentence<'d>,
    end: usize,
    ascii: bool,
    looked_behind: &mut bool,
) -> Option<(usize, usize, &'static str)> {
    let len = s.words.len();
    let last = len - 1;
    // The sentence after this one, read at most once, by the readers that look at it.
    let after = std::cell::OnceCell::new();
    let next = || after.get_or_init(|| sentence_after(doc, words, end)).as_ref();
    // The sentence and the one after it, as far as the memo's key sees
    // them: what [`owns`] reads.
    let with_next = || words.slice(s.from..next().map_or(end, |n| n.from + n.words.len()));
    let sincere = s.any(APOLOGY_OR_EMPATHY);
    // An imposition counted or named: "seventeen tickets", "your fifth
    // email", "the essay", "again".
    // "Thanks again", "sorry again": a warm "again" counts nothing.
    // (Read only where a counting word stands: its bits say where.)
    let warm_again = |mask: u128| {
        bits(mask)
            .filter(|&k| k > 0 && s.words[k] == "again" && WARM_BEFORE_AGAIN.contains(&s.words[k - 1]))
            .fold(0u128, |m, k| m | 1 << k)
    };
    let imposed = || {
        let more = s.at(COUNTED_MORE);
        s.any(NUMBERS_COUNTED)
            || s.any(DIGITS)
            || s.any(ORDINALS)
            || s.any(NUISANCE)
            || (more != 0 && more & !warm_again(more) != 0)
    };

    let frames = if s.any(IRONIC_FRAMES) { IRONIC_FRAME_LIST } else { &[] };
    for (k, (_, message)) in frames.iter().enumerate() {
        if !s.markers.matched(IRONIC_FRAMES, k) {
            continue;
        }
        // Understatement is of the customer's mistake, not one of ours.
        let ours = *message == UNDER_M && s.any(OUR_OWN) || *message == BLAME_M && s.any(SPEAKER_OR_THANKS);
        // "My nephew got stuck on exactly the same step, so you're in good
        // company": trouble shared, not a task belittled (the session's
        // review).
        let shared = *message == MINIMISE_M
            && s.words.iter().any(|w| matches!(*w, "stuck" | "struggled" | "struggles" | "company" | "confused"));
        // "As you'll recall from our call on Tuesday, the engineer is booked
        // for Friday": a talk we had together recalled, no lesson (the
        // session's review).
        // ("As you'll recall, we agreed to call you on Monday": our own
        // promise recalled, the second review.)
        let talked = *message == REMIND_M
            && (s.words.windows(3).any(|p| {
                matches!(p, ["from", "our", "call" | "conversation" | "chat" | "meeting" | "discussion" | "visit"])
            }) || s.words.windows(2).any(|p| matches!(p, ["we", "agreed" | "arranged" | "promised"])));
        let excused = ours || shared || talked || (sincere && *message != APOLOGY_M);
        if !excused {
            return Some((0, last, message));
        }
    }
    // Mock enthusiasm: a cheer that opens a sentence about a repeat or a
    // mistake ("Fantastic, a third name change on the same ticket!").
    if s.at(ENTHUSE_OPENERS) & 1 != 0 {
        let counted = s.any(ORDINALS) || s.at(NUMBER) & (s.at(NUMBERS_COUNTED) >> 1) != 0;
        let again = s.any(REPEATED_LATELY);
        let repeat = counted && again;
        if repeat && !sincere {
            return Some((0, last, ENTHUSE_M));
        }
    }

    // Back-references that stress repetition: "I'll spell it out again",
    // "this is the same answer I gave you yesterday", ", again, the label ...".
    if let Some(k) = s.pos(SAYING) {
        // "I've told you", "as I said": the agent is the one who said it
        // ("we all get told" is not).
        let first_person = s.words[k.saturating_sub(3)..k]
            .iter()
            .any(|w| matches!(*w, "i" | "we" | "i've" | "we've" | "i'd" | "we'd" | "i'm" | "like" | "as"))
            && !(k > 0 && matches!(s.words[k - 1], "get" | "got" | "been" | "be" | "was" | "were" | "being"));
        let stressed = s.at(REPEAT_MARKERS) >> k != 0 || s.any(STRESSED_REPEAT);
        if first_person && stressed && !sincere {
            return Some((0, last, REPEAT_M));
        }
    }
    if s.any(RESTATING) & !sincere & s.any(RESTATE_VOICES) & !s.any(THANK) {
        return Some((0, last, REPEAT_M));
    }
    // ", again, the label is attached": "again" set off as a reminder.
    if let Some(k) = s.pos(AGAIN) {
        let t = &doc.tokens[s.from + k];
        let set_off = t.gap_has(gap::COMMA)
            && (k == 0 || doc.tokens[s.from + k - 1].gap_has(gap::COMMA | gap::COLON))
            && (k == 0
                || !matches!(s.words[k - 1], "thanks" | "you" | "sorry" | "apologies" | "hello" | "hi" | "welcome"));
        let warm_next = s.words.get(k + 1).is_some_and(|w| {
            matches!(
                *w,
                "thanks"
                    | "thank"
                    | "sorry"
                    | "apologies"
                    | "welcome"
                    | "congratulations"
                    | "congrats"
                    | "happy"
                    | "great"
            )
        });
        if set_off && !sincere && !warm_next {
            return Some((k, k, REPEAT_M));
        }
    }

    // Counting the customer's contacts or mistakes.
    // Each test reads every word position at once: bit k of a mask is word k.
    let (ordinals, contacts) = (s.at(ORDINALS), s.at(CONTACTS));
    // Numbers count only before a word of contact: read only there (the
    // mask is read only under `contacts >> 1`, see `counted_at`).
    let numeric =
        bits(contacts >> 1).filter(|&k| doc.tokens[s.from + k].is(flag::NUMBER)).fold(0u128, |m, k| m | (1 << k));
    // A count: "two", "several", or digits.
    let count = s.at(NUMBERS_COUNTED) | s.at(NUMBERS_VAGUE) | s.at(DIGITS);
    // "third email" (not "two call-out fees"), "fourth support ticket".
    let counted_at = |contacts: u128| {
        ((ordinals | s.at(NUMBERS_COUNTED) | numeric) & (contacts >> 1) & !(s.at(NOT_CONTACTS) >> 2))
            | (ordinals & (contacts >> 2))
            != 0
    };
    // "three times" counts the customer's doing only when said of them
    // ("you've called three times"), not of what happened to their account
    // ("your card was blocked because a wrong PIN was entered three times").
    // "in two days", "within 24 hours".
    let window = s.at(WITHIN) & (count >> 1) & (s.at(DURATION) >> 2) != 0;
    // ("three times in one month" counts a habit, whoever is named.)
    // "You can renew them up to three times": a limit, not a count of
    // what the customer did.
    // (Read only before a word of contact: its bits say where.)
    let limits = bits(contacts >> 1)
        .filter(|&k| {
            k >= 1
                && (matches!(s.words[k - 1], "max" | "maximum" | "upto")
                    || k >= 2 && matches!((s.words[k - 2], s.words[k - 1]), ("up", "to") | ("at", "most")))
        })
        .fold(0u128, |m, k| m | 1 << k);
    // "the three emails with your payslips": messages counted for what
    // they carry, no tally of nagging (the eleventh QA pass).
    let carrying = bits(contacts)
        .filter(|&c| {
            s.words
                .get(c + 1)
                .is_some_and(|w| matches!(*w, "with" | "containing" | "including" | "attaching" | "enclosing"))
        })
        .fold(0u128, |m, c| m | 1 << c);
    // "the two emails you received", "the three emails we sent you": our
    // messages to the customer, no tally of theirs (the set
    // sarcasm-i: "Just to be clear, since the two emails you received
    // contradicted each other").
    let ours = bits(contacts)
        .filter(|&c| {
            let (a, b) = (s.words.get(c + 1).copied(), s.words.get(c + 2).copied());
            matches!(
                (a, b),
                (Some("you"), Some("received" | "got" | "were"))
                    | (Some("you've" | "you'd"), Some("received" | "had" | "got"))
                    | (Some("we" | "i" | "we've" | "i've"), Some("sent"))
                    | (Some("from"), Some("us" | "me" | "our"))
            ) || {
                // "it only took us two emails to the warehouse", "we sent
                // three emails to the courier": ours, counted before.
                let before = &s.words[c.saturating_sub(4)..c];
                before.windows(2).any(|w| {
                    matches!(
                        (w[0], w[1]),
                        ("took" | "take" | "takes", "us" | "me") | ("we" | "i", "sent" | "made" | "wrote")
                    )
                })
            }
        })
        .fold(0u128, |m, c| m | 1 << c);
    let contacts = contacts & !(limits << 1) & !carrying & !ours;
    let counted = counted_at(contacts & !s.at(TIMES))
        || (counted_at(contacts)
            && (window
                || s.any(RECENTLY)
                || s.words.iter().any(|w| matches!(*w, "you" | "you've" | "you'd" | "you're" | "u"))));
    // (Three cheap tests, or-ed without a branch on each: the second
    // person is in about every other sentence.)
    let aimed = s.any(SECOND_PERSON) | window | s.any(RECENTLY);
    // "attempt number five", "post number seven", "by my count".
    let numbered = contacts & (s.at(NUMBER) >> 1) & (count >> 2) != 0 || s.any(BY_MY_COUNT);
    let counted = counted || numbered;
    if numbered && !sincere && !s.question {
        return Some((0, last, COUNT_M));
    }
    // Counting their contacts to own it is the acknowledgement the
    // customer is owed: "I see you've contacted us three times about this.
    // I'm so sorry", "I know you've written three times, and that's not okay".
    let owned =
        s.any(OWNING) || (s.any(NOTICING) && next().is_some_and(|n| n.any(APOLOGY_OR_EMPATHY) || n.any(OWNING)));
    // Counted to say they helped, or that nothing changed: "Thank you for
    // all three messages; they gave me everything I needed", "Nothing on
    // your account has changed since the last three chats" (session 32's
    // stress test). (Read only for a count that would be flagged.)
    let kind = || {
        s.words
            .windows(2)
            .any(|p| matches!(p, ["gave", "me" | "us"] | ["everything", "i" | "we"] | ["still", "confirmed"]))
            || s.words.iter().any(|w| matches!(*w, "helped" | "helpful" | "useful"))
            || (s.words.contains(&"nothing") && s.words.contains(&"changed"))
    };
    if counted && aimed && !sincere && !owned && !s.question && !s.any(WE_OUR) && !allowance(s, contacts) && !kind() {
        return Some((0, last, COUNT_M));
    }
    // Wondering aloud why the customer's contacts were needed: "not sure
    // why this needed three phone calls" (the eleventh QA pass; not "I can
    // see why it took three calls", not with an apology).
    if let Some(k) = s.pos(WHY_IT_TOOK) {
        let understood = s.words[k.saturating_sub(3)..k].iter().any(|w| {
            matches!(
                *w,
                "understand"
                    | "see"
                    | "know"
                    | "explain"
                    | "find"
                    | "look"
                    | "looked"
                    | "looking"
                    | "into"
                    | "reviewing"
                    | "review"
                    | "investigating"
                    | "checking"
                    | "checked"
                    | "tell"
                    | "asked"
            )
        });
        // "..., so I've escalated it": owned by what we do (the session's
        // review).
        let acted = s.words.iter().any(|w| matches!(*w, "i've" | "we've" | "i'll" | "we'll"));
        // ("three phone calls": a word may stand between count and contact.)
        let counts = s.at(NUMBERS_COUNTED) | ordinals | numeric;
        let tally = bits(contacts & !((1u128 << k) - 1)).any(|c| {
            (c >= 1 && counts >> (c - 1) & 1 != 0)
                || (c >= 2
                    && counts >> (c - 2) & 1 != 0
                    && matches!(s.words[c - 1], "phone" | "separate" | "different" | "more" | "support" | "chat"))
        });
        if tally && !understood && !acted && !sincere && !owned {
            return Some((0, last, COUNT_M));
        }
    }
    // The customer's contacts called impossible to miss: "we have all four
    // of your emails - hard to miss them" (the ninth QA pass). (A word of
    // contact before it: "the lockers are yellow, hard to miss them" is
    // directions.)
    if let Some(k) = s.pos(HARD_TO_MISS) {
        if contacts & ((1u128 << k) - 1) != 0 && !sincere {
            return Some((0, last, COUNT_M));
        }
    }

    // "Thanks for reading the instructions this time. Not.": a lone "Not"
    // after a statement takes it back, the oldest mock in the book. Its
    // length is known without reading it.
    if !s.question
        && words.get(end) == Some(&"not")
        && doc.tokens[end - 1].gap_has(gap::PERIOD | gap::EXCLAIM)
        && (s.any(WARM) || s.any(THANKS_WORDS) || s.any(PRAISE_IDIOMS) || s.any(HYPERBOLE) || s.any(SURPRISE))
        && sentence_end(doc, end).is_some_and(|j| j - end == 1)
    {
        return Some((0, last, MOCK_M));
    }

    // ("You mentioned my last email was full of jargon, so I'll use
    // shorter words this time" does what was asked: the session's review.)
    let asked_plainer =
        || s.words.iter().any(|w| matches!(*w, "jargon" | "mentioned" | "asked" | "requested" | "wanted" | "prefer"));
    if s.any(OVER_EXPLAIN) && !asked_plainer() {
        return Some((0, last, EXPLAIN_M));
    }
    // ("The delay was far longer than we promised, I'll give you that" is
    // a point conceded about us: the session's review.)
    let conceded = || {
        s.pos(PRAISE_IDIOMS).is_some_and(|k| matches!(s.words[k], "i'll" | "ill"))
            && s.words.iter().any(|w| matches!(*w, "we" | "our" | "us" | "we've" | "we'd" | "i've"))
    };
    if s.any(PRAISE_IDIOMS) && !s.any(THANK) && !conceded() {
        return Some((0, last, MOCK_M));
    }

    // Mock gratitude: thanks for an imposition, or thanks followed by a barb.
    if let Some(k) = s.pos(THANKS_WORDS) {
        // ("made our day" is a dig unless said of kind words: "Thank you
        // for your lovely message, it made our day!")
        // "Thank you for reading the guide this time": thanks that says
        // the customer failed before (not thanks for patience "this time").
        // ("at this time", "by this time" say when, not "again, right").
        let one_clause = (s.from + k..s.from + last).all(|j| !doc.tokens[j].gap_has(gap::CLAUSE));
        // Thanks for doing as asked ("for reading", "for following"), not
        // for a purchase or a stay ("thank you for your purchase this time").
        let complied = s.words[k..].iter().take(4).any(|w| {
            matches!(
                *w,
                "reading"
                    | "following"
                    | "checking"
                    | "sending"
                    | "filling"
                    | "using"
                    | "including"
                    | "attaching"
                    | "listening"
                    | "looking"
                    | "answering"
                    | "replying"
                    | "entering"
                    | "typing"
                    | "remembering"
            )
        });
        let this_time = len >= 3
            && one_clause
            && complied
            && last - k <= 12
            && matches!((s.words[last - 1], s.words[last]), ("this", "time") | ("for", "once"))
            && !matches!(
                s.words[last - 2],
                "at" | "by" | "for" | "until" | "till" | "from" | "since" | "during" | "around"
            )
            && !s.words[k..].iter().any(|w| matches!(*w, "patience" | "bearing" | "understanding" | "waiting"));
        // Thanks for a tally of the customer's messages: "Thanks so much
        // for the seven emails about this", "thanks for all 12 of your
        // voicemails" (the eleventh QA pass; not "thanks for the three
        // emails with your documents", not with an apology).
        // (Read only where a number stands.)
        let numbered = s.any(NUMBERS_COUNTED) || s.any(DIGITS) || s.words.contains(&"dozen");
        let tallied = numbered
            && (k + 1..len).any(|c| {
                let w = |i: usize| s.words.get(i).copied().unwrap_or("");
                // (Five or more: "thanks for all 3 requests. They're done"
                // and "thanks for the four replies to our survey" are kind,
                // the session's review.)
                let many = |i: usize| {
                    matches!(
                        w(i),
                        "five"
                            | "six"
                            | "seven"
                            | "eight"
                            | "nine"
                            | "ten"
                            | "eleven"
                            | "twelve"
                            | "fifteen"
                            | "twenty"
                            | "dozen"
                    ) || w(i).parse::<u32>().is_ok_and(|n| n >= 5)
                };
                let counted = (c >= 1 && many(c - 1)) || (c >= 3 && many(c - 3) && w(c - 2) == "of");
                let message = (w(c) == "copies" && w(c + 1) == "of" && w(c + 3) == "same")
                    || matches!(
                        w(c),
                        "message"
                            | "messages"
                            | "email"
                            | "emails"
                            | "dms"
                            | "calls"
                            | "voicemails"
                            | "tweets"
                            | "chats"
                            | "tickets"
                            | "complaints"
                            | "requests"
                            | "posts"
                            | "replies"
                    );
                let carrying =
                    (c + 1..c + 3).any(|i| matches!(w(i), "with" | "containing" | "including" | "and" | "attaching"));
                // "the 12 messages of support" (the session's review).
                let kind = w(c + 1) == "of" && matches!(w(c + 2), "support" | "thanks" | "encouragement" | "praise");
                c > k && c - k <= 7 && counted && message && !carrying && !kind
            });
        // "thanks for your 3 messages, I've answered all three below",
        // "thanks for the 3 emails. Sorry we took so long to reply."
        let tallied = tallied
            && !s.words.iter().any(|w| {
                matches!(
                    *w,
                    "answered" | "replied" | "reviewed" | "covered" | "merged" | "i've" | "we've" | "i'll" | "we'll"
                )
            })
            && !next().is_some_and(|n| n.any(APOLOGY_OR_EMPATHY) || n.any(APOLOGY_WORDS));
        let imposition = s.at(NUISANCE) >> k != 0
            || s.any(IMPOSITION)
            || (s.any(MADE_OUR_DAY) && imposed())
            || this_time
            || (tallied && !sincere);
        // Its length is known without reading it.
        let barb_after = sentence_end(doc, end).is_some_and(|j| j - end <= 3) && next().is_some_and(|n| n.any(BARBS));
        if (imposition || barb_after) && !s.question {
            return Some((k, last, THANKS_M));
        }
    }

    // Mock apology: apologising for the absurd.
    if let Some(k) = s.pos(APOLOGY_WORDS) {
        // Apologising for the absurd, for the customer's own doing, or for
        // the company doing exactly what it said.
        // (An apology for our mistake about what the customer chose is
        // sincere: "sorry for the mix-up with the colour you chose".)
        // What the customer chose, said to be what they got (not what we
        // failed to give: "sorry the room wasn't what you booked").
        let denies = |w: &&str| matches!(*w, "not" | "never" | "different") || w.ends_with("n't");
        let chosen = bits(s.at(CHOSEN)).any(|c| {
            let after = &s.words[(c + 2).min(s.words.len())..(c + 6).min(s.words.len())];
            !s.words[k.min(c)..c].iter().any(denies) && !after.iter().any(denies)
        });
        let absurd = s.any(ABSURD_APOLOGY)
            || ((s.any(MOCK_APOLOGY_OBJECTS) || chosen) && !s.any(OUR_MISTAKE))
            || (s.any(MADE_BIG) && s.any(NOT_SEEN));
        // "Well, I'm sorry ...", "a thousand apologies": the apology made
        // a show of. ("Oh" was read so too, but before an apology it is
        // mostly dismay, the sympathy the apology goes on with: "Oh no,
        // I'm so sorry the mug arrived in pieces!", "Oh, I'm so sorry to
        // hear that"; the mock ones say what is absurd, read above.)
        let made_a_show = k > 0 && s.words[..k].iter().any(|w| matches!(*w, "well" | "thousand"));
        if absurd || made_a_show {
            let mut from = k;
            while from > 0
                && matches!(
                    s.words[from - 1],
                    "so" | "very"
                        | "really"
                        | "terribly"
                        | "awfully"
                        | "truly"
                        | "deeply"
                        | "oh"
                        | "i'm"
                        | "we're"
                        | "my"
                        | "our"
                        | "a"
                        | "thousand"
                )
            {
                from -= 1;
            }
            return Some((from, last, APOLOGY_M));
        }
    }
    if s.any(THE_PART_WHERE) {
        return Some((0, last, APOLOGY_M));
    }

    // Mock patience or sympathy: "No rush, it's only been a month", "a whole
    // ten minutes", "must be tough, waiting two whole days".
    let duration = s.at(DURATION);
    // "only been" with a span of time in the three words after it.
    let only_been = bits(s.at(ONLY_WAITED)).any(|k| (duration >> (k + 2)) & 0b111 != 0);
    // "three whole days", "a whole two weeks" ("whole" after the first
    // word; not "the whole team's month").
    let whole = s.at(WHOLE) >> 1;
    let whole_span = (count & whole & (duration >> 2)) | (whole & (count >> 2) & (duration >> 3)) != 0;
    let mock_pity = s.any(MOCK_PITY);
    let patience = s.any(PATIENCE);
    if only_been || whole_span || mock_pity || (patience && next().is_some_and(|n| n.any(ONLY_BEEN))) {
        return Some((0, last, PATIENCE_M));
    }

    // Mock wishes about the customer's own choice.
    // ("Thanks again" is warm: "I hope the replacement meets your
    // expectations, and thanks again", found with the twelfth QA pass.)
    let dig = s.at(WISH_DIG);
    // An "again" before the wish is the customer's return, not the dig:
    // "Thank you for booking with us again, and good luck with the long
    // drive" (the eleventh batch's tuning half).
    let returned = |mask: u128| {
        let wish_at = s.pos(WISH).unwrap_or(0);
        bits(mask)
            .filter(|&k| s.words[k] == "again" && (k < wish_at || (k >= 2 && s.words[k - 2..k] == ["with", "us"])))
            .fold(0u128, |m, k| m | 1 << k)
    };
    if s.any(WISH) && dig & !warm_again(dig) & !returned(dig) != 0 && !s.any(WISH_OCCASIONS) {
        return Some((0, last, WISH_M));
    }

    // A wish about the consequences of the customer's own choice, right
    // after carrying it out: "Downgraded as requested. Enjoy the 2GB limit."
    if let Some(k) = s.pos(WISHING) {
        let stock = s.any(STOCK_WISHES);
        let aimed_at_choice = s.words[k..]
            .iter()
            .take(5)
            .any(|w| matches!(*w, "the" | "that" | "their" | "those" | "nothing" | "nobody" | "prices"));
        let complied = {
            *looked_behind = true;
            let from = s.from.saturating_sub(LOOK_BEHIND);
            let before = Sentence::new(doc, from, words.slice(from..s.from), false);
            before.any(COMPLIED)
        };
        let life = s.any(LIFE_EVENTS) && !s.words[k..].iter().any(|w| matches!(*w, "without" | "minus"));
        // A hope that what the customer gets next fits or works is warm: "I
        // hope the new pair fits perfectly" after a refund (the thirteenth
        // QA pass; not "Enjoy the new provider's call centre", the review).
        let for_the_new = s.words[k] == "hope"
            && s.words[k..].iter().take(4).any(|w| matches!(*w, "new" | "replacement"))
            && s.words[k..].iter().take(7).any(|w| {
                matches!(*w, "fits" | "fit" | "works" | "work" | "suits" | "suit" | "arrives" | "serves" | "lasts")
            });
        if !stock && aimed_at_choice && complied && !sincere && !life && !for_the_new {
            return Some((k, last, WISH_M));
        }
    }

    // Feigned surprise: a bare exclamation of surprise.
    let surprise_frame = s.any(SURPRISE_FRAMES);
    let ironic_frame = s.any(IRONIC_FRAME_WORDS);
    // ("Who could have guessed that a firmware update would reset your
    // camera's time zone? Not even our own test team, so thank you for
    // reporting it": the session's review.)
    // (The tests of bits are and-ed without a branch on each: short
    // sentences are common, and the markers' presence is the text's.)
    if (surprise_frame | ((len <= 6) & s.any(SURPRISE) & ironic_frame & !s.any(WARM) & !s.question))
        && !owns(with_next(), false)
    {
        return Some((0, last, SURPRISE_M));
    }
    // Surprise opening a sentence about what the customer did: "Wow,
    // shocking that it stopped working after you unplugged it" (the
    // eleventh QA pass; not "Surprisingly, the order was cancelled - our
    // mistake", not with an apology).
    if let Some(k) = s.pos(SURPRISE_OPENERS) {
        let opens =
            s.words[..k].iter().all(|w| matches!(*w, "wow" | "oh" | "well" | "gosh" | "so" | "truly" | "really"));
        let yours = s.words[k..].iter().any(|w| matches!(*w, "you" | "you'd" | "you've" | "you're" | "your"));
        if opens && yours && !sincere && !s.question && !owns(with_next(), false) {
            return Some((0, last, SURPRISE_M));
        }
    }
    // The customer's own doing named as the obvious cause of their trouble,
    // in a frame of mock wonder or mock obviousness: "I wonder why the
    // printer stopped after you poured coffee on it", "Of course the app
    // crashed, you installed it on a phone from 2012", "Funny how the
    // parcel went missing after you gave us the wrong address". (Not "I
    // wonder why the payment failed: let me check", which names no doing
    // of theirs; not with an apology.)
    // (Its words read only after the frame opens a sentence of trouble.)
    if let Some(k) = s.pos(OBVIOUS_CAUSE).filter(|&k| {
        (k == 0 || (k <= 4 && doc.tokens[s.from + k - 1].gap_has(gap::COMMA)))
            && s.at(TROUBLE) >> k != 0
            && !sincere
            && !s.question
    }) {
        let past = |w: &str| {
            w.ends_with("ed")
                || matches!(
                    w,
                    "gave"
                        | "put"
                        | "left"
                        | "chose"
                        | "took"
                        | "ran"
                        | "set"
                        | "wrote"
                        | "sent"
                        | "bought"
                        | "made"
                        | "let"
                        | "kept"
                        | "forgot"
                        | "did"
                        | "threw"
                        | "spilt"
                        | "tore"
                        | "broke"
                        | "lost"
                        | "fed"
                        | "drove"
                        | "hit"
                        | "ate"
                        | "fell"
                        | "went"
                        | "told"
                        | "paid"
                        | "got"
                        | "picked"
                )
        };
        let caused = (k + 1..len.saturating_sub(1)).any(|j| {
            let w = s.words[j];
            let after = s.words[j + 1];
            match w {
                "you" => {
                    matches!(s.words[j - 1], "after" | "since" | "because" | "when" | "once" | "as")
                        || (doc.tokens[s.from + j - 1].gap_has(gap::COMMA) && past(after))
                }
                "you've" | "you'd" => matches!(s.words[j - 1], "after" | "since" | "because" | "when" | "once" | "as"),
                _ => false,
            }
        });
        // "Clearly the fault is ours: ...", "Obviously the card was declined
        // when you tried it abroad, as our fraud system ...": we take part.
        // (The frame's own words aside: "I wonder why".)
        let frame_end = k + match s.words[k] {
            "i" => 3,
            "of" | "funny" | "strange" | "odd" | "go" => 2,
            _ => 1,
        };
        let rest = || s.words[frame_end.min(len)..].iter();
        let ours = rest().any(|w| matches!(*w, "our" | "ours" | "we" | "we've" | "we're" | "we'd" | "i" | "i've"));
        // "Naturally you'll want to know why it stopped working after you
        // updated it, so here's what happened": the cause is asked about,
        // to be explained.
        let asked = rest().any(|w| matches!(*w, "why" | "how" | "whether" | "want" | "wonder" | "explain" | "know"));
        if caused && !ours && !asked && !owns(with_next(), true) {
            return Some((k, last, BLAME_M));
        }
    }
    // Congratulations on a misfortune (not on overcoming one).
    if let Some(k) = s.pos(CONGRATS_ON) {
        let near = (s.at(MISFORTUNE) >> k) & 0x3ff != 0;
        if near && !s.any(OVERCOME) && !sincere {
            return Some((k, last, MOCK_M));
        }
    }
    // The customer measured against a child: "my 7-year-old nephew sets
    // these up in about two minutes".
    // (Ours: "my nephew", "our 7-year-old"; not "your son can do it in two
    // minutes with the app".)
    let ours_before = |k: usize| s.words[k.saturating_sub(5)..k].iter().any(|w| matches!(*w, "my" | "our"));
    // ("my eight-year-old", "my 8 year old": an age is a child too.)
    let aged = || {
        (1..len).any(|k| {
            (s.words[k].ends_with("year-old") || (s.words[k] == "old" && matches!(s.words[k - 1], "year" | "years")))
                && ours_before(k)
        })
    };
    if s.any(IN_NO_TIME) && !sincere && (bits(s.at(KIN)).any(ours_before) || aged()) {
        return Some((0, last, MOCK_M));
    }
    // A question about an absurd expectation.
    if s.question && s.at(EXPECTING) & 0b1111 != 0 && s.any(ABSURD) && !sincere {
        return Some((0, last, QUESTION_M));
    }
    // Our many messages called easy to miss, with a smile: "I'm sure the
    // twelve reminders we sent were easy to overlook". (Not "the
    // cancellation emails are easy to miss, so I've resent it": no
    // understanding claimed.)
    if let Some(k) = s.pos(EASY_TO_MISS) {
        let before = (1u128 << k) - 1;
        let hedged = s.at(SURE_HEDGES) & before != 0;
        let ours = s.at(OUR_REMINDERS) & before != 0;
        // Counted: "the twelve reminders", not "the reminder emails are
        // easy to miss in a busy inbox, so I've added a text alert".
        let counted = (s.at(NUMBERS_COUNTED) | s.at(NUMBERS_VAGUE) | s.at(DIGITS)) & before != 0;
        if hedged && ours && counted && !sincere && !s.question && !owns(with_next(), true) {
            return Some((0, last, MOCK_M));
        }
    }
    // The customer's standard, mocked: "Sorry the three slots we offered
    // weren't convenient enough for you", "Is that fast enough for you
    // now?", "hopefully this is detailed enough for you" (the eleventh QA
    // pass; not "if 3 days isn't quick enough for you, we also offer
    // express delivery", not "Is 9 am early enough for you?").
    if let Some(k) = s.pos(ENOUGH_FOR_YOU) {
        let denial = (k.saturating_sub(4)..k).find(|&i| {
            let w = s.words[i];
            matches!(w, "not" | "never" | "isnt" | "wasnt" | "werent" | "arent") || w.ends_with("n't")
        });
        let denied = denial.is_some();
        // ("sorry if it wasn't quite up to your standards" is no condition.)
        let conditional = s.words[..k].iter().enumerate().any(|(i, w)| {
            matches!(*w, "if" | "unless" | "whether" | "when" | "whenever")
                && !(i > 0 && matches!(s.words[i - 1], "sorry" | "apologies" | "apologise" | "apologize"))
        });
        // (Not "is 9 am early enough for you this time, or shall I book 8
        // am?": a choice offered, the session's review.)
        let pressed = s.question
            && s.words[k + 3..].iter().any(|w| matches!(*w, "now" | "yet" | "time"))
            && !s.words.contains(&"or");
        let hoped = s.words[..k].iter().any(|w| matches!(*w, "hopefully" | "surely"));
        // "enough for you to catch your train": enough for a purpose.
        let purpose = s.words.get(k + 3) == Some(&"to");
        // An apology for a lack is sincere ("I'm so sorry the room wasn't
        // quite up to your standards"), unless hollow ("sorry if ...") or
        // about what we offered ("sorry the three slots we offered weren't
        // convenient enough for you"): the session's review.
        let hollow = s.words.windows(2).any(|w| matches!(w, ["sorry" | "apologies", "if"]));
        let offered = s.words[..k]
            .windows(2)
            .any(|w| matches!(w, ["we" | "i", "offered" | "gave" | "suggested" | "proposed" | "provided" | "sent"]));
        let excused = sincere && !hollow && !offered;
        if denied && !conditional && !purpose && !excused {
            // From the denial, as the table's "weren't quick enough for you".
            return Some((denial.unwrap_or(0), last, MOCK_M));
        }
        if (pressed || hoped) && !purpose && !excused {
            return Some((0, last, MOCK_M));
        }
    }
    if s.any(EXPERT_LIKE_YOU) {
        return Some((0, last, MOCK_M));
    }
    // Slowness announced by the one explaining: "Let me try this one more
    // time, slowly", "I'll go over it again, slowly".
    if s.any(SLOWLY) {
        let voice = s.words.windows(2).any(|w| {
            matches!(w, ["let", "me"] | ["i'll" | "i", "try" | "go" | "say" | "explain" | "put" | "repeat" | "spell"])
        });
        if voice {
            return Some((0, last, EXPLAIN_M));
        }
    }
    // "Did you happen to read our email?", unless what follows offers it
    // again ("If not, I've resent it just now"): the session's review.
    if s.question && s.any(HAPPEN_TO_READ) && !sincere {
        let offered_again = next().is_some_and(|n| {
            n.words.first().is_some_and(|w| matches!(*w, "if" | "in" | "otherwise"))
                || n.words.iter().any(|w| matches!(*w, "resent" | "resend" | "resending" | "attached" | "reattached"))
        });
        if !offered_again {
            return Some((0, last, QUESTION_M));
        }
    }
    // Mock assurance about the team.
    // "Rest assured our engineers are on it, just like the last four
    // times": the assurance tallied against the times before.
    if s.any(ASSURE) && (s.any(SPECTACLE) || s.any(LAST_TIMES)) {
        return Some((0, last, ASSURE_M));
    }
    if s.any(TEAM_HEROICS) {
        return Some((0, last, ASSURE_M));
    }

    // Rhetorical questions about the customer's attention.
    if s.question && s.any(SECOND_PERSON) && s.any(READING) && s.any(RHETORIC) {
        return Some((0, last, QUESTION_M));
    }
    // "is the router, you know, switched on?": "you know" set off by commas
    // (read only in a question).
    let aside = || {
        s.words.windows(2).enumerate().any(|(k, w)| {
            w == ["you", "know"]
                && k > 0
                && doc.tokens[s.from + k - 1].gap_has(gap::COMMA)
                && doc.tokens[s.from + k + 1].gap_has(gap::COMMA)
        })
    };
    if s.question && aside() {
        return Some((0, last, QUESTION_M));
    }
    // What the customer thought a thing would do, asked back at them: "Did
    // you think the smart meter would keep sending readings unplugged?"
    // (Not when the reply owns the mix-up next: "Did you think the bundle
    // would include the charger? Our listing was unclear, and I'm sorry.")
    if let Some(k) = s.pos(DID_YOU_THINK).filter(|_| s.question && !sincere) {
        if s.words[k..].iter().skip(3).take(12).any(|w| matches!(*w, "would" | "could" | "might"))
            && !next().is_some_and(|n| n.any(APOLOGY_OR_EMPATHY) || n.any(APOLOGY_WORDS))
        {
            return Some((0, last, QUESTION_M));
        }
    }
    if s.question && s.any(RHETORICAL_QUESTIONS) {
        return Some((0, last, QUESTION_M));
    }

    // Belittling minimisers and digs at the end of a sentence.
    // ("Our setup guide is too complicated for most people to follow, and
    // that's our fault": the session's review.)
    if let Some(k) = s.pos(MINIMISERS) {
        if !owns(with_next(), false) {
            return Some((k.min(last), last, MINIMISE_M));
        }
    }
    // "You were right all along" concedes; "it was there all along" digs.
    let conceding = |k: usize| k > 0 && matches!(s.words[k - 1], "right" | "correct") && s.words[k] == "all";
    // "the whole time" and "all along" dig at a state the customer's thing
    // was in ("the door was on the latch the whole time"), not at how long
    // something lasts ("the app stays open the whole time", "I was on the
    // line with the courier the whole time", the twelfth QA pass).
    let not_a_state = |k: usize| {
        let span_of_time =
            matches!((s.words[k], s.words.get(k + 1)), ("the", Some(&"whole")) | ("all", Some(&"along")));
        span_of_time
            && !s.words[..k].iter().enumerate().any(|(j, w)| {
                // ("you had the code the whole time", "the refund sat in
                // your account all along": the session's review.)
                matches!(*w, "was" | "were" | "been" | "had" | "sat" | "stayed" | "remained" | "lay")
                    && !s.words[j.saturating_sub(2)..j]
                        .iter()
                        .any(|w| matches!(*w, "i" | "we" | "i've" | "we've" | "i'd" | "we'd"))
            })
    };
    // "Believe it or not, you're still within the window": surprising
    // good news opening a sentence, not a dig at its end (the tenth
    // batch's tuning half).
    let good_news = |k: usize| {
        k == 0
            && s.words[k] == "believe"
            && s.words.iter().any(|w| matches!(*w, "still" | "eligible" | "entitled" | "qualify" | "free" | "good"))
    };
    // "Our couriers are busy like everyone else, sorry for the delay": a
    // plight shared, beside an apology (the second review).
    let shared_plight = |k: usize| s.words[k] == "like" && sincere;
    if let Some(k) = s.pos(END_DIGS).filter(|&k| !conceding(k) && !not_a_state(k) && !good_news(k) && !shared_plight(k))
    {
        return Some((k.min(last), last, DIG_M));
    }
    if let Some(k) = s.pos(MADE_OUR_DAY).filter(|_| imposed()) {
        return Some((k.min(last), last, DIG_M));
    }
    let reproach_tail = s.any(NEXT_TIME) && s.any(REPROACH_HEDGES) && !s.any(AGENT_VOICE);
    if reproach_tail {
        return Some((0, last, DIG_M));
    }

    // Sarcastic agreement: "Right, because ...", "Yes, clearly a two-day
    // delay is a catastrophe", "we obviously lose parcels for sport".
    let opens_agreeing = (s.at(AGREE_OPENERS) | s.at(OF_COURSE)) & 1 != 0;
    // ("Right, because ...", "Right, so you want a refund because ...";
    // not a reason given for what we do, "Yes, you'll get a full refund
    // because the match was cancelled", nor one put first, "Yes, because
    // your order was over £50, delivery is free".)
    // (Read only after an agreeing opener.)
    let because = || {
        s.words.iter().position(|w| *w == "because").is_some_and(|b| {
            let fronted = b <= 3 && (b + 1..last).any(|j| doc.tokens[s.from + j].gap_has(gap::COMMA));
            let ours = s.words[..b].iter().any(|w| {
                matches!(*w, "you'll" | "we'll" | "i'll" | "we've" | "i've" | "we" | "i" | "we're" | "i'm" | "it'll")
            });
            !fronted && !ours
        })
    };
    if opens_agreeing && (because() || (s.at(IRONIC) | s.at(HYPERBOLE)) >> 1 != 0) {
        return Some((0, last, AGREE_M));
    }
    if s.any(HYPERBOLE) && s.any(IRONIC) {
        return Some((0, last, AGREE_M));
    }
    if s.any(MOCK_ADMISSIONS) && !sincere {
        return Some((0, last, AGREE_M));
    }

    // The tenth batch's tuning half (session 32), each a mechanism:
    // - a bare understatement of a fatal flaw, "Minor point." after "the
    //   house is in a different council area";
    // - the customer's point brushed aside, "Moving on." (a one-word
    //   "Anyway." is read with the sighs: see `exasperation`);
    // - the obvious tool spelled out as a fragment, "Click it. With your
    //   mouse.".
    let bare = !s.question
        && match s.words {
            [a, b] | [a, b, "really" | "though"] => {
                matches!(*a, "minor" | "tiny" | "small" | "trivial" | "slight")
                    && matches!(
                        *b,
                        "point" | "detail" | "snag" | "issue" | "thing" | "matter" | "hiccup" | "problem" | "glitch"
                    )
            }
            _ => false,
        };
    // (After a sentence of refusal or a flaw, not "Thanks for the
    // photos. Tiny detail. The serial number is on the base", a note that
    // introduces information: the stress test.)
    if bare && {
        *looked_behind = true;
        let from = s.from.saturating_sub(LOOK_BEHIND);
        words.slice(from..s.from).iter().any(|w| {
            matches!(
                *w,
                "rejected"
                    | "declined"
                    | "refused"
                    | "denied"
                    | "different"
                    | "wrong"
                    | "expired"
                    | "invalid"
                    | "ineligible"
            )
        })
    } {
        return Some((0, last, UNDER_M));
    }
    // "Just saying.", "Food for thought.": a tag that turns advice into a
    // dig (the tenth batch's tuning half: "... rather than after. Just a
    // thought!" is the same move, too often sincere to read alone).
    if !s.question && matches!(s.words, ["just", "saying" | "sayin"] | ["food", "for", "thought"]) {
        return Some((0, last, DIG_M));
    }

    if matches!(
        s.words,
        [
            "with" | "using",
            "your",
            "mouse" | "finger" | "fingers" | "hand" | "hands" | "eyes" | "keyboard" | "thumb" | "phone"
        ]
    ) {
        return Some((0, last, MOCK_M));
    }
    // Congratulations on being the first to try what cannot be done:
    // "Congratulations, Ian, you're the first person this year to try to
    // renew a permit for a car registered in another city. Unfortunately
    // it can't be done." (Not "Congratulations, you're the first customer
    // to try our new app", with no refusal after it.)
    let congrats = s.at(CONGRATS) & 0b111 != 0;
    if congrats {
        let first = s.words.windows(2).any(|p| {
            matches!(p[0], "first" | "only")
                && matches!(
                    p[1],
                    "person" | "customer" | "one" | "caller" | "member" | "resident" | "passenger" | "student"
                )
        });
        let tried = s.words.windows(2).any(|p| p[0] == "to" && matches!(p[1], "try" | "attempt" | "manage" | "ask"));
        let refused = || {
            next().is_some_and(|n| {
                n.words.iter().any(|w| {
                    matches!(
                        *w,
                        "unfortunately"
                            | "sadly"
                            | "afraid"
                            | "can't"
                            | "cannot"
                            | "cant"
                            | "unable"
                            | "impossible"
                            | "isn't"
                            | "not"
                    )
                }) && !n.words.iter().any(|w| matches!(*w, "yet" | "coming" | "soon" | "next" | "but"))
            })
        };
        if first && tried && refused() {
            return Some((0, last, MOCK_M));
        }
    }
    // Mock compliance undone by the next sentence: "Sure, Mo, I'll just ask
    // the driver to turn the van around on the motorway. Realistically,
    // the earliest redelivery is tomorrow." (Not "I'll push for a same-day
    // fix. Realistically, it may take until Friday": no mock "sure"; not
    // "Sure, I'll just check that for you. Realistically it may take a
    // minute": the mock promise spells its absurdity out, at length.)
    let just = s.pos(JUST_PROMISE);
    if matches!(
        s.words,
        ["sure" | "absolutely" | "certainly" | "oh", ..] | ["of", "course", ..] | ["no", "problem", ..]
    ) && just.is_some_and(|j| len - j >= 15 && s.words.get(j + 2) != Some(&"need"))
        && next().is_some_and(|n| {
            matches!(
                n.words,
                ["realistically" | "seriously" | "honestly", ..]
                    | ["in", "reality" | "all", ..]
                    | ["joking", "aside", ..]
            )
            // The reality undoes the promise ("the earliest redelivery is
            // tomorrow"), not times it ("he'll be with you between 9 and
            // 11": the stress test).
            && n.words.iter().any(|w| matches!(*w, "earliest" | "until" | "won't" | "can't" | "cannot" | "only" | "actually"))
        })
    {
        return Some((0, last, ASSURE_M));
    }
    // Most customers manage it, but the agent will help this one: "Most of
    // our customers are able to set up their voicemail using the
    // instructions, but I'm happy to go through it with you."
    if let Some(k) = s.pos(MOST) {
        let w = &s.words[k + 1..];
        let who = match w {
            ["of", "our" | "the", "customers" | "users" | "members" | "clients" | "people", ..] => 3,
            ["of", "customers" | "users" | "members" | "clients" | "people", ..] => 2,
            ["customers" | "users" | "members" | "clients" | "people", ..] => 1,
            _ => 0,
        };
        let alone = || s.words.windows(3).any(|p| matches!(p, ["without", "any", "help"] | ["on", "their", "own"]));
        let manage = who > 0
            && (matches!(
                &w[who..],
                ["are", "able", ..]
                    | ["manage", ..]
                    | ["have", "no", "trouble" | "problem" | "difficulty", ..]
                    | ["find", "it", "easy" | "simple", ..]
            ) || alone());
        let but_we_help = manage
            && s.words.windows(3).any(|p| {
                p[0] == "but"
                    && matches!(
                        (p[1], p[2]),
                        ("i'm" | "we're", "happy" | "glad")
                            | ("i" | "we", "can" | "will")
                            | ("let", "me")
                            | ("i'll" | "we'll", _)
                            | ("here's", _)
                    )
            });
        // ("..., but I'm happy to send you a paper form if that's easier":
        // another channel offered, the stress test.)
        let channel = s.words.iter().any(|w| matches!(*w, "paper" | "post" | "phone" | "easier" | "prefer"));
        if but_we_help && !channel {
            return Some((0, last, MOCK_M));
        }
    }
    // A mock apology for what works as it should, by a tautology: "I'm
    // terribly sorry that our 30-day returns window is 30 days long",
    // "so sorry that the reset email you requested four times arrived four
    // times" (earlier batches' tuning halves, session 32). (Not "sorry the
    // 3-day delivery took 3 extra days".)
    if s.any(APOLOGY_WORDS) && repeated_measure(doc, s.from, end) {
        return Some((0, last, MOCK_M));
    }
    // A mock apology for the customer's surprise at what they were told
    // long ago: "So sorry the deadline we posted six weeks ago came as such
    // a shock". (Not with an owned fault: "sorry the bill came as a shock;
    // the notice we sent two months ago should have been clearer".)
    if s.any(CAME_AS)
        && s.any(APOLOGY_WORDS)
        && s.words.contains(&"ago")
        && s.words.windows(2).any(|p| p == ["came", "as"])
        && s.words.iter().any(|w| matches!(*w, "shock" | "surprise"))
        && !with_next().windows(2).any(|p| matches!(p, ["should", "have"] | ["our", "fault" | "mistake" | "error"]))
    {
        return Some((0, last, MOCK_M));
    }
    // The customer's belief undone, at more length than the phrase table's
    // "isn't the fortress you thought it was": "wasn't exactly the
    // impenetrable security measure you imagined it to be" (the session's
    // review).
    let denied = s.pos(NEGATED_COPULA);
    if let Some(c) = denied {
        let mut j = c + 1;
        if matches!(s.words.get(j), Some(&("quite" | "exactly" | "really"))) {
            j += 1;
        }
        let believed = s.words.get(j) == Some(&"the")
            && (j + 2..(j + 6).min(len.saturating_sub(1))).any(|y| {
                s.words[y] == "you"
                    && matches!(s.words[y + 1], "thought" | "imagined" | "believed" | "assumed" | "pictured" | "hoped")
            });
        if believed && !sincere {
            return Some((c, last, MOCK_M));
        }
    }
    // The eleventh batch's tuning half (session 32):
    // - an answer unchanged, counted by the contacts it took: "they
    //   haven't changed since the last three chats" (not "nothing on your
    //   account has changed since the last three chats", a reassurance);
    let since_count = bits(s.at(SINCE_LAST))
        .any(|k| matches!(s.words.get(k + 3), Some(&("two" | "three" | "four" | "five" | "six" | "several" | "many"))));
    if since_count
        && s.words.contains(&"changed")
        && s.words.iter().any(|w| matches!(*w, "haven't" | "hasn't" | "havent" | "hasnt" | "not"))
        && !s.words.iter().any(|w| matches!(*w, "nothing" | "still" | "confirmed"))
    {
        return Some((0, last, COUNT_M));
    }
    // - the places it was shown, counted or listed: "our website only shows
    //   the baggage allowance in three places", "checkout is at 11, which is
    //   printed on the key card sleeve, on the back of the door, and on the
    //   TV welcome screen";
    let shown = s.pos(SHOWN);
    if let Some(k) = shown {
        let places = places_counted_or_listed(&s.words[k + 1..]);
        // What the customer missed, a rule or a time, or "only" and
        // "clearly" said of it; not their own data shown to help them
        // ("Your PIN is printed on the back of the card sleeve, on the
        // welcome letter, and in the app": the second review).
        let missed = s.words.iter().any(|w| {
            matches!(
                *w,
                "only"
                    | "clearly"
                    | "checkout"
                    | "allowance"
                    | "fee"
                    | "fees"
                    | "limit"
                    | "policy"
                    | "terms"
                    | "deadline"
                    | "hours"
                    | "charge"
                    | "charges"
                    | "rules"
                    | "cut-off"
                    | "cutoff"
            )
        });
        // (Not beside a fault owned: "it's printed in three places, but
        // none of them clearly, and that's our mistake".)
        let ours = with_next().windows(2).any(|p| matches!(p, ["our", "fault" | "mistake" | "error"] | ["on", "us"]));
        if places && missed && !ours {
            return Some((0, last, MOCK_M));
        }
    }
    // - a mock apology for what was plain, or chosen by the customer: "I'm
    //   terribly sorry that the clearly labelled minibar prices came as
    //   such a surprise", "So sorry that the delivery window you chose
    //   yourself turned out to be one you weren't home for" (not "sorry we
    //   didn't clearly label it");
    if s.any(APOLOGY_WORDS) {
        let plain = s.words.windows(2).any(|p| {
            p[0] == "clearly"
                && matches!(
                    p[1],
                    "labelled" | "labeled" | "marked" | "signposted" | "displayed" | "stated" | "printed" | "written"
                )
        }) && !s
            .words
            .iter()
            .any(|w| matches!(*w, "not" | "didn't" | "wasn't" | "weren't" | "isn't" | "hadn't"));
        // "you chose yourself", "you picked it yourself".
        let chosen = s.words.windows(3).enumerate().any(|(i, p)| {
            p[0] == "you"
                && matches!(p[1], "chose" | "picked" | "selected" | "booked" | "entered" | "typed" | "set")
                && (p[2] == "yourself" || s.words.get(i + 3) == Some(&"yourself"))
        });
        // (Not beside a fault owned or put right: "I'm sorry the clearly
        // labelled price was wrong; we've fixed the label".)
        let owned = s.words.iter().any(|w| {
            matches!(
                *w,
                "we" | "we've"
                    | "we'll"
                    | "i've"
                    | "i'll"
                    | "wrong"
                    | "mistake"
                    | "error"
                    | "fault"
                    | "incorrect"
                    | "our"
                    | "broken"
                    | "damaged"
                    | "late"
                    | "missed"
                    | "lost"
                    | "faulty"
                    | "replacement"
                    | "redeliver"
                    | "refund"
                    | "refunded"
            )
        });
        if (plain || chosen) && !owned {
            return Some((0, last, MOCK_M));
        }
    }
    // - persistence praised while counted: "Your dedication is genuinely
    //   impressive: this is the ninth message on the same topic since
    //   Friday";
    if s.any(DEDICATION)
        && s.words.iter().any(|w| matches!(*w, "impressive" | "admirable" | "remarkable" | "commendable" | "inspiring"))
        && (s.any(ORDINALS) || s.any(NUMBERS_COUNTED) || s.any(DIGITS))
        && s.words.iter().any(|w| {
            matches!(
                *w,
                "message"
                    | "messages"
                    | "email"
                    | "emails"
                    | "call"
                    | "calls"
                    | "ticket"
                    | "tickets"
                    | "chat"
                    | "chats"
                    | "complaint"
                    | "complaints"
                    | "request"
                    | "requests"
            )
        })
    {
        return Some((0, last, COUNT_M));
    }
    // - weariness announced, a sentence of its own: "Right. Here we go
    //   again then." (not "Here we go again: another storm warning, so
    //   ...", said of the weather);
    // (Its length first: most sentences are longer, and are passed over
    // without a branch on their last words.)
    if s.words.len() <= 7
        && matches!(
            s.words,
            [.., "here", "we", "go", "again"] | [.., "here", "we", "go", "again", "then" | "i" | "see"]
        )
        && !doc.tokens[s.from + last].gap_has(gap::EXCLAIM)
    {
        return Some((0, last, SIGH_M));
    }
    // - a mystery announced alone: "Truly a mystery." (and the phrase
    //   table's "a mystery to you").
    if !s.question
        && matches!(
            s.words,
            ["truly" | "quite" | "what" | "such", "a", "mystery"]
                | ["a", "mystery"]
                | ["a", "complete" | "total" | "real", "mystery"]
                | ["a", "complete" | "total" | "real", "mystery", "then"]
        )
    {
        return Some((0, last, MOCK_M));
    }
    // A grand investigation that found the customer's trivial slip: "After
    // an extensive, multi-day investigation involving two engineers, our
    // team made a breakthrough: the router was switched off at the plug"
    // (session 32). Not a grand search that found our fault ("after an
    // extensive investigation we found a cut cable at the exchange"), not
    // beside an apology or an owned fault.
    // (Not good news, an error owned, a trivial cause in a condition or in
    // our own place: "Brace yourself for good news: the warranty covers the
    // flat battery", "after an exhaustive search of our warehouse ... it had
    // been switched off at the plug in the returns area": the stress test.)
    let ours_or_good = || {
        with_next().windows(2).any(|p| {
            matches!(
                p,
                ["good", "news"]
                    | ["in", "error"]
                    | [
                        "our",
                        "warehouse"
                            | "depot"
                            | "side"
                            | "end"
                            | "exchange"
                            | "network"
                            | "system"
                            | "returns"
                            | "engineer"
                            | "engineers"
                    ]
            )
        }) || with_next().contains(&"if")
    };
    if s.any(DRAMA) && !sincere && trivial_cause(with_next()) && !owns(with_next(), false) && !ours_or_good() {
        return Some((0, last, MOCK_M));
    }
    // A tautology announced as a finding: "a policy which was cancelled
    // is, in fact, cancelled" (session 32; the same word before and after
    // "is, in fact,").
    if let Some(k) = s.any(IN_FACT_ASIDE).then(|| tautology(doc, s)).flatten() {
        return Some((k, last, MOCK_M));
    }
    // An absurd fate guessed for the customer's thing: "Is everything
    // alright with your calendar? Perhaps it's been kidnapped" (session 32).
    if let Some(k) = s.pos(ABSURD_FATE) {
        if s.at(GUESSES) & ((1u128 << k) - 1) != 0 && !sincere && !s.question {
            return Some((0, last, MOCK_M));
        }
    }

    // An emoji after a reproach.
    // Emoji sit between words, often without a full stop after them. Emoji
    // are never ASCII: most sentences, their words and gaps, hold none.
    let gaps = doc.tokens[s.from].span.end()..doc.tokens.get(end).map_or(doc.text.len(), |t| t.span.start());
    let gaps = if ascii || doc.text.as_bytes()[gaps].is_ascii() { end..end } else { s.from..end };
    for k in gaps {
        let from = doc.tokens[k].span.end();
        let to = doc.tokens.get(k + 1).map_or(doc.text.len(), |t| t.span.start());
        // Emoji are never ASCII: most gaps (a space, a comma) hold none.
        if doc.text.as_bytes()[from..to].is_ascii() {
            continue;
        }
        let gap_text = &doc.text[from..to];
        if !gap_text.contains(SMUG_EMOJI) {
            continue;
        }
        let before = Sentence::new(doc, s.from, &s.words[..=k - s.from], false);
        let aimed = before.any(SECOND_PERSON) || before.any(REPROACH);
        let barbed = gap_text.contains(BARBED_EMOJI);
        // "Great job reading the instructions 🙄": praise or thanks with
        // an eye-roll is mock praise, whoever it names.
        // (🙃 is as often self-mockery: "our checkout is down again 🙃".)
        let mock_praise = gap_text.contains(['🙄', '😒'])
            && !sincere
            && (before.any(WARM) || before.any(THANKS_WORDS) || before.any(PRAISE_IDIOMS));
        if (aimed && (barbed || before.any(REPROACH))) || mock_praise {
            return Some((0, k - s.from, EMOJI_M));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;
    use crate::Cue;

    #[test]
    fn a_count_in_digits_after_a_pair_still_opens_the_gate() {
        // Review (session 45): the gate's third-word test of a longer
        // marker ("in about # minutes") must let a number in digits through.
        assert_flags(Cue::Sarcasm, "Hi Frank, ⟦my nephew sets these up in about 2 minutes⟧.");
        assert_flags(Cue::Sarcasm, "Hi Frank, ⟦my nephew sets these up in 2 minutes⟧.");
    }

    /// Review (session 45): sentences made of the gate's marker words, in
    /// any order, with numbers, commas and question marks. Debug builds
    /// check that a sentence `may_pass` passes over holds no mechanism,
    /// that a gated reading's bits are the sentence's own, and that
    /// `barb_after` agrees with the walk it replaced: any disagreement
    /// panics here.
    #[test]
    fn the_gate_passes_over_no_sentence_with_a_mechanism() {
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = move |n: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % n as u64) as usize
        };
        let markers: Vec<&str> = super::SETS.iter().flat_map(|s| s.iter().copied()).collect();
        let words: Vec<&str> = markers.iter().flat_map(|m| m.split([' ', '|'])).collect();
        let fillers = ["the", "we", "our", "a", "it", "is", "to", "and", "Priya", "great", "so", "not", "you", "😊"];
        let numbers = ["3", "30", "2", "12", "2024", "4th"];
        let mut flagged = 0;
        for _ in 0..100_000 {
            let mut text = String::new();
            if next(3) == 0 {
                text.push_str("Hi Priya,\n");
            }
            for _ in 0..1 + next(3) {
                let len = 2 + next(12);
                let mut sentence: Vec<String> = Vec::new();
                while sentence.len() < len {
                    match next(4) {
                        // A whole marker, an alternative of each element.
                        0 => {
                            for element in markers[next(markers.len())].split(' ') {
                                let alts: Vec<&str> = element.split('|').collect();
                                let w = alts[next(alts.len())];
                                sentence.push(if w == "#" {
                                    numbers[next(numbers.len())].to_string()
                                } else {
                                    w.to_string()
                                });
                            }
                        }
                        1 => sentence.push(fillers[next(fillers.len())].to_string()),
                        2 => sentence.push(numbers[next(numbers.len())].to_string()),
                        _ => {
                            let w = words[next(words.len())];
                            sentence.push(if w == "#" { "5".to_string() } else { w.to_string() });
                        }
                    }
                }
                for (i, w) in sentence.iter().enumerate() {
                    if i > 0 {
                        text.push_str(if next(8) == 0 { ", " } else { " " });
                    }
                    text.push_str(w);
                }
                text.push_str([". ", "? ", "! ", "\n", " "][next(5)]);
            }
            let report = crate::analyze(&text, &crate::Context::default());
            flagged += usize::from(report.findings.iter().any(|f| f.cue == Cue::Sarcasm));
        }
        // (Many drafts hold sarcasm: the mechanisms are reached.)
        assert!(flagged > 1_000, "{flagged} drafts flagged");
    }

    #[test]
    fn a_file_or_code_in_quotes_is_no_scare_quote() {
        assert_clean(
            Cue::Sarcasm,
            "Hi Dev, if the installer hangs, open Task Manager, end the process called \"setup.exe\", and run it again.",
        );
        assert_clean(Cue::Sarcasm, "Hi Dev, the setting so-called \"sync_mode\" is off.");
        assert_flags(Cue::Sarcasm, "Hi Dev, your so-called ⟦\"urgent\"⟧ request is in the queue.");
    }

    #[test]
    fn mock_clarity_diagrams_and_undercut_thanks() {
        // The fifteenth QA pass.
        assert_flags(Cue::Sarcasm, "I'm ⟦not sure how to make this any clearer⟧. ⟦Hope that helps this time⟧.");
        assert_flags(Cue::Sarcasm, "Let me know if you need me to ⟦draw you a diagram⟧.");
        assert_flags(Cue::Sarcasm, "Gary, I appreciate your patience, ⟦even if it seems to be running a little thin⟧.");
        assert_flags(Cue::Sarcasm, "Thanks for ⟦your patience, such as it is⟧.");
        // Their twins.
        assert_clean(Cue::Sarcasm, "I'm not sure how to fix this yet, but I'll call you by 5 pm.");
        assert_clean(Cue::Sarcasm, "The driver will call you if he can't find the map pin.");
        assert_clean(Cue::Sarcasm, "Stock of the blue model is running a little thin, so I've reserved one for you.");
        assert_clean(Cue::Sarcasm, "Thank you for your patience, even if this has been a long wait.");
        // The pass's review.
        assert_flags(Cue::Sarcasm, "I'm ⟦not sure how I can make this any clearer⟧, but here goes.");
        assert_flags(Cue::Sarcasm, "Do I need to ⟦draw you a diagram⟧?");
        assert_flags(Cue::Sarcasm, "⟦Short of drawing you a map⟧, I don't know how else to explain it.");
        assert_clean(Cue::Sarcasm, "Our map team can draw you a map of the festival grounds if that would help.");
        assert_clean(
            Cue::Sarcasm,
            "I'm not sure how to make this any clearer for other customers, so your suggestion is very welcome.",
        );
    }

    #[test]
    fn idioms_of_mock_effort_and_inadequacy() {
        assert_flags(Cue::Sarcasm, "Thanks for your patience, Derek. Clearly reading the FAQ ⟦was too much to ask⟧.");
        assert_flags(Cue::Sarcasm, "Sure, we'll ⟦just drop everything⟧ and resend it.");
        assert_flags(Cue::Sarcasm, "So sorry that our 24/7 help centre ⟦wasn't good enough for you⟧.");
        assert_flags(Cue::Sarcasm, "Hi Nadia, I'm ⟦sure you're very busy, but⟧ the link was in the email.");
        assert_clean(Cue::Sarcasm, "Hi Nadia, I'm sure you're very busy, so I'll keep this short.");
    }

    #[test]
    fn mocking_the_customer_for_not_saying_what_they_mean() {
        // Found by the fourth QA pass.
        assert_flags(Cue::Sarcasm, "⟦I'm sure you'll understand that⟧ ⟦we can't read minds⟧.");
        assert_flags(Cue::Sarcasm, "Which order? ⟦We can't read minds⟧.");
        assert_flags(Cue::Sarcasm, "⟦We're not mind readers⟧, so include your order number next time.");
        assert_flags(Cue::Sarcasm, "Hi Ola, ⟦I am not psychic⟧. Which order do you mean?");
        assert_clean(Cue::Sarcasm, "Hi Ola, our psychic readings are booked by phone. Which session do you mean?");
        assert_clean(Cue::Sarcasm, "I'm sure you'll love the new colour, Ola.");
    }

    #[test]
    fn a_sixth_batchs_mechanisms_and_their_sincere_twins() {
        // From the tuning half of the sixth sarcasm batch, each with sincere
        // twins (several found by a reviewer).
        assert_flags(Cue::Sarcasm, "⟦Where exactly did you think⟧ the Cancel button would take you?");
        assert_flags(Cue::Sarcasm, "⟦Did you think the meter would keep sending readings while unplugged⟧?");
        assert_clean(Cue::Sarcasm, "Did you get the reading from the meter? If not, I can book a visit.");
        assert_clean(Cue::Sarcasm, "I think the meter would need a new battery; I've booked a visit.");
        assert_clean(
            Cue::Sarcasm,
            "Did you think the bundle would include the charger? Our listing was unclear, and I'm sorry.",
        );
        assert_clean(Cue::Sarcasm, "What exactly did you expect from the service, so we can do better next time?");
        assert_flags(Cue::Sarcasm, "⟦Have you tried reading the text⟧ we sent about the data cap?");
        assert_clean(Cue::Sarcasm, "Have you tried restarting the router? That clears most drops.");
        assert_clean(Cue::Sarcasm, "Have you tried reading the meter again after the reset?");
        assert_flags(Cue::Sarcasm, "Since tracking numbers ⟦don't seem to be your thing⟧, here it is again.");
        assert_clean(Cue::Sarcasm, "If live chat isn't your thing, you can email us instead.");
        assert_clean(Cue::Sarcasm, "If spreadsheets don't seem to be your thing, our team can set it up free.");
        assert_clean(Cue::Sarcasm, "If DIY isn't exactly your forte, we offer free installation.");
        assert_flags(Cue::Sarcasm, "You're remarkably persistent ⟦for someone who hasn't⟧ read the tenancy agreement.");
        assert_clean(Cue::Sarcasm, "This plan is ideal for someone who doesn't travel much.");
        assert_clean(
            Cue::Sarcasm,
            "You're a great fit for the app, made for someone who can't always get to a branch.",
        );
        assert_clean(Cue::Sarcasm, "As anyone who has flown with us knows, we're happy to help.");
        assert_flags(Cue::Sarcasm, "⟦Sorry if the giant red SOLD OUT banner wasn't clear enough, Marcus⟧.");
        assert_clean(Cue::Sarcasm, "Sorry if my last message wasn't clear enough, Marcus: the item is sold out.");
        assert_clean(Cue::Sarcasm, "Hi Priya, I'm sorry the giant bicycle frame arrived scratched.");
        assert_clean(Cue::Sarcasm, "Sorry the large print edition was out of stock; it's back on Monday.");
        // Inside the mockery, a hollow apology is still hollow.
        assert_flags(Cue::ApologyHollow, "⟦Sorry if⟧ the giant red SOLD OUT banner wasn't clear enough, Marcus.");
        assert_clean(Cue::Sarcasm, "I know this has been a real hardship for your family, and I'm sorry.");
        assert_clean(Cue::Sarcasm, "I'd be glad to walk you through it very slowly over the phone.");
        assert_clean(Cue::Sarcasm, "For future reference, remember you can pause your subscription in Settings.");
        assert_flags(Cue::Sarcasm, "⟦I'm sure you'll understand that⟧ the offer has ended.");
        assert_clean(Cue::Sarcasm, "I'm sure you'll appreciate the new faster delivery times.");
        // Thanks that made our day, unless for an imposition counted.
        assert_clean(Cue::Sarcasm, "Thank you SO much for your lovely message, it absolutely made our day!");
        assert_clean(Cue::Sarcasm, "Thanks for the photos, they made my day.");
        assert_clean(Cue::Sarcasm, "Your review has honestly made the whole team's month!");
        assert_flags(Cue::Sarcasm, "Seventeen tickets overnight, that ⟦made my day⟧.");
        // Thanks for consulting us first; thanks for writing before reading.
        assert_clean(Cue::Sarcasm, "Hi, thanks for checking with us before you ordered.");
        assert_flags(Cue::Sarcasm, "⟦Thanks for emailing before you'd even opened the guide⟧.");
    }

    #[test]
    fn the_fifth_qa_passs_sincere_replies() {
        // Counting what happened to the account is no count of contacts;
        // an apology for our mix-up about what they chose is sincere.
        assert_clean(Cue::Sarcasm, "Hi Beth, your card was blocked because an incorrect PIN was entered three times.");
        // A plain yes with its reason on a line of its own (QA pass 7).
        assert_clean(Cue::Sarcasm, "Hi Kunal,\n\nYes, you'll get a full refund because the match was cancelled.");
        assert_flags(Cue::Sarcasm, "Hi Kunal,\n\n⟦Yes, because a refund for a cancelled match is such a big ask⟧.");
        assert_clean(
            Cue::Sarcasm,
            "Hi Kunal,\n\nYes, because the match was cancelled, you'll get a full refund within 5 days.",
        );
        assert_clean(Cue::Sarcasm, "Of course, because you paid by card, the refund goes back to the same card.");
        assert_flags(Cue::Sarcasm, "⟦Right, so you want a refund because the courier was ten minutes late⟧.");
        assert_clean(Cue::Sarcasm, "Hi Sam, I'm sorry the car you booked isn't available, and I've upgraded you.");
        // Sorry that what they got was not what they chose owns our
        // mistake; sorry that it was exactly that mocks (QA pass 7).
        assert_clean(Cue::Sarcasm, "Hi Sam, I'm sorry the room wasn't what you booked.");
        assert_clean(Cue::Sarcasm, "Hi Sam, I'm sorry the car isn't the one you booked.");
        assert_flags(Cue::Sarcasm, "Hi Sam, ⟦I'm so sorry the car is exactly the one you booked⟧.");
        assert_flags(Cue::Sarcasm, "Hi Beth, ⟦you've now called three times about the same PIN⟧.");
        assert_clean(
            Cue::Sarcasm,
            "Hi Paul, I'm so sorry for the mix-up with the colour you chose. Your replacement ships tomorrow.",
        );
        assert_flags(Cue::Sarcasm, "⟦So sorry we sent you exactly the colour you chose⟧.");
        // The rewrite of "Good luck with that." keeps one full stop.
        assert_suggests(Cue::Sarcasm, None, "It's escalated. ⟦Good luck with that⟧.", "I hope this helps");
    }

    #[test]
    fn to_recap_replaces_only_a_whole_clause() {
        assert_suggests(Cue::Sarcasm, None, "⟦As I already explained⟧, the refund takes five days.", "To recap");
        assert_flags(Cue::Sarcasm, "Hi Priya, the form is attached again, ⟦for the fourth time⟧.");
        // Nothing after it to recap: no rewrite (the last, QA pass 7).
        for text in [
            "As I've already explained twice, your refund was issued on 3 May.",
            "Not sure how else to explain this.",
            "Hi Priya, the form is attached again, for the fourth time.",
        ] {
            let report = crate::analyze(text, &crate::Context::default());
            let f = report.findings.iter().find(|f| f.cue == Cue::Sarcasm).expect("a reminder");
            assert!(f.suggestions.is_empty(), "{text}: {:?}", f.suggestions);
        }
    }

    #[test]
    fn talking_down_about_the_customers_difficulty() {
        assert_flags(
            Cue::Sarcasm,
            "Hi Dana, I'm not sure why you're struggling with ⟦something so simple⟧, but here are the steps again.",
        );
        assert_flags(Cue::Sarcasm, "Hi Dana, let me ⟦explain it slowly this time⟧: click Settings, then Reset.");
        assert_flags(Cue::Sarcasm, "Hi Dana, ⟦it really isn't that hard⟧ to find the reset button.");
        // Aimed elsewhere: our own trouble, reassurance, the customer asked
        // to go slower at a form.
        assert_clean(Cue::Sarcasm, "Hi Dana, good news: it was such a simple fix in the end!");
        assert_clean(
            Cue::Sarcasm,
            "Hi Dana, for something so simple it caused a lot of trouble on our side, and I'm sorry.",
        );
        assert_clean(Cue::Sarcasm, "Hi Dana, don't worry, it isn't that hard and I'll walk you through it.");
        // An opinion about others, not a step of the customer's (iSarcasmEval).
        assert_clean(
            Cue::Sarcasm,
            "Wearing a mask really isn't a big deal. It really isn't that hard and just protects others.",
        );
        assert_clean(
            Cue::Sarcasm,
            "Hi Dana, please go slower this time when you enter the code, as the field times out.",
        );
    }

    #[test]
    fn flags_passive_aggressive_reminders() {
        assert_flags(Cue::Sarcasm, "⟦As I already explained⟧, the refund takes five days.");
        assert_flags(Cue::Sarcasm, "⟦Per my last email⟧, the form is attached.");
        assert_flags(Cue::Sarcasm, "This is the answer ⟦for the third time⟧.");
    }

    #[test]
    fn flags_mockery_putdowns_and_scare_quotes() {
        assert_flags(Cue::Sarcasm, "⟦Good luck with that⟧.");
        assert_flags(Cue::Sarcasm, "⟦What part of⟧ 'restart' is unclear?");
        assert_flags(Cue::Sarcasm, "We looked into your ⟦\"urgent\"⟧ issue.");
        // A state put on the customer in quotes (QA pass 7).
        assert_flags(
            Cue::Sarcasm,
            "Hi Priya, I appreciate that you're ⟦\"really upset\"⟧, but the delay was caused by the weather.",
        );
        assert_clean(Cue::Sarcasm, "Hi Priya, I can tell you're really upset, and I'm sorry about the delay.");
        assert_clean(Cue::Sarcasm, "Hi Priya, you wrote that you were \"sorry to complain\". Please don't be!");
        assert_flags(Cue::Sarcasm, "⟦Thanks for nothing⟧.");
    }

    #[test]
    fn digs_at_the_customers_time_fuss_and_writing_again() {
        // Found by the seventh QA pass, each with a sincere twin.
        assert_flags(Cue::Sarcasm, "Hi Priya, glad ⟦you finally found the time to reply⟧ to us.");
        assert_clean(
            Cue::Sarcasm,
            "Hi Priya, glad you finally got the time to visit us, and thanks for the lovely review!",
        );
        assert_clean(Cue::Sarcasm, "Hi Priya, I hope you finally had the time to enjoy your holiday.");
        assert_flags(Cue::Sarcasm, "Hi Priya, it's a £5 charge, so I ⟦don't really see what the fuss is about⟧.");
        assert_flags(Cue::Sarcasm, "Hi Priya, I ⟦do not see what all the fuss is about⟧.");
        assert_clean(Cue::Sarcasm, "So glad you loved the burger, now you know what all the fuss is about!");
        assert_flags(Cue::Sarcasm, "Hi Priya, I'd kindly ask you to check your bank statement ⟦before writing again⟧.");
        assert_clean(
            Cue::PoliteRequest,
            "Hi Priya, I'd kindly ask you to check your bank statement before writing again.",
        );
        assert_clean(
            Cue::Sarcasm,
            "Hi Priya, please allow up to 48 hours for the refund to appear before contacting us again.",
        );
    }

    #[test]
    fn flags_condescending_reminders() {
        assert_flags(Cue::Sarcasm, "⟦Perhaps you missed⟧ the part about the fee.");
        assert_flags(Cue::Sarcasm, "⟦As you should already know⟧, refunds take 5 days.");
        assert_flags(Cue::Sarcasm, "⟦Not sure if you're aware⟧, but the store closes at 6.");
    }

    #[test]
    fn a_one_word_sentence_before_a_mechanism_is_still_read() {
        // Found by review (when sentences were passed over by a signature of
        // their word pairs): the one-element markers of a sentence of one
        // word must still match ("Downgraded", "again").
        assert_flags(Cue::Sarcasm, "Downgraded. ⟦Enjoy the 2GB limit⟧.");
        assert_flags(Cue::Sarcasm, "⟦Again⟧ 🙄 you need to restart the router.");
    }

    #[test]
    fn a_lone_not_takes_back_the_sentence_before() {
        assert_flags(Cue::Sarcasm, "⟦Thanks so much for reading the instructions this time⟧. Not.");
        assert_flags(Cue::Sarcasm, "⟦We love hearing from you⟧. NOT! Your ticket is closed.");
        // "Not" that begins a sentence of its own words takes nothing back.
        assert_clean(Cue::Sarcasm, "We'd love to help. Not a problem at all!");
        assert_clean(Cue::Sarcasm, "Is this your fault? Not at all. We'll fix it today.");
        // A line wrapped before "not." (found by review).
        assert_clean(Cue::Sarcasm, "We can't confirm whether it's covered or\nnot. We'll call you.");
    }

    #[test]
    fn single_quotes_scare_too() {
        assert_flags(Cue::Sarcasm, "Your ⟦'urgent'⟧ request has been logged.");
        assert_flags(Cue::Sarcasm, "Hi Sam, your ⟦‘urgent’⟧ request has been logged.");
        // A menu item, a contraction, a name in quotes: no scare.
        assert_clean(Cue::Sarcasm, "Tap 'Settings' and then 'Reset'. We'll sort it out, don't worry.");
        assert_clean(Cue::Sarcasm, "Your 'Premium' plan renews on 3 May.");
        // Single quotes that name a term or an option (found by review).
        assert_clean(Cue::Sarcasm, "Please check your 'billing' address and your 'basic' account.");
        assert_clean(Cue::Sarcasm, "Check the 'spam' or 'junk' folder.");
        assert_clean(Cue::Sarcasm, "Is it the 'standard' delivery you chose?");
        // Found by the evaluation's run over real text: the 40 bytes looked
        // at may end inside a character.
        assert_clean(Cue::Sarcasm, "your 'aéééééééééééééééééééééééééé");
        assert_clean(Cue::Sarcasm, "your 'abcdefghijklmnopqrstuvwxyzabcdefghijklm😀 x");
        assert_clean(Cue::Sarcasm, "We've updated the customers' accounts and your 'n' key's label, 'til Friday.");
    }

    #[test]
    fn praise_with_an_eye_roll_is_mock_praise() {
        assert_flags(Cue::Sarcasm, "⟦Great job reading the instructions⟧ 🙄 The button is on the left.");
        assert_flags(Cue::Sarcasm, "⟦Thanks for waiting⟧ 😒");
        // A warm emoji after thanks is warm; an upside-down face after
        // thanks is not taken for an eye-roll.
        assert_clean(Cue::Sarcasm, "Thanks for your patience 🙂 Your refund is on its way.");
        assert_clean(Cue::Sarcasm, "Thanks, our new checkout is live 🙃 Enjoy!");
    }

    #[test]
    fn words_called_sarcastic_get_no_praise() {
        let report =
            crate::analyze("We're thrilled to hear about your fifth complaint this month.", &crate::Context::default());
        let cues: Vec<&str> = report.findings.iter().map(|f| f.cue.id()).collect();
        assert!(cues.contains(&"sarcasm") && !cues.contains(&"positive-language"), "{cues:?}");
        // The same praise in a sincere sentence stays.
        let report = crate::analyze("Hi Sam, great news: your refund is on its way.", &crate::Context::default());
        assert!(report.findings.iter().any(|f| f.cue == Cue::PositiveLanguage), "{:?}", report.findings);
        // Shouted courtesy is no courtesy; a shouted date is still a date.
        let report = crate::analyze(
            "Hi Sam, WE ALSO SENT A SPARE CHARGER YESTERDAY. PLEASE CHECK YOUR MAILBOX BY FRIDAY.",
            &crate::Context::default(),
        );
        let cues: Vec<&str> = report.findings.iter().map(|f| f.cue.id()).collect();
        assert!(cues.contains(&"shouting") && cues.contains(&"name-used"), "{cues:?}");
        assert!(!cues.contains(&"extra-mile") && !cues.contains(&"polite-request"), "{cues:?}");
        // The same words said calmly keep their praise (so the test above
        // can fail only for the right reason).
        let report = crate::analyze(
            "Hi Sam, we also sent a spare charger yesterday. Please check your mailbox by Friday.",
            &crate::Context::default(),
        );
        let cues: Vec<&str> = report.findings.iter().map(|f| f.cue.id()).collect();
        assert!(cues.contains(&"extra-mile") && cues.contains(&"polite-request"), "{cues:?}");
        // Shouted empathy is no empathy; said calmly it is.
        let ctx = crate::Context::default();
        let shouted =
            crate::analyze("I COMPLETELY UNDERSTAND HOW FRUSTRATING THIS IS. YOUR ORDER SHIPS TOMORROW.", &ctx);
        assert!(!shouted.findings.iter().any(|f| f.cue == Cue::Empathy), "{:?}", shouted.findings);
        let calm = crate::analyze("I completely understand how frustrating this is. Your order ships tomorrow.", &ctx);
        assert!(calm.findings.iter().any(|f| f.cue == Cue::Empathy), "{:?}", calm.findings);
    }

    #[test]
    fn a_word_that_folds_to_nothing_is_no_number() {
        // Found by review: a lone combining mark is a token whose folded
        // form is empty, and it once counted as a number ("email number 5").
        assert_clean(Cue::Sarcasm, "That is email number \u{345} today.");
        assert_flags(Cue::Sarcasm, "⟦That is email number 5 today⟧.");
    }

    #[test]
    fn allows_professional_phrasing() {
        assert_clean(Cue::Sarcasm, "As I mentioned on the phone, I'm happy to help.");
        assert_clean(Cue::Sarcasm, "Click the \"Reset\" button and wait a minute.");
        assert_clean(Cue::Sarcasm, "Good luck with the launch tomorrow!");
        assert_clean(Cue::Sarcasm, "Great job on the setup, it all looks right.");
    }

    #[test]
    fn mechanisms_catch_phrasings_no_table_lists() {
        // Repetition stressed or counted.
        assert_flags(Cue::Sarcasm, "Hi Lee. ⟦As I've told⟧ you twice now, the code expires after ten minutes.");
        assert_flags(Cue::Sarcasm, "Hi Lee, ⟦again⟧, the label is in the email from Monday.");
        // Counting the customer's contacts.
        assert_flags(Cue::Sarcasm, "⟦That's your ninth email this week about the same refund⟧.");
        // The greeting is not part of the dig.
        assert_flags(Cue::Sarcasm, "Hi Priya, ⟦that's your ninth email this week about the same refund⟧.");
        // Noticing the count without owning it is still the count.
        assert_flags(Cue::Sarcasm, "⟦I see you've emailed us five times today⟧. The answer is the same.");
        // Over-explanation.
        assert_flags(Cue::Sarcasm, "⟦Let me put this as simply as I can⟧: the plan renews yearly.");
        // Mock thanks and mock apology.
        assert_flags(Cue::Sarcasm, "⟦Thanks for the lecture on how to run a bank⟧.");
        assert_flags(Cue::Sarcasm, "⟦So sorry we don't have a crystal ball⟧.");
        // Mock patience.
        assert_flags(Cue::Sarcasm, "⟦Take your time, it's only been six weeks⟧.");
        assert_flags(Cue::Sarcasm, "⟦Waiting a whole three days must be hard⟧.");
        // Feigned surprise.
        assert_flags(Cue::Sarcasm, "The card was never activated. ⟦Who could have guessed⟧.");
        // Mock assurance.
        assert_flags(Cue::Sarcasm, "⟦I'm sure the entire board will drop everything for this⟧.");
        // Rhetorical question.
        assert_flags(Cue::Sarcasm, "⟦Did you actually open the attachment⟧?");
        // End digs and minimisers.
        assert_flags(Cue::Sarcasm, "The parcel arrived on time, ⟦for once⟧.");
        assert_flags(Cue::Sarcasm, "Tap Orders. It's the tab ⟦literally called Orders⟧.");
        // Sarcastic agreement.
        assert_flags(Cue::Sarcasm, "⟦Right, because a one-day delay is obviously a catastrophe⟧.");
        // Emoji after a reproach.
        assert_flags(Cue::Sarcasm, "⟦The fee is listed on the first page⟧ 🙃 Let me know if you need help.");
    }

    #[test]
    fn a_wish_about_the_customers_own_choice_is_a_dig() {
        assert_flags(Cue::Sarcasm, "Cover removed as requested. ⟦Here's hoping the old van stays reliable⟧.");
        assert_flags(Cue::Sarcasm, "Downgraded to Basic as you asked. ⟦Enjoy the 2GB limit⟧.");
        assert_clean(Cue::Sarcasm, "Your plan is cancelled as requested. Enjoy your new phone!");
        assert_clean(Cue::Sarcasm, "Some likes were removed as invalid. Hope that clarifies things.");
        assert_clean(Cue::Sarcasm, "Enjoy the concert tonight!");
        // The ninth QA pass: a wish about the customer's life after doing as
        // they asked is sincere; one about going without is not.
        assert_clean(Cue::Sarcasm, "Hi Paul, your session is cancelled. I hope the recovery goes well.");
        assert_clean(Cue::Sarcasm, "Hi Paul, your session is cancelled. Hope the party goes well!");
        assert_flags(Cue::Sarcasm, "Your broadband is cancelled as requested. ⟦Enjoy the trip without internet⟧.");
        assert_flags(Cue::Sarcasm, "Your broadband is cancelled as requested. ⟦Good luck with the move to Virgin⟧.");
    }

    #[test]
    fn ironic_frames_carry_the_mechanism() {
        assert_flags(Cue::Sarcasm, "⟦Funny how the sync stopped the day the folder was deleted⟧.");
        assert_flags(Cue::Sarcasm, "⟦Booking March instead of May was a slight hiccup⟧.");
        assert_flags(Cue::Sarcasm, "⟦As you'll no doubt remember, transfers need a card reader⟧.");
        assert_flags(Cue::Sarcasm, "⟦Yay, a fifth password reset this week⟧!");
        assert_clean(Cue::Sarcasm, "There was a slight hiccup on our side and we've fixed it.");
        assert_clean(Cue::Sarcasm, "Brilliant, the third photo did the trick!");
    }

    #[test]
    fn mechanisms_written_before_the_ninth_batch() {
        // The customer's doing named as the obvious cause, in mock wonder.
        assert_flags(
            Cue::Sarcasm,
            "Hi Dan, gee, ⟦I wonder why the printer stopped working after you poured coffee on it⟧.",
        );
        assert_flags(Cue::Sarcasm, "Hi Dan, ⟦of course the app crashed, you installed it on a phone from 2012⟧.");
        assert_clean(Cue::Sarcasm, "I wonder why the order failed; let me look into it.");
        assert_clean(Cue::Sarcasm, "Clearly the fault is ours: the parcel was lost after you paid for express.");
        assert_clean(
            Cue::Sarcasm,
            "Naturally you'll want to know why it stopped working after you updated it, so here's what happened.",
        );
        // Our many messages, called easy to miss with a smile.
        assert_flags(Cue::Sarcasm, "Hi Dan, ⟦I'm sure the twelve reminders we sent were easy to overlook⟧.");
        assert_clean(
            Cue::Sarcasm,
            "I'm sure the reminder emails are easy to miss in a busy inbox, so I've added a text alert too.",
        );
        // Idioms: a slip predicted, what always works, a mystery to you.
        assert_flags(Cue::Sarcasm, "Hi Dan, ⟦let me guess⟧, you didn't read the email?");
        assert_clean(Cue::Sarcasm, "Let me guess what happened: the update restarted the hub?");
        assert_flags(Cue::Sarcasm, "Yes, ⟦because that always works so well⟧.");
        assert_flags(Cue::Sarcasm, "Clearly the tracking page ⟦is a mystery to you⟧.");
        // Mock praise of a slip.
        assert_flags(Cue::Sarcasm, "⟦Impressive work losing⟧ two phones in one week.");
        assert_flags(Cue::Sarcasm, "We're absolutely ⟦thrilled that you chose to ignore⟧ the warning light.");
        assert_clean(Cue::Sarcasm, "Great job deleting the duplicate accounts, that made the merge easy.");
        // Too much for you.
        assert_flags(Cue::Sarcasm, "What a shame the instructions were ⟦too long for you to read⟧.");
        assert_clean(Cue::Sarcasm, "If the print is too small for you to read, we can send a large-print copy.");
        assert_clean(Cue::Sarcasm, "Sorry the form was too confusing for you to follow; here is a simpler one.");
    }

    #[test]
    fn the_ninth_batchs_mechanisms_and_their_sincere_twins() {
        assert_flags(Cue::Sarcasm, "⟦I know, who could possibly have guessed that roaming would cost extra⟧?");
        assert_flags(Cue::Sarcasm, "The fee is £62.40. ⟦Shocking stuff⟧.");
        assert_flags(Cue::Sarcasm, "It's in section 9, which I recommend ⟦as bedtime reading⟧.");
        assert_flags(Cue::Sarcasm, "⟦I'll explain once more, with shorter words this time⟧.");
        assert_flags(
            Cue::Sarcasm,
            "⟦You're good at finding the one setting that breaks everything, I'll give you that⟧.",
        );
        assert_flags(Cue::Sarcasm, "⟦We delay parcels purely to ruin your week⟧.");
        assert_flags(
            Cue::Sarcasm,
            "⟦Congratulations on collecting your fourth parking penalty on Market Street this year⟧.",
        );
        assert_clean(Cue::Sarcasm, "Congratulations on clearing your overdraft, Sam!");
        assert_flags(
            Cue::Sarcasm,
            "Hi Frank, ⟦my 7-year-old nephew sets these up in about two minutes, so I'm sure we'll get there eventually⟧.",
        );
        assert_clean(Cue::Sarcasm, "Hi Frank, your son can set it up in two minutes with the app.");
        assert_flags(Cue::Sarcasm, "⟦Were you expecting the software to keep running on goodwill alone⟧?");
        assert_clean(Cue::Sarcasm, "Were you expecting the parcel today? It's with the courier.");
        // A reminder of what is coming, not of what was said.
        assert_clean(
            Cue::Sarcasm,
            "Just a friendly reminder that the deadline for your housing benefit renewal is this Friday.",
        );
        assert_flags(
            Cue::Sarcasm,
            "Just a ⟦friendly reminder⟧ that the enrolment deadline was on every page of the handbook.",
        );
        // A quoted line of a bill is a label.
        assert_clean(Cue::Sarcasm, "The \"previous balance\" line just shows last month's amount.");
    }

    #[test]
    fn the_session_31_reviews_sincere_probes_stay_clean() {
        for text in [
            "I wonder why the direct debit failed after you switched banks - let me check. It looks like the mandate didn't transfer on our side.",
            "Unsurprisingly, the heating stopped when you set the thermostat to holiday mode - the frost setting only kicks in at 5°C, so it's working as designed.",
            "Our three reminder letters were easy to overlook, I'm sure, because they arrived in plain brown envelopes - that's on us.",
            "Restarting the hub is the first thing I'd try, because that always works well for this particular error code.",
            "It's no wonder that charge was a mystery to you - it appeared under our parent company's name. We should have labelled it clearly.",
            "Our setup guide is too complicated for most people to follow, and that's our fault, not yours.",
            "Shocking stuff, honestly - I checked and our system charged you twice for the same flight.",
            "Who could have guessed that a firmware update would reset your camera's time zone? Not even our own test team, so thank you for reporting it.",
            "You mentioned my last email was full of jargon, so I'll use shorter words this time: your payment went through.",
            "The delay was far longer than we promised, I'll give you that, and I've added a £10 credit to your account.",
            "My nephew got stuck on exactly the same step setting his up, so you're in good company.",
            "Just a friendly reminder that your free trial ends on 30 June, so you have plenty of time to decide.",
        ] {
            assert_clean(Cue::Sarcasm, text);
        }
        // Their sarcastic twins still speak.
        assert_flags(Cue::Sarcasm, "Shocking stuff, I know. ⟦Shocking stuff⟧.");
        assert_flags(Cue::Sarcasm, "So you restarted it twice more, ⟦because that always works so well⟧.");
        assert_flags(
            Cue::Sarcasm,
            "⟦My eight-year-old pairs this headset on her own, so let's go through it once more⟧.",
        );
        assert_flags(Cue::Sarcasm, "⟦Congratulations on your third missed delivery this month⟧.");
    }

    #[test]
    fn sincere_look_alikes_stay_clean() {
        for text in [
            "Again, thanks for waiting!",
            "As we agreed on Monday, the part has arrived.",
            "I'm sorry you've had to write three times about this.",
            "I see you've contacted us three times about this. I'm so sorry.",
            "I know you've contacted us three times now, and that's not okay.",
            "Take your time and let us know when you're ready.",
            "That's surprising, the tracking said delivered.",
            "I'm sure the team will have this fixed by Friday.",
            "Did the reset help?",
            "Just tap Settings, then Reset.",
            "Your refund is on its way 🙂",
            "Click the \"Pay now\" button, then the \"pending\" status disappears.",
            "Click the button labelled \"Download invoice\" on the Billing page.",
            "There's a tab labelled \"Orders\" on your dashboard, and the button that says \"Track\" shows where it is.",
            "Good luck with the launch tomorrow!",
            "Great news! The part arrived this morning.",
            "This is the third replacement we've sent, so I've escalated it.",
            "Thanks for the video! Super helpful.",
        ] {
            assert_clean(Cue::Sarcasm, text);
        }
    }

    #[test]
    fn mechanisms_of_the_ninth_qa_pass() {
        assert_flags(
            Cue::Sarcasm,
            "Hi Laura, ⟦I've attached the guide again, in case it got lost among all the emails you clearly read so carefully⟧.",
        );
        assert_flags(
            Cue::Sarcasm,
            "Hi Keith, ⟦rest assured our engineers are working around the clock on this, just like the last four times⟧.",
        );
        assert_flags(Cue::Sarcasm, "Hi Martin, let me ⟦explain this slowly⟧. The router has a power button.");
        // Care, pace and praise said sincerely.
        for text in [
            "Hi Martin, I'd be glad to walk you through it slowly over the phone, in simple words.",
            "Hi Martin, I'll explain it slowly over the phone on Friday.",
            "Hi, it's impressive how quickly the team fixed it. Thanks for reporting it.",
            "Please read the terms carefully before you sign.",
            "As with the last update, the app restarts on its own.",
            // The reviewer's cases.
            "Hi, you've clearly checked very carefully, so I've escalated this.",
            "Hi, it's impressive how you managed to keep the shop running through the outage.",
            "Hi, just like the last two times, the credit will show on your next bill.",
            "Hi, our engineer will explain everything slowly.",
            "Hi, I'll explain it slowly, step by step, over the phone on Friday.",
            "Hi, could you please repeat the number slowly?",
        ] {
            assert_clean(Cue::Sarcasm, text);
        }
    }

    #[test]
    fn contacts_called_impossible_to_miss_are_counted() {
        assert_flags(Cue::Sarcasm, "Hi, ⟦yes, we have all four of your emails - hard to miss them⟧.");
        assert_clean(Cue::Sarcasm, "Hi, the lockers are bright yellow, so it's hard to miss them.");
    }

    #[test]
    fn mechanisms_of_the_sixth_qa_pass_and_batch_g() {
        // Mock congratulations on finding what was always there.
        assert_flags(Cue::Sarcasm, "⟦Congratulations, you've found⟧ the mute button. The handset was muted.");
        assert_clean(Cue::Sarcasm, "Congratulations on your new home! The keys are ready to collect.");
        // Mock appraisal of what the customer did; "one way to look at it" agrees.
        // ("certainly one way to fix it" advises: found by review.)
        assert_flags(Cue::Sarcasm, "⟦Well, that's one way to use⟧ a toaster. The warranty doesn't cover that.");
        assert_clean(Cue::Sarcasm, "That's definitely one way to look at it, and a fair one.");
        assert_clean(Cue::Sarcasm, "Restarting the router is certainly one way to fix it, and it works in most cases.");
        // Mock sympathy with the customer's standards.
        assert_flags(Cue::Sarcasm, "So sorry our 24/7 line ⟦wasn't quick enough for you⟧ at 3am.");
        // ... not a shortfall owned and put right.
        assert_clean(
            Cue::Sarcasm,
            "I'm sorry the room wasn't big enough for you and your family; I've moved you to a suite.",
        );
        assert_clean(Cue::Sarcasm, "Sorry the loaner wasn't big enough for you. We'll swap it for a van tomorrow.");
        assert_flags(Cue::Sarcasm, "Sorry the loaner ⟦wasn't big enough for you⟧. We offer vans too, at a price.");
        assert_clean(Cue::Sarcasm, "If the basic plan isn't fast enough, the fibre plan is twice the speed.");
        // The customer's basic duty stressed.
        assert_flags(Cue::Sarcasm, "Terribly sorry that the law ⟦requires you to actually⟧ show proof of address.");
        // Counting what the customer sent.
        assert_flags(Cue::Sarcasm, "Yes, I did read your message. ⟦All four paragraphs of it⟧.");
        assert_flags(Cue::Sarcasm, "Thanks for your patience — ⟦all seven messages of it⟧.");
        // Thanks that says the customer failed before; "at this time" says when.
        assert_flags(Cue::Sarcasm, "⟦Thank you for reading the meter guide this time⟧. The reading is correct.");
        assert_clean(Cue::Sarcasm, "Thanks for reaching out, we can't review your channel at this time.");
        assert_clean(Cue::Sarcasm, "Thanks for your patience this time, the fix is live.");
        // A limit is not a count of the customer's doing.
        assert_clean(Cue::Sarcasm, "Your books are due on 3 December. You can renew them online up to three times.");
        // A plan's quota, or what is left of it (the eighth QA pass).
        assert_clean(Cue::Sarcasm, "Hi Kenji, on the Business plan you get 1,000 requests per minute per workspace.");
        assert_clean(Cue::Sarcasm, "Hi Kenji, you get 100 requests a month.");
        assert_flags(Cue::Sarcasm, "Hi Kenji, ⟦you've sent us five emails today⟧.");
        // What they did stays counted (the reviewer's cases).
        assert_flags(Cue::Sarcasm, "⟦You've sent us five emails about this, you can stop now⟧.");
        assert_flags(Cue::Sarcasm, "⟦You've called 12 times, each time about the same thing⟧.");
        assert_flags(Cue::Sarcasm, "Hi Priya, I'm not sure ⟦how many more ways I can⟧ say this. The fee stays.");
        // "I cannot stress this enough" warns as often as it sighs.
        assert_clean(Cue::Sarcasm, "Hi Priya, I cannot stress this enough: never share your PIN with anyone.");
        assert_flags(Cue::Sarcasm, "Hi Priya, have a ⟦wonderful day trying to⟧ figure out the settings on your own!");
        assert_clean(Cue::Sarcasm, "Hi Priya, were you perhaps looking at the March statement?");
        assert_flags(Cue::Sarcasm, "Hi Priya, you're absolutely right, of course, ⟦everything is always our fault⟧.");
        assert_flags(Cue::Sarcasm, "Hi Priya, I appreciate you sharing ⟦your, er⟧, strong opinions.");
        assert_flags(
            Cue::Sarcasm,
            "Hi Priya, I'm sure our billing team had ⟦nothing better to do than⟧ fix your invoice twice.",
        );
        assert_flags(
            Cue::Sarcasm,
            "Thanks SO much for your patience, really. ⟦It's not like we have other⟧ customers.",
        );
        assert_clean(Cue::Sarcasm, "It's not like us to miss a delivery, and I'm sorry we did.");
        assert_flags(
            Cue::Sarcasm,
            "Hi Priya, I'm so sorry that ⟦our perfectly clear⟧ instructions were too confusing.",
        );
    }

    #[test]
    fn sincere_lines_the_sixth_qa_pass_found_flagged() {
        for text in [
            "Hi Priya, that's why you received the \"missed payment\" letter.",
            "Hi Priya, I'm sorry, you were right all along. I've refunded the charge.",
            "Hi Priya, just to repeat the key point: your refund is confirmed for Friday.",
            "Hi Priya, thanks again for your kindness today, it made my day.",
        ] {
            assert_clean(Cue::Sarcasm, text);
        }
        // Courtesy in a sentence that mocks is no courtesy.
        assert_clean(Cue::ExtraMile, "Hi Priya, did you even look at the attachment I sent?");
        assert_flags(Cue::ExtraMile, "Hi Priya, ⟦I've also added⟧ a credit. Did you even look at the attachment?");
        // Still a dig: what was there all along, "just to reiterate" alone.
        assert_flags(Cue::Sarcasm, "The button was on the home screen ⟦all along⟧.");
        // How long, not a state (the twelfth QA pass).
        assert_clean(Cue::Sarcasm, "Hi Sam, the app stays open the whole time.");
        assert_clean(Cue::Sarcasm, "I was on the line with the courier the whole time.");
        assert_clean(Cue::Sarcasm, "Please make sure it stays plugged in the whole time, or it may need replacing.");
        assert_flags(Cue::Sarcasm, "The door was on the latch ⟦the whole time⟧.");
        assert_flags(Cue::Sarcasm, "⟦Just to reiterate⟧, we don't ship to PO boxes.");
    }

    #[test]
    fn to_recap_replaces_no_reminder_a_relative_clause_hangs_on() {
        assert_suggests(Cue::Sarcasm, None, "⟦As per my previous email⟧, the visit is on Tuesday.", "To recap");
        let text = "Hi Priya, as per my previous email, which you may have missed, the visit is on Tuesday.";
        let report = crate::analyze(text, &crate::Context::default());
        let f = report.findings.iter().find(|f| f.cue == Cue::Sarcasm).unwrap();
        assert!(f.suggestions.is_empty(), "{f:?}");
    }

    #[test]
    fn sincere_lines_the_sessions_review_found_flagged() {
        for text in [
            "Hi Priya, if the standard plan isn't fast enough for you, you can upgrade to fibre at any time.",
            "Hi Priya, we've received your ER claim and paid it in full.",
            "Hi Priya, congratulations, you've mastered all five modules! Your certificate is attached.",
            "Hi Priya, congratulations, you found the golden ticket! Your £50 voucher is attached.",
            "Hi Priya, you're the first customer ever to get our new loyalty badge, congratulations!",
            "Hi Priya, our crystal clear pricing means there are no hidden fees on your plan.",
            "Hi Priya, if a parcel arrives damaged, it's always our fault, never yours, so I've sent a replacement.",
            "Hi Priya, I'll check how many more times we can reschedule the test and let you know by 5pm today.",
            "Hi Priya, thank you for your purchase this time. Your order ships tomorrow.",
            "Hi Priya, thank you for staying with us this time. We hope to welcome you back soon.",
        ] {
            assert_clean(Cue::Sarcasm, text);
        }
        assert_flags(Cue::Sarcasm, "Hi Priya, ⟦congratulations, you have just found⟧ the mute button.");
    }

    #[test]
    fn the_eleventh_qa_passs_mechanisms_are_caught_and_their_sincere_twins_are_not() {
        // A send-off to a rival, and the rival praised with a sneer.
        assert_flags(Cue::Sarcasm, "⟦Good luck finding a cheaper carrier who answers at 3 am⟧.");
        // The twelfth QA pass.
        assert_flags(Cue::Sarcasm, "⟦Best of luck finding a provider who can meet your standards⟧.");
        // (Not "than we ever could": said of our own new app as often, the
        // session's review.)
        assert_clean(Cue::Sarcasm, "Hi Sam, our new app tracks your parcel faster than we ever could by phone.");
        assert_flags(Cue::Sarcasm, "⟦I hope the next agent meets your impossible expectations, and thanks again⟧.");
        assert_flags(Cue::Sarcasm, "Hi Sam, you had the code ⟦the whole time⟧.");
        assert_flags(Cue::Sarcasm, "Hi Sam, the refund sat in your account ⟦all along⟧.");
        assert_clean(
            Cue::Sarcasm,
            "I hope the replacement meets your expectations, and thanks again for your patience.",
        );
        assert_clean(Cue::Sarcasm, "Good luck with the move, and we hope the new flat meets your standards.");
        // ("I'm sure they'll be happy to help, as they're better placed
        // than we are" is kind: no reading of a rival praised.)
        assert_clean(
            Cue::Sarcasm,
            "I'm sure they'll be happy to help, as they're better placed than we are to check it.",
        );
        // The session's review.
        assert_clean(Cue::Sarcasm, "Sorry to see you go. I'm sure your new provider will look after you well.");
        assert_clean(Cue::Sarcasm, "Fingers crossed the courier arrives today; if not, we'll send another for free.");
        assert_clean(Cue::Sarcasm, "I'm so sorry the room wasn't quite up to your standards. I've told the manager.");
        assert_clean(Cue::Sarcasm, "Hopefully 8 am is early enough for you to catch your train.");
        assert_clean(Cue::Sarcasm, "When the screen isn't bright enough for you, raise it in Settings.");
        assert_clean(
            Cue::Sarcasm,
            "Please try entering the PIN one more time, slowly, as the keypad can miss presses.",
        );
        assert_clean(Cue::Sarcasm, "I've rewritten the letter in simpler terms for your mother.");
        assert_clean(Cue::Sarcasm, "We've put the guide in simpler words for customers who use screen readers.");
        assert_clean(Cue::Sarcasm, "We'd never want to dumb this down: here is the full technical report.");
        assert_clean(Cue::Sarcasm, "Is 9 am early enough for you this time, or shall I book 8 am?");
        assert_clean(Cue::Sarcasm, "I've booked a visit from our heating specialist like you asked.");
        assert_clean(Cue::Sarcasm, "Thanks for the 3 emails. Sorry we took so long to reply.");
        assert_clean(Cue::Sarcasm, "Thank you for the 12 messages of support for our staff.");
        assert_clean(Cue::Sarcasm, "I've looked into why it took three calls, and it was a routing error on our side.");
        assert_clean(Cue::Sarcasm, "Who knew? Glad the tip helped!");
        assert_clean(Cue::Sarcasm, "Thanks for all 3 requests. They're done.");
        assert_clean(Cue::Sarcasm, "Thanks for the three messages; I've now merged them into one case.");
        assert_clean(Cue::Sarcasm, "Thanks for the four replies to our survey; your answers helped us.");
        assert_clean(Cue::Sarcasm, "Nobody could tell me why it took four calls, so I've escalated it.");
        // The eleventh QA pass.
        assert_flags(Cue::Sarcasm, "⟦I'll try to stay patient here⟧.");
        // The session's review: sincere twins.
        assert_clean(Cue::Sarcasm, "Congratulations, and well done on finally paying off your mortgage!");
        assert_clean(Cue::Sarcasm, "Thank you for trying to stay patient with us during the outage.");
        assert_clean(Cue::Sarcasm, "For someone of your stature, I'd recommend our tall fit range.");
        assert_flags(
            Cue::Sarcasm,
            "⟦I'm sorry our 24/7 line wasn't quite fast enough for someone of your importance⟧.",
        );
        assert_clean(Cue::Sarcasm, "Did you happen to read our email about the outage? If not, I've resent it.");
        assert_clean(Cue::Sarcasm, "Good luck with your new flat, and welcome to the area!");
        assert_clean(Cue::Sarcasm, "I'm sure your new router will be faster than the old one.");
        // The customer's standard, mocked.
        assert_flags(Cue::Sarcasm, "Apologies that the slots we offered ⟦weren't convenient enough for you⟧.");
        assert_flags(Cue::Sarcasm, "Sorry if the upgrade ⟦wasn't quite up to your standards⟧.");
        assert_flags(Cue::Sarcasm, "⟦As a tariff expert like yourself will know, the rate is fixed⟧.");
        assert_clean(Cue::Sarcasm, "Is 9 am early enough for you? If not, I can book 8 am.");
        assert_clean(Cue::Sarcasm, "If next-day isn't quick enough for you, same-day costs £4.");
        // Slowness announced for a written reply.
        assert_flags(Cue::Sarcasm, "⟦I'll go over it again, slowly⟧.");
        assert_flags(Cue::Sarcasm, "⟦Let me dumb this down⟧: the bill is monthly.");
        assert_clean(Cue::Sarcasm, "Let me walk you through it step by step.");
        assert_clean(Cue::Sarcasm, "Fare rules are hard to follow, so here's a plain-English summary.");
        // Thanks for a tally of the customer's messages, or wondering why
        // they were needed.
        assert_flags(Cue::Sarcasm, "⟦Thanks for the 14 emails over the weekend⟧.");
        assert_flags(Cue::Sarcasm, "⟦I'm not sure why it took four separate calls to ask this⟧.");
        assert_clean(Cue::Sarcasm, "Thanks for the three emails with your payslips; I have all I need.");
        assert_clean(Cue::Sarcasm, "I'm sorry it took three calls, and I can see why that was frustrating.");
        // Reading, questioned.
        assert_flags(Cue::Sarcasm, "⟦Did you happen to read the leaflet in the box⟧?");
        assert_clean(Cue::Sarcasm, "Did you happen to receive our email on Monday? If not, I'll resend it.");
        // Surprise at what the customer did.
        assert_flags(Cue::Sarcasm, "⟦Unsurprisingly, the card was declined after you froze it⟧.");
        assert_clean(Cue::Sarcasm, "Surprisingly, the order was cancelled; that was our mistake, and I'm sorry.");
    }

    /// The thirteenth QA pass: the earlier answers counted, and a hope
    /// that the replacement fits; its other readings were dropped after the
    /// session's review found them on sincere replies ("great job managing
    /// to get the router back online", "no rush, I've got all day for
    /// you", "if you ever get around to booking, the voucher never
    /// expires").
    #[test]
    fn the_thirteenth_qa_passs_mechanisms() {
        assert_flags(
            Cue::Sarcasm,
            "Hi Ethan, ⟦As mentioned in my previous two emails⟧, the upgrade only applies to annual plans.",
        );
        assert_clean(Cue::Sarcasm, "Hi Ethan, as mentioned in the guide, the upgrade only applies to annual plans.");
        assert_clean(
            Cue::Sarcasm,
            "Your refund for the running shoes has been processed today. Thanks for shopping with us, and I hope the new pair fits perfectly.",
        );
        assert_flags(Cue::Sarcasm, "Downgraded as requested. ⟦Enjoy the 2GB limit⟧.");
        assert_flags(Cue::Sarcasm, "Cancelled as you insisted. ⟦Enjoy the new provider's call centre⟧.");
        for sincere in [
            "Great job managing to get the router back online on your own!",
            "No rush at all, I've got all day for you.",
            "Your voucher never expires, so if you ever get around to booking, just quote the code.",
            "Spreadsheets aren't everyone's strong suit, mine included, so I've set up the export for you.",
            "Our security team is losing sleep over this breach, honestly, and we're sorry.",
            "Surprisingly, the item is actually still in stock, so I've reserved it for you.",
        ] {
            assert_clean(Cue::Sarcasm, sincere);
        }
    }

    /// A new writer's mechanisms (`drafts-sarcasm-i`, the tuning half),
    /// each beside a sincere twin that shares its words.
    #[test]
    fn exasperation_acted_out_patience_claimed_and_a_loss_waved_away_are_digs() {
        // Exasperation acted out, or surprise feigned alone.
        assert_flags(Cue::Sarcasm, "Okay. *⟦sigh⟧* Liam, the Wi-Fi password is on the card on the desk.");
        assert_flags(Cue::Sarcasm, "The password is on the card. *⟦rolls eyes⟧* It is case sensitive.");
        assert_flags(Cue::Sarcasm, "Hi Liam, *⟦heavy sigh⟧* the password is on the card.");
        assert_flags(Cue::Sarcasm, "⟦Sigh⟧. The password is on the card, Liam.");
        // Every word the reader looks for (it passes the others over by
        // their keys' bits).
        for act in ["sighs", "facepalm", "facepalms", "eyeroll", "roll eyes", "rolls eyes"] {
            assert_flags(Cue::Sarcasm, &format!("The password is on the card. *⟦{act}⟧* It is case sensitive."));
        }
        // Our patience claimed, at the customer.
        assert_flags(Cue::Sarcasm, "Our ⟦team has been extremely patient⟧ with your nine emails this week.");
        assert_flags(Cue::Sarcasm, "Liam, ⟦we have been very patient⟧.");
        assert_flags(Cue::Sarcasm, "We've ⟦been nothing but polite⟧ throughout.");
        // The loss waved away; the contacts it took, counted with mock ease.
        assert_flags(Cue::Sarcasm, "Kofi, it's a £1.80 late payment fee. I'm ⟦sure you'll survive⟧.");
        assert_flags(Cue::Sarcasm, "Well done on finding the portal! ⟦Only took three phone calls⟧ and an email.");
        for sincere in [
            "I know, sigh, Mondays! The password is on the card, Liam.",
            "Hi Liam, who knew about the change? We are checking with the team.",
            "Thank you for being so patient with us, Liam.",
            "We've been patient with the courier too, but it's now escalated to their head office.",
            "It only took us two emails to sort it out, Liam.",
            "Make sure you'll be home between 9 and 12 for the engineer.",
            // Our messages to the customer counted, not theirs.
            "Hi Naomi,\nJust to be clear, since the two emails you received contradicted each other: the resit exam is on 12 August.",
            // Dismay before an apology is sympathy, not mockery.
            "Hi Lily,\nOh no, I'm so sorry the mug arrived in pieces! A replacement is on its way today.",
            "Oh dear, I'm so sorry to hear about your mum's fall. Her appointment is moved to Friday.",
        ] {
            assert_clean(Cue::Sarcasm, sincere);
        }
        // The customer's terms pointed at, their account judged, their
        // understanding doubted.
        assert_flags(
            Cue::Sarcasm,
            "Nadia, the car needs a full tank, ⟦as it clearly says⟧ on the agreement you signed.",
        );
        assert_flags(
            Cue::Sarcasm,
            "The explanation that the TV was damaged by a gust of wind indoors is ⟦certainly creative⟧. We need evidence.",
        );
        assert_flags(Cue::Sarcasm, "Your refund was issued on the 3rd. ⟦Hope that clears it up, this time⟧.");
        for sincere in [
            "Your suggestion is certainly creative, and I've passed it on to the product team.",
            "Sorry for the mix-up earlier, Derek. I hope this clears it up this time.",
            "Your refund was issued on the 3rd. I hope this helps!",
        ] {
            assert_clean(Cue::Sarcasm, sincere);
        }
        // Sympathy mocked by the triviality of what it is for.
        assert_flags(Cue::Sarcasm, "I know ⟦reading emails can be hard⟧, but the code was in Monday's.");
        assert_flags(Cue::Sarcasm, "I understand ⟦clicking a link can be tricky⟧. Here it is again.");
        for sincere in [
            "Following the set-up instructions can be tricky, so here's a short video.",
            "Checking your inbox is hard when you're travelling, so I've also sent it by text.",
        ] {
            assert_clean(Cue::Sarcasm, sincere);
        }
        // The session's review: its false alarms quiet, its misses caught.
        for sincere in [
            "Our survival kits are back in stock, and I'm sure you'll live comfortably in the tent with the liner.",
            "It only took us two emails to the warehouse to track down your order, and it's now on its way.",
            "As this clearly states that the device was under warranty, we'll repair it free of charge.",
            "Your account has been credited, and your idea for the loyalty scheme is certainly creative.",
            "Your story idea for our blog is certainly creative, and we'd love to feature it.",
            "Oh, I'm so sorry the mug arrived in pieces! A replacement is on its way.",
        ] {
            assert_clean(Cue::Sarcasm, sincere);
        }
        assert_flags(Cue::Sarcasm, "It's annoying, I know, but I'm ⟦certain you'll survive⟧ without it.");
        // ... or by a shrug.
        assert_flags(Cue::Sarcasm, "Hi Sam, the upgrade is gone, ⟦but you'll live⟧.");
        assert_flags(Cue::Sarcasm, "No loan car this week, Sam. ⟦You'll cope somehow⟧.");
        assert_clean(Cue::Sarcasm, "It's a long flight, but you'll live comfortably in business class.");
        assert_clean(Cue::Sarcasm, "The move is stressful, but you'll cope better once the boxes arrive.");
        assert_flags(Cue::Sarcasm, "We have ⟦been more than patient⟧ with your repeated complaints.");
        assert_flags(Cue::Sarcasm, "Our ⟦engineers have been extremely patient⟧ with your constant calls.");
        assert_flags(Cue::Sarcasm, "⟦Hope it makes sense this time⟧.");
        assert_flags(Cue::Sarcasm, "⟦Hopefully that's clear enough this time⟧.");
        assert_flags(Cue::Sarcasm, "I understand that ⟦opening an attachment can be challenging⟧.");
        assert_flags(Cue::Sarcasm, "⟦Only took six tweets⟧, but the password is reset now.");
        assert_flags(
            Cue::Sarcasm,
            "As it clearly says on the agreement you signed, you're not entitled to a refund."
                .replace("As it clearly says", "⟦As it clearly says⟧")
                .as_str(),
        );
        // The terms named, and understanding doubted "finally" (the
        // review's misses), beside evidence and grants that point at
        // nothing the customer missed.
        assert_flags(Cue::Sarcasm, "⟦As our returns policy very clearly says⟧, opened software cannot be returned.");
        assert_flags(Cue::Sarcasm, "⟦As the booking confirmation clearly states⟧, check-in closes at 4pm.");
        assert_flags(Cue::Sarcasm, "⟦As is clearly stated⟧ in the contract you signed, the cancellation fee is £80.");
        assert_flags(Cue::Sarcasm, "⟦Hope that answers your question, finally⟧.");
        for sincere in [
            "As the photo clearly shows, the parcel was left at your door at 2pm.",
            "As our policy clearly states, you're entitled to a full refund, which I've issued today.",
            "I hope this helps, and finally, thank you for your patience.",
        ] {
            assert_clean(Cue::Sarcasm, sincere);
        }
        // The twins that still count and still mock.
        assert_flags(Cue::Sarcasm, "⟦That's your ninth email this week about the same refund⟧.");
        assert_flags(
            Cue::Sarcasm,
            "⟦Oh, so sorry our 30-day return window doesn't stretch to eight months for you⟧. We can't accept the return.",
        );
    }

    #[test]
    fn mechanisms_the_ninth_batch_left_are_read_with_their_sincere_twins() {
        // Each mechanism as the ninth batch's tuning half showed it, and a
        // sentence of other words doing the same.
        assert_flags(
            Cue::Sarcasm,
            "Account recovered! \"password123\" probably ⟦isn't the fortress you thought it was⟧.",
        );
        assert_flags(Cue::Sarcasm, "Sadly the cheap lock ⟦wasn't quite the bargain you thought it was⟧.");
        assert_flags(Cue::Sarcasm, "It goes to the CEO, the board and ⟦possibly the United Nations⟧.");
        assert_flags(Cue::Sarcasm, "Or you could ⟦invent time travel⟧ and reach the gate before it closes.");
        assert_flags(Cue::Sarcasm, "The refund window has closed, ⟦unless you have a time machine⟧.");
        assert_flags(Cue::Sarcasm, "Would you also like me to ⟦pop round and read it to you⟧?");
        assert_flags(Cue::Sarcasm, "⟦Is everything alright with your calendar⟧? You've missed three appointments.");
        assert_flags(
            Cue::Sarcasm,
            "⟦After an extensive, multi-day investigation involving two engineers, our team made a breakthrough⟧: \
             the router was switched off at the plug.",
        );
        assert_flags(Cue::Sarcasm, "⟦Spoiler alert⟧: the printer was unplugged. It works now.");
        assert_flags(Cue::Sarcasm, "I can confirm that a policy which was cancelled ⟦is, in fact, cancelled⟧.");
        assert_flags(Cue::Sarcasm, "You missed the meeting. ⟦Perhaps your diary was kidnapped⟧.");
        assert_flags(
            Cue::Sarcasm,
            "It has gone to Dr. Hughes (⟦submitted, you'll recall, the day after you ran out⟧), so it's ready Thursday.",
        );
        for sincere in [
            "Unfortunately the basic plan isn't the one with international calls, so I've moved you to Plus.",
            "We can't turn back time, but we can refund the fare in full.",
            "Sadly we don't have a time machine, but I've booked you on the 9am flight.",
            "Our engineer can pop round and set it up for you on Tuesday.",
            "Is everything alright with your account now? I've reset the password.",
            "After an extensive investigation, our engineers found a cut cable at the exchange. It's fixed now.",
            "Good news: after a thorough search, the courier found your parcel in their depot.",
            "Spoiler alert: your new phone arrives tomorrow!",
            "After an extensive investigation we found the router was switched off at the plug by our engineer's mistake. I'm sorry.",
            "The flight that was showing as delayed is indeed delayed by two hours, I'm sorry.",
            "The order, which was confirmed on Monday, is confirmed again after your change.",
            "Maybe your dog was eaten by a bear? Let's check your policy.",
            "Perhaps the parcel was taken by a neighbour; could you check with them?",
            "Your new PIN (you'll find it in the letter we sent) is active now.",
        ] {
            assert_clean(Cue::Sarcasm, sincere);
        }
    }

    #[test]
    fn mechanisms_of_the_tenth_batchs_tuning_half_are_read_with_their_sincere_twins() {
        assert_flags(Cue::Sarcasm, "It's in a different council area. ⟦Minor point⟧. We cover Westbrook only.");
        assert_flags(Cue::Sarcasm, "Noted. ⟦Anyway⟧. Your bill is higher because of roaming.");
        assert_flags(Cue::Sarcasm, "It might be worth checking your balance first. ⟦Just saying⟧.");
        assert_flags(Cue::Sarcasm, "Step three: click it. ⟦With your mouse⟧. Step four: click Export.");
        assert_flags(
            Cue::Sarcasm,
            "⟦Congratulations, Ian, you're the first person this year to try to renew a permit for a car \
             registered elsewhere⟧. Unfortunately it can't be done.",
        );
        assert_flags(
            Cue::Sarcasm,
            "⟦Sure, Mo, I'll just ask the driver to turn the van around on the motorway and bring it back to you \
             in ten minutes⟧. Realistically, the earliest redelivery is tomorrow.",
        );
        assert_flags(
            Cue::Sarcasm,
            "⟦Most of our customers are able to set up their voicemail using the welcome pack, but I'm happy to go \
             through it with you⟧.",
        );
        assert_flags(Cue::Sarcasm, "*⟦deep breath⟧* Okay. The timetable is attached to the email.");
        assert_flags(Cue::Sarcasm, "Thanks so much for your patience, ⟦all eleven messages of it⟧.");
        assert_flags(Cue::Sarcasm, "I ⟦appreciate this may come as news⟧. The penalty stands.");
        // The same mechanisms in other words (the session's review).
        assert_flags(
            Cue::Sarcasm,
            "The lock ⟦wasn't exactly the impenetrable security measure you imagined it to be⟧.",
        );
        assert_flags(Cue::Sarcasm, "I've told my supervisor, her supervisor, ⟦and probably NASA⟧ as well.");
        assert_flags(Cue::Sarcasm, "⟦Unless you can rewind the clock⟧ to before the cut-off, it has shipped.");
        assert_flags(Cue::Sarcasm, "I can confirm that a ticket marked as expired ⟦is, as it turns out, expired⟧.");
        assert_flags(Cue::Sarcasm, "Enter the code from the text. ⟦Using your phone⟧.");
        assert_flags(
            Cue::Sarcasm,
            "⟦Well done, you're officially the first customer ever to ask us to deliver a sofa by drone⟧. \
             Sadly that isn't something we offer.",
        );
        assert_flags(
            Cue::Sarcasm,
            "⟦Of course, I'll personally ring every warehouse in Europe and hand-carry your order to your door \
             tonight⟧. Realistically, it won't arrive before Thursday.",
        );
        assert_flags(
            Cue::Sarcasm,
            "⟦The vast majority of our users manage to reset their password on their own, but I'll walk you \
             through it⟧.",
        );
        assert_flags(
            Cue::Sarcasm,
            "⟦*Takes a deep breath*⟧ Let's go through it again.".replace("⟦*", "*⟦").replace("*⟧", "⟧*").as_str(),
        );
        assert_flags(Cue::Sarcasm, "I ⟦realise this may be news to you⟧, but the terms you accepted say so.");
        for sincere in [
            "Believe it or not, Sanjay, you're still within the late registration window.",
            "Minor point: your invoice number has changed, but nothing else has.",
            "Anyway, I've booked your appointment for Monday.",
            "Congratulations, you're the first customer to try our new app! Here's a £5 voucher.",
            "Sure, I'll just check that for you. Realistically it may take a minute.",
            "I'll push for a same-day fix. Realistically, though, it may take until Friday.",
            "Most customers find it easy to claim online, but you can also call us on 0800 123.",
            "I appreciate this may come as a shock, and I'm so sorry.",
            "Moving on to your second question: yes, the warranty covers it.",
            "Just saying hello, and thanks again for the lovely review!",
            "Here's some food for thought: our annual plan saves you 20%.",
            "You can click it with your mouse or tap it with your finger.",
            // The stress test of false alarms: the rules' own words, sincere.
            "Brace yourself for good news: the warranty covers the flat battery, so we'll replace it.",
            "After an exhaustive search of our warehouse, we found your parcel. It had been switched off at the plug in \
             the returns area.",
            "Yes, the subscription you cancelled is, in fact, cancelled.",
            "The account you closed last month is, in fact, closed, and I've sent written confirmation.",
            "Thanks for the photos. Tiny detail. The serial number is on the base.",
            "Small snag. Our courier can't deliver on Saturdays, so I've booked Monday free of charge.",
            "I'm sorry again for the trouble. Anyway. Let's get this sorted: I've credited £20.",
            "That covers the billing part. Moving on. Your new router will arrive on Friday.",
            "Congratulations on being the first customer to try the new app! Unfortunately saved cards aren't \
             available yet, but they're coming next month.",
            "Sure, I'll just ask the driver to call you on his way to the depot, and we'll redeliver tomorrow \
             morning. Realistically, he'll be with you between 9 and 11.",
            "Most of our customers are able to claim online, but I'm happy to send you a paper form if that's easier.",
            "Thank you for your patience with all 11 messages of it from our system; I've turned off the alerts.",
            "I appreciate this may come as news: our letter went to your old address, so we've held the old price.",
            "I appreciate this may come as news, but you're entitled to a full refund.",
            "Thank you for all three messages; they gave me everything I needed to fix the account.",
            "Nothing on your account has changed since the last three chats, and the visit is still confirmed.",
            // The session's review: its sincere probes that were flagged.
            "Is everything alright with your calendar sync? If the appointment isn't showing, re-link your account.",
            "The replacement (which, you'll recall, we sent by express at no cost) should arrive tomorrow.",
            "Our meditation app's *Deep Breath* session is now available on the free tier.",
            "As you'll recall from our call on Tuesday, the engineer is booked for Friday morning.",
            "Anyway. Thank you again for ten wonderful years with us.",
            // (Counting our own inbox is no reproach.)
            "We've received all three of your emails and merged them into one ticket.",
        ] {
            assert_clean(Cue::Sarcasm, sincere);
        }
    }

    #[test]
    fn mechanisms_of_the_eleventh_batchs_tuning_half_are_read_with_their_sincere_twins() {
        assert_flags(Cue::Sarcasm, "Right. ⟦Here we go again then⟧. Your contract ends on 30 June.");
        assert_flags(Cue::Sarcasm, "⟦The options haven't changed since the last three chats⟧.");
        assert_flags(
            Cue::Sarcasm,
            "Yes, we put the mast up ⟦specifically to block⟧ your signal; ⟦sorry we got caught⟧.",
        );
        assert_flags(Cue::Sarcasm, "It is ⟦repeated below at no additional charge⟧.");
        assert_flags(
            Cue::Sarcasm,
            "Many thanks for the thorough lesson on ⟦how a university library ought to be run⟧.",
        );
        assert_flags(
            Cue::Sarcasm,
            "Thanks for the ⟦tips on how to run a software company⟧, really ⟦eye-opening stuff⟧.",
        );
        assert_flags(
            Cue::Sarcasm,
            "Margaret, ⟦as you're surely aware⟧ after the last two reminders, it takes 48 hours.",
        );
        assert_flags(Cue::Sarcasm, "Would you also ⟦like us to reverse time⟧ so the match never happened?");
        assert_flags(Cue::Sarcasm, "Our records show you attended. ⟦Perhaps it slipped your mind⟧.");
        assert_flags(Cue::Sarcasm, "Okay, buddy, ⟦let's slow down a little⟧. The deposit is held, not charged.");
        assert_flags(
            Cue::Sarcasm,
            "⟦Apologies that our website only shows the baggage allowance in three places⟧. Your fare includes one bag.",
        );
        assert_flags(
            Cue::Sarcasm,
            "⟦For next time, checkout is at 11, which is printed on the key card sleeve, on the back of the door, and on \
             the TV welcome screen⟧.",
        );
        assert_flags(
            Cue::Sarcasm,
            "⟦I'm terribly sorry that the clearly labelled minibar prices came as such a surprise⟧.",
        );
        assert_flags(
            Cue::Sarcasm,
            "⟦Your dedication is genuinely impressive⟧: this is the ninth message on the same topic since Friday.",
        );
        assert_flags(Cue::Sarcasm, "You picked the slot. ⟦Truly a mystery⟧.");
        // The same mechanisms in other words (the second review).
        assert_flags(Cue::Sarcasm, "Okay. ⟦And here we go again⟧. Your parcel was delivered.");
        assert_flags(Cue::Sarcasm, "Maybe the confirmation email ⟦simply escaped your attention⟧.");
        assert_flags(
            Cue::Sarcasm,
            "Regarding the refund ⟦you claim you never⟧ received, our records show it was paid.",
        );
        assert_flags(Cue::Sarcasm, "⟦The weight limit appears in four separate places on our site⟧.");
        assert_flags(Cue::Sarcasm, "We'll do our ⟦best to be less punctual⟧ next time.");
        assert_flags(Cue::Sarcasm, "The parcel was signed for at 2:14 pm. ⟦A complete mystery, then⟧.");
        for sincere in [
            "Here we go again: another storm warning, so we've moved your engineer visit to Friday.",
            "We deliberately block payments to new payees for 24 hours to protect you.",
            "We'll repeat the test at no extra charge.",
            "Thanks for the tips on how to improve our app; I've passed them to the product team.",
            "Would you like us to reverse the charge? I can do that today.",
            "Here is the simplest way to reset it: hold the button for ten seconds.",
            "I've written the steps in the simplest form I can manage, and a video guide is linked below.",
            "You say you were charged twice, and you're right: I've refunded one payment.",
            "Your policy number is printed on the top right of the letter.",
            "The terms are shown in three places in the app, and none is easy to find; that's our mistake.",
            "I'm sorry the clearly labelled price was wrong; we've fixed the label and refunded you.",
            "Your dedication to the community is genuinely impressive; thanks for running the forum for five years.",
            "It's still a mystery to our engineers, so I've escalated it.",
            "Thank you for booking with us again, and good luck with the long drive to the Algarve.",
            // The second review's stress set: the same words, sincere.
            "Here we go again then! Your favourite coffee blend is back in stock.",
            "Our couriers are busy like everyone else, sorry for the delay.",
            "Thank you for the tour of your shop, it was eye-opening stuff and we've ordered more stands for you.",
            "As you're surely aware from the news, the rail strike is on Friday, so we've moved your delivery.",
            "As you'll recall, we agreed to call you on Monday; I'm confirming that call for 10 am.",
            "You say you were never told about the fee, and you're right, it wasn't on the quote. I've removed it.",
            "Let's slow down a little on the setup: first make sure the hub is plugged in.",
            "Your PIN is printed on the back of the card sleeve, on the welcome letter, and in the app.",
            "I'm sorry the clearly labelled fragile box still arrived broken; a replacement ships today.",
            "So sorry the delivery window you chose yourself was missed by our driver; we'll redeliver tomorrow.",
            "Good luck with the long drive, and thank you for booking with us again!",
        ] {
            assert_clean(Cue::Sarcasm, sincere);
        }
    }
}

/// The gate's classes with their places (PLACED, CONTACT and
/// COUNT, HEAD and PARTNER). Debug builds read every sentence the gate
/// passes over and assert it holds no mechanism ("a sentence passed over
/// unread"): these texts put the classes' words in every order, beside
/// and apart, with commas, curly apostrophes and capitals.
#[cfg(test)]
mod gate_by_places {
    #[test]
    #[cfg_attr(not(debug_assertions), ignore = "the gate is checked by debug assertions")]
    fn the_gate_passes_over_no_sentence_that_holds_a_mechanism() {
        let pieces = [
            "isn't ",
            "Isn\u{2019}t ",
            "you ",
            "again, ",
            "again ",
            "third ",
            "email ",
            "number ",
            "3 ",
            "two ",
            "days ",
            "thanks ",
            "sorry ",
            "this time",
            "for once",
            "well, ",
            "yay ",
            "Of course ",
            "said ",
            "repeat ",
            "a dozen ",
            "calls ",
            ", ",
            "the ",
        ];
        let mut flagged = 0;
        for text in crate::span::every_text(&pieces, 4) {
            let text = format!("{}.", text.trim_end());
            let report = crate::analyze(&text, &crate::Context::default());
            flagged += usize::from(report.findings.iter().any(|f| f.cue == crate::Cue::Sarcasm));
        }
        // Some of them hold a mechanism: the gate lets those through.
        assert!(flagged > 0);
    }
}
