//! Familiar forms of first names ("Bob" for Robert, "Liz" for Elizabeth):
//! a greeting that uses one addresses the customer, it names nobody else.
//!
//! Each family lists a formal name (or several spellings of it), then
//! after a "/" the familiar forms everyone knows; a name in two families
//! ("Chris", "Sam", "Alex") takes the forms of both. The spellings of a formal name
//! are not forms of each other: "Steven" for Stephen is a misspelling, as
//! "Catherine" for Kathryn is. Kept to forms an agent would use without
//! thinking twice: no "Liam" for William, no "Jack" for John.

const FAMILIES: &[&str] = &[
    "robert / rob bob bobby robbie bert",
    "william / will bill billy willie willy",
    "richard / rich rick ricky richie",
    "michael / mike mikey mick mickey",
    "james / jim jimmy jamie",
    "joseph / joe joey",
    "thomas / tom tommy",
    "christopher / chris",
    "christine christina / chris tina",
    "daniel / dan danny",
    "david / dave davey",
    "edward / ed eddie ted ned",
    "elizabeth / liz lizzie beth betty eliza libby",
    "katherine catherine kathryn / kate katie kathy cathy kat",
    "margaret / maggie meg peggy",
    "jennifer / jen jenny",
    "jessica / jess jessie",
    "rebecca / becky becca",
    "alexander / alex xander",
    "alexandra / alex lexi sandra",
    "andrew / andy drew",
    "anthony antony / tony",
    "benjamin / ben benny",
    "charles / charlie chuck",
    "nicholas / nick nicky",
    "patrick / pat paddy",
    "patricia / pat patty trish",
    "samuel / sam sammy",
    "samantha / sam sammy",
    "steven stephen / steve",
    "timothy / tim timmy",
    "matthew / matt",
    "gregory / greg",
    "jonathan / jon jonny",
    "joshua / josh",
    "zachary / zach zack",
    "nathaniel nathan / nate nat",
    "victoria / vicky vikki tori",
    "susan suzanne / sue susie suzy",
    "deborah debra / deb debbie",
    "abigail / abby abbie",
    "frederick / fred freddie",
    "kenneth / ken kenny",
    "lawrence laurence / larry",
    "leonard / len lenny",
    "ronald / ron ronnie",
    "donald / don donny",
    "douglas / doug",
    "peter / pete",
    "philip phillip / phil",
    "raymond / ray",
    "gerald / gerry jerry",
    "jacob / jake",
    "jeffrey geoffrey / jeff geoff",
    "kimberly kimberley / kim",
    "pamela / pam",
    "theodore / theo teddy",
    "eleanor / ellie nell",
    "isabella isabel / izzy bella",
    "sebastian / seb",
    "henry / harry hank",
    "harold / harry",
    "albert / al bert",
    "alfred / alf alfie",
    "francis / frank frankie",
    "frances / fran frankie",
    "vincent / vince vinny",
    "terence terrence / terry",
    "bradley / brad",
    "maximilian / max",
    "nicole / nikki",
    "gabriel / gabe",
    "gabriella gabrielle / gabby",
    "cynthia / cindy",
    "dorothy / dot dottie",
    "jacqueline / jackie",
    "stephanie / steph",
    "melissa / mel missy",
    "melanie / mel",
    "valerie / val",
    "barbara / barb babs",
    "josephine / jo josie",
    "joanne joanna / jo",
    "benedict / ben",
    "oliver / ollie",
    "olivia / liv",
    "wesley / wes",
    "dmitri dmitry / dima",
];

/// The families that hold the folded name `name`, as (formal spellings,
/// familiar forms); none for a name no family holds.
fn families_with(name: &str) -> impl Iterator<Item = (&'static str, &'static str)> + '_ {
    // Most names are in no family: one lookup tells.
    let any = in_a_family(name);
    FAMILIES.iter().filter(move |_| any).map(|family| family.split_once(" / ").expect("formal / familiar")).filter(
        move |(formal, familiar)| formal.split_whitespace().chain(familiar.split_whitespace()).any(|w| w == name),
    )
}

/// Whether some family holds the folded name `name`, by one lookup: a
/// name in none has no other forms or spellings, and is another's spelling
/// of no name (the families are read only for one that is in one).
pub(crate) fn in_a_family(name: &str) -> bool {
    crate::hash::word_map!(ALL = &[FAMILIES]);
    ALL.get(name) != 0 && name != "/"
}

/// Pushes the words of `lists` other than `name` onto `out`, each once.
fn push_others(out: &mut Vec<&'static str>, name: &str, lists: [&'static str; 2]) {
    for w in lists.iter().flat_map(|l| l.split_whitespace()) {
        if w != name && !out.contains(&w) {
            out.push(w);
        }
    }
}

/// The other forms of the folded first name `name` ("bob" for "robert",
/// "robert" and "rob" for "bob"), each once; none for a name no family
/// holds.
pub(crate) fn forms_of(name: &str) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    for (formal, familiar) in families_with(name) {
        // A formal name takes the familiar forms; a familiar one, the
        // formal spellings and the other familiar forms.
        if formal.split_whitespace().any(|w| w == name) {
            push_others(&mut out, name, [familiar, ""]);
        } else {
            push_others(&mut out, name, [familiar, formal]);
        }
    }
    out
}

/// The other spellings of the folded formal name `name` ("catherine" and
/// "kathryn" for "katherine"): a greeting that uses one misspells the
/// customer's name, it names nobody else.
pub(crate) fn spellings_of(name: &str) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    for (formal, _) in families_with(name).filter(|(formal, _)| formal.split_whitespace().any(|w| w == name)) {
        push_others(&mut out, name, [formal, ""]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_are_the_formal_names_of_a_family() {
        assert_eq!(spellings_of("katherine"), ["catherine", "kathryn"]);
        assert!(spellings_of("kate").is_empty());
        assert!(spellings_of("priya").is_empty());
    }

    #[test]
    fn forms_go_both_ways_and_through_every_family() {
        assert!(forms_of("robert").contains(&"bob"));
        assert!(forms_of("bob").contains(&"robert"));
        let chris = forms_of("chris");
        assert!(chris.contains(&"christopher") && chris.contains(&"christine"));
        assert!(forms_of("priya").is_empty());
        // Spellings of one formal name are not forms of each other.
        assert!(!forms_of("stephen").contains(&"steven"));
        assert!(forms_of("steve").contains(&"stephen"));
    }

    #[test]
    fn families_are_folded_words() {
        for family in FAMILIES {
            let (formal, familiar) = family.split_once(" / ").expect("formal / familiar");
            for w in formal.split_whitespace().chain(familiar.split_whitespace()) {
                assert!(w.bytes().all(|b| b.is_ascii_lowercase()), "{w}");
            }
        }
    }
}
