//! `blame`: putting the fault on the customer.

use crate::cue::Cue;
use crate::document::Document;
use crate::lexicon::{pb, Phrase};
use crate::report::Finding;
use crate::rules::{emit_table, T};
use crate::Context;

const NEUTRAL: &[&str] = &["It looks like this step didn't go through"];

pub(crate) const BLAME: &[Phrase] = &[
    pb("you failed|neglected|forgot|omitted to", NEUTRAL),
    pb("you didn't|didnt|did not follow|read|check|enter|update|provide|include|attach|select|bother|pay|submit|save|confirm|understand|listen", NEUTRAL),
    pb("you haven't|havent followed|read|checked|entered|provided|paid|submitted|updated", NEUTRAL),
    pb("you have not followed|read|checked|entered|provided|paid|submitted|updated", NEUTRAL),
    pb("your fault", &["This can happen when"]),
    pb("your own fault|mistake|doing", &["This can happen when"]),
    pb("it's|its|that's|thats your fault|mistake|error|problem|responsibility", &["This can happen when"]),
    pb("this|that|it is|was your fault|mistake|error|problem|responsibility", &["This can happen when"]),
    pb("you should|shouldn't|shouldnt have read|checked|followed|called|contacted|asked|done|known|told|waited|kept|saved|entered|ordered|used|listened|looked|noticed|updated|backed|paid|sent|provided|submitted|confirmed|double-checked|cancelled|canceled", &["Next time, it helps to"]),
    pb("you should've read|checked|followed|called|contacted|asked|done|known|told|waited|kept|saved|entered|ordered|used|listened|looked|noticed|updated|backed|paid|sent|provided|submitted|confirmed|double-checked|cancelled|canceled", &["Next time, it helps to"]),
    pb("you were|was supposed to", &["The next step is to"]),
    pb("you entered|typed|chose|selected|used|gave|provided|put the|a|an? wrong|incorrect|invalid", &["The details we have don't match"]),
    pb("you caused|broke|messed", &["This happened because"]),
    pb("because of you", &["This happened because"]),
    pb("user error", &["This can happen when"]),
    pb("caused by you|your", &["This happened because"]),
    pb("due to your error|mistake|negligence|failure", &["This happened because"]),
    pb("you obviously|clearly didn't|did|don't|haven't", NEUTRAL),
    pb("if you had just? followed|listened|done|checked", &["Next time, it helps to"]),
];

pub(crate) fn check(doc: &Document, _ctx: &Context, out: &mut Vec<Finding>) {
    emit_table(doc, T::Blame, Cue::Blame, &[T::Sarcasm], out);
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;
    use crate::Cue;

    #[test]
    fn flags_blame() {
        assert_flags(Cue::Blame, "The order failed because ⟦you failed to⟧ confirm it.");
        assert_flags(Cue::Blame, "⟦You should have checked⟧ the size chart.");
        assert_flags(Cue::Blame, "⟦That's your fault⟧.");
    }

    #[test]
    fn allows_no_fault_phrasing() {
        assert_clean(Cue::Blame, "It looks like the payment didn't go through, so let's retry it.");
        assert_clean(Cue::Blame, "You should have the parcel by Friday.");
    }
}
