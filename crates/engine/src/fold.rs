//! Case and accent folding, so that "José", "JOSE" and "jose" compare equal and
//! typographic apostrophes match straight ones.

/// Appends the folded form of `c` to `out`: lower case, Latin diacritics
/// removed, curly apostrophes straightened, combining marks dropped.
#[inline]
pub(crate) fn fold_char_into(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    if is_combining_mark(c) || is_invisible(c) {
        return;
    }
    if matches!(c, '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{FF07}') {
        out.push('\'');
        return;
    }
    for lower in c.to_lowercase() {
        match strip_accent(lower) {
            Some(base) => out.push_str(base),
            None => out.push(lower),
        }
    }
}

/// The folded form of a whole string.
pub(crate) fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        fold_char_into(c, &mut out);
    }
    out
}

pub(crate) fn is_combining_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// Chars that show nothing and are dropped from a word's folded form: a
/// soft hyphen, zero-width space, zero-width non-joiner, word joiner or
/// byte-order mark pasted inside a name ("Pri\u{AD}ya" is Priya). Not the
/// zero-width joiner, which builds emoji.
pub(crate) fn is_invisible(c: char) -> bool {
    matches!(c, '\u{AD}' | '\u{200B}' | '\u{200C}' | '\u{2060}' | '\u{FEFF}')
}

pub(crate) fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{FF07}')
}

/// Base letters for the lower-case Latin letters with diacritics that names
/// and words commonly carry (Latin-1 Supplement and Latin Extended-A).
fn strip_accent(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
        'ĥ' | 'ħ' => "h",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => "i",
        'ĵ' => "j",
        'ķ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => "o",
        'œ' => "oe",
        'ŕ' | 'ŗ' | 'ř' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => "s",
        'ß' => "ss",
        'ţ' | 'ť' | 'ŧ' | 'ț' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => "u",
        'ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        'þ' => "th",
        'ơ' => "o",
        'ư' => "u",
        // Vietnamese vowels with two marks (Latin Extended Additional).
        '\u{1EA0}'..='\u{1EB7}' => "a",
        '\u{1EB8}'..='\u{1EC7}' => "e",
        '\u{1EC8}'..='\u{1ECB}' => "i",
        '\u{1ECC}'..='\u{1EE3}' => "o",
        '\u{1EE4}'..='\u{1EF1}' => "u",
        '\u{1EF2}'..='\u{1EF9}' => "y",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn folds_case_accents_and_apostrophes() {
        assert_eq!(fold("José"), "jose");
        assert_eq!(fold("ZOË"), "zoe");
        assert_eq!(fold("O\u{2019}Connor"), "o'connor");
        assert_eq!(fold("Zoe\u{0308}"), "zoe");
        assert_eq!(fold("Алексей"), "алексей");
        assert_eq!(fold("王伟"), "王伟");
        assert_eq!(fold("Nguyễn Cảm ơn Trường"), "nguyen cam on truong");
    }
}
