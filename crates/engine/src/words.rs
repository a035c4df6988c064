//! Small word lists shared by rules: common English words (which a name
//! must be told apart from) and forms of address that name nobody.

/// Common English words, including the ones that double as first names
/// (Grace, Will, May, Hope...). A name that is one of these counts only where
/// it is used as a name: capitalised and in a greeting, after a title, set off
/// by commas, or in mid-sentence.
const COMMON: &str = "
a about above after again against all almost also always am an and any anyone anything are around as ask at available away
back be because been before being below best better between both but by call can cannot case change check choose
clear close come could customer day days dear did do does doing done down due during each early easy either else email
enough even ever every everyone everything exactly few find first fix fixed for found free from full further get gets
getting give given glad go going good got great had happy has have having he hello help her here hey hi him his hold
how however i if im important in info information into is issue it its just keep kind know last later latest let like
line link little long look looking lot made make many may me meantime might mind more morning most much must my need
needs never new next nice no not note nothing now number of off offer often oh ok okay on once one only open or order
other our out over own part please plus possible quick quite rather really reply right said same see send sent service
set she should since so some someone something soon sorry still such support sure take team than thank thanks that the
their them then there these they thing things think this those though through time to today together too top totally
two under understand until up update us use used very via wait want was way we welcome well were what when where whether
which while who why will wish with within without would yes yet you your yours
unlike despite although besides regarding following unfortunately luckily fortunately actually also meanwhile instead otherwise
data date dan ana per pay reed read red rain lane gray grey king young white black brown green long price
";
/// Common words that are also first names (Grace, Faith, Bill): set off as
/// a vocative ("Thanks for the feedback, Faith.") they address a person.
const NAME_WORDS: &str = "
apple art ash autumn amber angel april bill bob brook bud carol chance chase cliff crystal daisy dale dawn destiny don
drew faith frank gene glen grace guy harmony heather holly hope hunter iris ivy jack jasmine joy june lily mark
melody penny pat ray rich rob rose ruby sandy sky summer sunny sue trinity van
";

crate::hash::word_map!(COMMON_SET = &[&[COMMON], &[NAME_WORDS]]);

pub(crate) fn is_common(word: &str) -> bool {
    COMMON_SET.get(word) != 0
}

/// [`is_common`] of a token's folded word, by the token's key: the word is
/// not hashed again.
pub(crate) fn is_common_keyed(word: &str, key: u32) -> bool {
    COMMON_SET.get_keyed(word, key) != 0
}

/// Whether a common word is also a first name ("grace", "faith", "bill").
pub(crate) fn is_name_word(word: &str) -> bool {
    NAME_WORDS.split_whitespace().any(|w| w == word)
}

/// The months, in full and short ("mar" too: a month only with a number
/// beside it, so "mar the day" is no date). Shared by the greeting and the rules
/// that read dates (`details`, `commitment`, `next_steps`).
pub(crate) const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];
pub(crate) const WEEKDAYS: &[&str] = &["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
/// The months' full names: the first twelve of [`MONTHS`] (a short form
/// such as "Jan" is a name too; the greeting tells a name from a month by
/// these).
pub(crate) const FULL_MONTHS: &[&str] = MONTHS.split_at(12).0;

/// Whether a folded word names a day of the week or a month, in full: a
/// word English capitalises that names no one (the greeting and the name
/// rule tell names from dates by it).
pub(crate) fn is_day_or_month(w: &str) -> bool {
    among(WEEKDAYS, w) || among(FULL_MONTHS, w)
}

/// Whether `w` is one of the words of `list` (`list.contains(&w)`), in
/// one loop that compares each length before the bytes: in a module
/// compiled for size, `contains` makes two calls per word listed
/// (`PartialEq` on `&&str`, then on `str`).
pub(crate) fn among(list: &[&str], w: &str) -> bool {
    for x in list {
        if x.len() == w.len() && x.as_bytes() == w.as_bytes() {
            return true;
        }
    }
    false
}

/// Whether two words are the same bytes, compared inline: `==` on slices
/// is a call of `memcmp`, which for the short words of a draft costs more
/// than the comparison (the phrase and marker matchers make hundreds per
/// reply). A word of up to 16 bytes is compared in at most two loads of
/// each, overlapping when shorter than both together.
#[inline(always)]
pub(crate) fn same(a: &[u8], b: &[u8]) -> bool {
    let n = a.len();
    if n != b.len() {
        return false;
    }
    let four = |s: &[u8], at: usize| u32::from_le_bytes(s[at..at + 4].try_into().unwrap_or_default());
    let eight = |s: &[u8], at: usize| u64::from_le_bytes(s[at..at + 8].try_into().unwrap_or_default());
    match n {
        0 => true,
        // The first, middle and last bytes are all of them.
        1..=3 => a[0] == b[0] && a[n / 2] == b[n / 2] && a[n - 1] == b[n - 1],
        4..=8 => four(a, 0) == four(b, 0) && four(a, n - 4) == four(b, n - 4),
        9..=16 => eight(a, 0) == eight(b, 0) && eight(a, n - 8) == eight(b, n - 8),
        _ => a == b,
    }
}

/// Forms of address that do not name a person ("Hi there", "Dear Customer").
pub(crate) const GENERIC_ADDRESS: &[&str] = &[
    "there",
    "all",
    "everyone",
    "everybody",
    "team",
    "folks",
    "guys",
    "sir",
    "madam",
    "maam",
    "ma'am",
    "customer",
    "customers",
    "valued",
    "friend",
    "friends",
    "user",
    "users",
    "member",
    "members",
    "client",
    "clients",
    "again",
    "buddy",
    "mate",
    "both",
    "y'all",
    "yall",
    "you",
    "colleague",
    "colleagues",
    "support",
    "and",
    "or",
    "to",
    "from",
    "patron",
    "guest",
    "subscriber",
    "shopper",
    "traveler",
    "traveller",
    "owner",
    "partner",
    "neighbor",
    "neighbour",
    "hiring",
    "manager",
    "sir/madam",
    "whom",
    "it",
    "may",
    "concern",
    "future",
    "new",
    "dear",
    "hello",
    "hi",
    "hey",
    // Roles a letter is addressed to ("Dear Resident", "Dear Claimant"),
    // and a chat transcript's speaker label ("Agent: ..."): no one's name
    // (the ninth corpus batch).
    "resident",
    "residents",
    "claimant",
    "applicant",
    "policyholder",
    "patient",
    "tenant",
    "homeowner",
    "householder",
    "occupier",
    "passenger",
    "cardholder",
    "account",
    "holder",
    "student",
    "parent",
    "guardian",
    "candidate",
    "beneficiary",
    "borrower",
    "taxpayer",
    "agent",
];

/// Greetings in scripts written without spaces, which open a draft without
/// naming anyone.
pub(crate) const UNSPACED_GREETINGS: &[&str] =
    &["您好", "你好", "大家好", "こんにちは", "こんばんは", "おはようございます", "안녕하세요", "สวัสดีครับ", "สวัสดีค่ะ"];

/// Words before a capitalised word that make it a thing, not a person ("the Lily dress").
pub(crate) const DETERMINERS: &[&str] = &[
    "the", "a", "an", "our", "your", "this", "that", "these", "those", "my", "his", "her", "their", "its", "every",
    "each", "any", "some",
];

pub(crate) const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "mx",
    "dr",
    "prof",
    "miss",
    "mister",
    "doctor",
    "professor",
    "mme",
    "mlle",
    "herr",
    "frau",
    "sra",
    "sr",
    "señor",
    "senor",
    "monsieur",
    "madame",
];

/// Words longer than this (in chars) are only compared for equality.
pub(crate) const MAX_EDIT_CHARS: usize = 64;

/// A lower bound of [`edit_distance`] for words of at most
/// [`MAX_EDIT_CHARS`] chars, much cheaper: each edit adds or removes at
/// most one char of each word's multiset of chars (a transposition none),
/// so the distance is at least the larger of the chars one word has and
/// the other lacks. Chars are counted in 32 buckets, which only lowers the
/// bound. (Longer words are never near misses: `edit_distance` gives them
/// `MAX_EDIT_CHARS + 1`, above any bound a caller compares with.)
pub(crate) fn edit_distance_lower_bound(a: &str, b: &str) -> usize {
    let mut counts = [0i32; 32];
    for c in a.chars() {
        counts[c as usize & 31] += 1;
    }
    for c in b.chars() {
        counts[c as usize & 31] -= 1;
    }
    let (more, fewer) = counts.iter().fold((0, 0), |(m, f), &n| if n > 0 { (m + n, f) } else { (m, f - n) });
    more.max(fewer) as usize
}

/// Damerau-Levenshtein distance (optimal string alignment) between two short
/// words, counted in chars.
///
/// Work and memory are bounded whatever the input: three rows on the stack,
/// and a word of more than [`MAX_EDIT_CHARS`] chars is never a near miss:
/// the distance is 0 if the words are equal, otherwise `MAX_EDIT_CHARS + 1`.
pub(crate) fn edit_distance(a: &str, b: &str) -> usize {
    const FAR: usize = MAX_EDIT_CHARS + 1;
    let mut ac = ['\0'; MAX_EDIT_CHARS];
    let mut bc = ['\0'; MAX_EDIT_CHARS];
    let fill = |s: &str, into: &mut [char; MAX_EDIT_CHARS]| {
        let mut n = 0;
        for c in s.chars() {
            if n == MAX_EDIT_CHARS {
                return None;
            }
            into[n] = c;
            n += 1;
        }
        Some(n)
    };
    let (Some(n), Some(m)) = (fill(a, &mut ac), fill(b, &mut bc)) else {
        return if a == b { 0 } else { FAR };
    };
    let (a, b) = (&ac[..n], &bc[..m]);
    // Rows i-2, i-1 and i of the full table, in turn (distances fit in a byte).
    let mut rows = [[0u8; MAX_EDIT_CHARS + 1]; 3];
    for (j, cell) in rows[0].iter_mut().enumerate().take(m + 1) {
        *cell = j as u8;
    }
    for i in 1..=n {
        let (cur, prev, before) = (i % 3, (i - 1) % 3, (i + 1) % 3);
        rows[cur][0] = i as u8;
        for j in 1..=m {
            let cost = u8::from(a[i - 1] != b[j - 1]);
            let mut d = (rows[prev][j] + 1).min(rows[cur][j - 1] + 1).min(rows[prev][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(rows[before][j - 2] + 1);
            }
            rows[cur][j] = d;
        }
    }
    usize::from(rows[n % 3][m])
}

/// Whether `edit_distance(a, b) == 1`: for ASCII words (most names and
/// drafts), told in one pass from their first difference, without the
/// distance's table (most near misses of a name read are two edits or
/// more away: the greeting's other name, "Maria" to Priya Raman).
pub(crate) fn one_edit_apart(a: &str, b: &str) -> bool {
    if !a.is_ascii() || !b.is_ascii() || a.len().max(b.len()) > MAX_EDIT_CHARS {
        return edit_distance(a, b) == 1;
    }
    let (a, b) = if a.len() <= b.len() { (a.as_bytes(), b.as_bytes()) } else { (b.as_bytes(), a.as_bytes()) };
    // The first difference: one char changed, two swapped there, or the
    // longer word's char there left out; the rest the same.
    let p = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    match b.len() - a.len() {
        0 if p == a.len() => false,
        0 => {
            a[p + 1..] == b[p + 1..]
                || (p + 1 < a.len() && a[p] == b[p + 1] && a[p + 1] == b[p] && a[p + 2..] == b[p + 2..])
        }
        1 => a[p..] == b[p + 1..],
        _ => false,
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// `one_edit_apart` is `edit_distance(a, b) == 1`: on every pair of
    /// words of up to four letters over three (each change, swap, letter
    /// added or left out, at every place), and past ASCII and past
    /// `MAX_EDIT_CHARS` chars, where it asks the distance.
    #[test]
    fn one_edit_apart_is_a_distance_of_one() {
        let mut words = vec![String::new()];
        for len in 1..=4 {
            let shorter: Vec<String> = words.iter().filter(|w| w.len() == len - 1).cloned().collect();
            words.extend(shorter.iter().flat_map(|w| ["a", "b", "c"].map(|c| format!("{w}{c}"))));
        }
        for a in &words {
            for b in &words {
                assert_eq!(one_edit_apart(a, b), edit_distance(a, b) == 1, "{a:?} {b:?}");
            }
        }
        let long = "a".repeat(MAX_EDIT_CHARS + 1);
        for (a, b) in
            [("zoë", "zoe"), ("zoë", "zoë"), ("sofía", "sofia"), (long.as_str(), "a"), (long.as_str(), long.as_str())]
        {
            assert_eq!(one_edit_apart(a, b), edit_distance(a, b) == 1, "{a:?} {b:?}");
        }
    }

    /// Two words are the `same` exactly when their bytes are equal, at
    /// every length the comparison tells apart and with the difference at
    /// every place.
    #[test]
    fn same_is_equality_of_the_bytes() {
        for n in 0..40usize {
            let a: Vec<u8> = (0..n as u8).map(|k| b'a' + k % 26).collect();
            assert!(same(&a, &a.clone()), "{n}");
            assert!(n == 0 || !same(&a, &a[..n - 1]), "{n}");
            for k in 0..n {
                let mut b = a.clone();
                b[k] ^= 0x20;
                assert!(!same(&a, &b), "{n} {k}");
            }
        }
    }

    pub(crate) const COMMON_WORDS: &str = COMMON;

    #[test]
    fn the_full_months_are_the_twelve_names() {
        assert_eq!(FULL_MONTHS.len(), 12);
        assert_eq!((FULL_MONTHS[0], FULL_MONTHS[11]), ("january", "december"));
    }

    #[test]
    fn the_lower_bound_never_exceeds_the_distance() {
        let words = [
            "priya",
            "pryia",
            "prya",
            "raman",
            "ramen",
            "john",
            "jon",
            "zoë",
            "zoe",
            "ǅemal",
            "",
            "alexander",
            "aleksander",
            "王伟",
            "伟王",
        ];
        for a in words {
            for b in words {
                assert!(edit_distance_lower_bound(a, b) <= edit_distance(a, b), "{a} {b}");
            }
        }
        assert_eq!(edit_distance_lower_bound("priya", "pryia"), 0);
        assert_eq!(edit_distance_lower_bound("priya", "maria"), 2);
    }

    #[test]
    fn counts_transpositions_as_one_edit() {
        assert_eq!(edit_distance("priya", "pryia"), 1);
        assert_eq!(edit_distance("john", "jon"), 1);
        assert_eq!(edit_distance("priya", "priya"), 0);
        assert_eq!(edit_distance("alexander", "aleksander"), 2);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("ab", "ba"), 1);
        assert_eq!(edit_distance("ca", "abc"), 3);
    }

    #[test]
    fn matches_the_full_table_on_many_pairs() {
        // The former full-table version, as the reference.
        fn full(a: &str, b: &str) -> usize {
            let a: Vec<char> = a.chars().collect();
            let b: Vec<char> = b.chars().collect();
            let (n, m) = (a.len(), b.len());
            let mut d = vec![vec![0usize; m + 1]; n + 1];
            for (i, row) in d.iter_mut().enumerate() {
                row[0] = i;
            }
            for (j, cell) in d[0].iter_mut().enumerate() {
                *cell = j;
            }
            for i in 1..=n {
                for j in 1..=m {
                    let cost = usize::from(a[i - 1] != b[j - 1]);
                    d[i][j] = (d[i - 1][j] + 1).min(d[i][j - 1] + 1).min(d[i - 1][j - 1] + cost);
                    if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                        d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
                    }
                }
            }
            d[n][m]
        }
        let words =
            ["", "a", "ab", "ba", "abc", "acb", "priya", "pryia", "piyra", "raman", "ramán", "zoë", "王伟", "abcabc"];
        for a in words {
            for b in words {
                assert_eq!(edit_distance(a, b), full(a, b), "{a:?} vs {b:?}");
            }
        }
    }

    #[test]
    fn long_words_are_only_compared_for_equality() {
        let long = "a".repeat(MAX_EDIT_CHARS + 1);
        let other = format!("{long}b");
        assert_eq!(edit_distance(&long, &long), 0);
        assert!(edit_distance(&long, &other) > 2);
        assert!(edit_distance("ab", &other) > 2);
        // A 64-char word still gets an exact distance.
        let max = "a".repeat(MAX_EDIT_CHARS);
        assert_eq!(edit_distance(&max, &format!("{}b", &max[1..])), 1);
    }
}
