//! The registry of cues and cornerstones: one table, checked by the compiler.

/// The four cornerstones of customer service every finding is filed under.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
pub enum Cornerstone {
    PositiveAttitude,
    Respect,
    Proactive,
    Dependable,
}

impl Cornerstone {
    /// In the order the panel shows them.
    pub const ALL: [Cornerstone; 4] =
        [Cornerstone::PositiveAttitude, Cornerstone::Respect, Cornerstone::Proactive, Cornerstone::Dependable];

    /// Stable id used in JSON and CSS.
    pub fn id(self) -> &'static str {
        match self {
            Cornerstone::PositiveAttitude => "positive-attitude",
            Cornerstone::Respect => "respect",
            Cornerstone::Proactive => "proactive",
            Cornerstone::Dependable => "dependable",
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Cornerstone::PositiveAttitude => "Positive attitude and the extra mile",
            Cornerstone::Respect => "Respect, courtesy, kindness and empathy",
            Cornerstone::Proactive => "Proactive, not reactive",
            Cornerstone::Dependable => "Dependable and responsible",
        }
    }

    /// What the cornerstone asks of a reply, in a sentence or two.
    pub fn explanation(self) -> &'static str {
        match self {
            Cornerstone::PositiveAttitude => {
                "Say what you can do rather than what you can't, and look for the small extra that turns a fix into a good experience."
            }
            Cornerstone::Respect => {
                "Address the customer by name, thank them, own what went wrong, and ask rather than demand. Sarcasm, shouting and blame undo all of it."
            }
            Cornerstone::Proactive => {
                "Tell the customer what happens next and when they will hear from you, before they have to ask."
            }
            Cornerstone::Dependable => {
                "Make commitments you can keep, with a concrete time, and take ownership instead of passing the problem on."
            }
        }
    }

    pub fn from_id(id: &str) -> Option<Cornerstone> {
        Cornerstone::ALL.into_iter().find(|c| c.id() == id)
    }
}

/// How a finding bears on the reply.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
pub enum Severity {
    /// Done well.
    Praise,
    /// Could be better.
    Tip,
    /// Likely to hurt the reply.
    Warning,
}

impl Severity {
    pub fn id(self) -> &'static str {
        match self {
            Severity::Praise => "praise",
            Severity::Tip => "tip",
            Severity::Warning => "warning",
        }
    }
}

macro_rules! cues {
    ($($variant:ident => $id:literal, $corner:ident, $sev:ident, $label:literal, $message:literal;)*) => {
        /// Every cue the engine reports. The id strings are a public contract
        /// (CLI JSON, embed API, CSS classes, rule packs).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Cue { $($variant),* }

        impl Cue {
            pub const ALL: &'static [Cue] = &[$(Cue::$variant),*];

            /// The stable id, such as `apology-hollow`.
            pub fn id(self) -> &'static str {
                match self { $(Cue::$variant => $id),* }
            }

            pub fn cornerstone(self) -> Cornerstone {
                match self { $(Cue::$variant => Cornerstone::$corner),* }
            }

            pub fn severity(self) -> Severity {
                match self { $(Cue::$variant => Severity::$sev),* }
            }

            /// A short title for the hint.
            pub fn label(self) -> &'static str {
                match self { $(Cue::$variant => $label),* }
            }

            /// The coaching message used when a phrase carries none of its own.
            pub fn default_message(self) -> &'static str {
                match self { $(Cue::$variant => $message),* }
            }
        }
    };
}

cues! {
    NameUsed => "name-used", Respect, Praise, "Uses the customer's name",
        "Addressing the customer by name makes the reply personal.";
    NameMissing => "name-missing", Respect, Tip, "No personal address",
        "Greet the customer by name: it shows a person, not a template, wrote the reply.";
    NameMisspelled => "name-misspelled", Respect, Warning, "Name misspelled",
        "This looks like a misspelling of the customer's name. Getting it right is the first courtesy.";
    NameMismatch => "name-mismatch", Respect, Warning, "Wrong name in the greeting",
        "The greeting names someone other than this customer, which reads like a copy-paste slip.";
    NamePlaceholder => "name-placeholder", Respect, Warning, "Unfilled placeholder",
        "A template placeholder was left in the reply. Fill it in before sending.";
    Apology => "apology", Respect, Praise, "Owns the problem",
        "A first-person apology that owns the problem helps the customer feel heard.";
    ApologyHollow => "apology-hollow", Respect, Warning, "Hollow apology",
        "This apology is conditional, generic or defensive, so it can sound like no apology at all. Own the specific problem instead.";
    ApologyExcess => "apology-excess", Respect, Tip, "Too many apologies",
        "One sincere apology is enough. Repeating it can sound anxious; spend the words on the fix instead.";
    Gratitude => "gratitude", Respect, Praise, "Thanks the customer",
        "Sincere thanks recognises the customer's time and effort.";
    Sarcasm => "sarcasm", Respect, Warning, "Sarcastic or passive-aggressive",
        "This phrasing can read as sarcastic or passive-aggressive. Restate the point plainly and kindly.";
    Shouting => "shouting", Respect, Warning, "Shouting",
        "Capitals and stacked exclamation marks read as shouting. Use normal case and let the words carry the emphasis.";
    Profanity => "profanity", Respect, Warning, "Profanity or name-calling",
        "Swearing and name-calling have no place in a customer reply, even in frustration.";
    Blame => "blame", Respect, Warning, "Blames the customer",
        "This puts the fault on the customer. Describe what happened and how to fix it instead.";
    Demand => "demand", Respect, Tip, "Demand rather than request",
        "This reads as an order. Phrase it as a request the customer can say yes to.";
    PoliteRequest => "polite-request", Respect, Praise, "Polite request",
        "Asking politely makes it easy for the customer to help you help them.";
    Empathy => "empathy", Respect, Praise, "Shows empathy",
        "Acknowledging how the customer feels shows you understand their situation.";
    Boilerplate => "boilerplate", Respect, Tip, "Indifferent boilerplate",
        "Stock phrases like this can sound indifferent. Say something specific to this customer instead.";
    NegativeLanguage => "negative-language", PositiveAttitude, Tip, "Negative wording",
        "Lead with what you can do rather than what you can't.";
    PositiveLanguage => "positive-language", PositiveAttitude, Praise, "Positive wording",
        "Warm, positive wording sets a helpful tone.";
    ExtraMile => "extra-mile", PositiveAttitude, Praise, "Goes the extra mile",
        "Doing a little more than asked turns a fix into a good experience.";
    NextSteps => "next-steps", Proactive, Praise, "Explains next steps",
        "Telling the customer what happens next keeps them informed before they have to ask.";
    NextStepsMissing => "next-steps-missing", Proactive, Tip, "No next step",
        "Tell the customer what happens next and when they will hear from you.";
    Commitment => "commitment", Dependable, Praise, "Concrete commitment",
        "A concrete time tells the customer exactly when to expect the next step.";
    VagueCommitment => "vague-commitment", Dependable, Tip, "Vague timing",
        "Vague timing leaves the customer guessing. Give a concrete time you can keep: a day and hour (\"by Friday, 5 pm\") or a time frame (\"within 24 hours\").";
    OverPromise => "over-promise", Dependable, Warning, "Over-promise",
        "A promise that fails costs more trust than a careful commitment. Commit only to what you control.";
    Ownership => "ownership", Dependable, Praise, "Takes ownership",
        "Taking personal ownership tells the customer their problem is in safe hands.";
    Deflection => "deflection", Dependable, Warning, "Deflects responsibility",
        "This passes the problem on. Say what you will do to get it solved, even if another team does the work.";
    QuestionUnanswered => "question-unanswered", Proactive, Warning, "Question left unanswered",
        "The customer asked this and the reply does not answer it. Answer it, or say what happens next and when.";
    FeelingsUnacknowledged => "feelings-unacknowledged", Respect, Warning, "Feelings not acknowledged",
        "The customer is upset, and the reply neither apologises nor shows empathy. Acknowledge how they feel before the fix.";
    RepeatContactUnacknowledged => "repeat-contact-unacknowledged", Respect, Tip, "Earlier contact not acknowledged",
        "The customer says they have been in touch or waited before. Thank them for their patience, or say you can see their earlier contact.";
    DetailsAskedAgain => "details-asked-again", Dependable, Warning, "Asks again for a detail already given",
        "The customer already gave this detail in their message. Use it rather than asking again.";
    TeamAvoid => "team-avoid", Respect, Warning, "Team rule",
        "Your team's rule pack asks you not to use this phrase.";
    SignOff => "sign-off", Respect, Praise, "Team sign-off",
        "The reply ends with your team's sign-off.";
    SignOffMissing => "sign-off-missing", Respect, Warning, "Team sign-off missing",
        "Your team's rule pack asks every reply to end with its sign-off.";
}

impl Cue {
    pub fn from_id(id: &str) -> Option<Cue> {
        Cue::ALL.iter().copied().find(|c| c.id() == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_round_trip() {
        for cue in Cue::ALL {
            assert_eq!(Cue::from_id(cue.id()), Some(*cue));
        }
        let mut ids: Vec<&str> = Cue::ALL.iter().map(|c| c.id()).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), Cue::ALL.len());
    }

    #[test]
    fn every_cornerstone_has_praise_and_something_to_fix() {
        for c in Cornerstone::ALL {
            let sev: Vec<Severity> = Cue::ALL.iter().filter(|q| q.cornerstone() == c).map(|q| q.severity()).collect();
            assert!(sev.contains(&Severity::Praise), "{c:?} has no praise");
            assert!(sev.iter().any(|s| *s != Severity::Praise), "{c:?} has nothing to fix");
        }
    }
}
