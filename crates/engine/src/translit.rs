//! Names written in another script: "Здравствуйте, Дмитрий!" to a customer
//! the help desk knows as Dmitri Ivanov. Cyrillic and Greek are spelt out
//! in Latin letters and compared loosely (Дмитрий, Dmitri and Dmitry are
//! one name); a script that can't be spelt out letter by letter (山本様)
//! can't be compared at all.

/// The writing system of a word's letters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Script {
    Latin,
    Cyrillic,
    Greek,
    /// Any other (Han, kana, Hangul, Arabic, Hebrew, Devanagari...).
    Other,
}

/// The script of the first letter of `word` (None: no letter).
pub(crate) fn script(word: &str) -> Option<Script> {
    let c = word.chars().find(|c| c.is_alphabetic())?;
    Some(match c as u32 {
        0..=0x024F | 0x1E00..=0x1EFF => Script::Latin,
        0x0400..=0x052F => Script::Cyrillic,
        0x0370..=0x03FF | 0x1F00..=0x1FFF => Script::Greek,
        _ => Script::Other,
    })
}

/// A folded (lower-case) Cyrillic or Greek letter in Latin letters.
fn latin_of(c: char) -> Option<&'static str> {
    Some(match c {
        'а' | 'α' | 'ά' => "a",
        'б' | 'β' => "b",
        'в' => "v",
        'г' | 'ґ' | 'γ' => "g",
        'д' | 'δ' => "d",
        'е' | 'ё' | 'э' | 'ε' | 'έ' => "e",
        'є' => "ye",
        'ж' => "zh",
        'з' | 'ζ' => "z",
        'и' | 'і' | 'ι' | 'ί' | 'η' | 'ή' => "i",
        'ї' => "yi",
        'й' | 'ы' | 'υ' | 'ύ' => "y",
        'к' | 'κ' => "k",
        'л' | 'λ' => "l",
        'м' | 'μ' => "m",
        'н' | 'ν' => "n",
        'о' | 'ο' | 'ό' | 'ω' | 'ώ' => "o",
        'п' | 'π' => "p",
        'р' | 'ρ' => "r",
        'с' | 'σ' | 'ς' => "s",
        'т' | 'τ' => "t",
        'у' => "u",
        'ф' | 'φ' => "f",
        'х' => "kh",
        'ц' => "ts",
        'ч' => "ch",
        'ш' => "sh",
        'щ' => "shch",
        'ъ' | 'ь' => "",
        'ю' => "yu",
        'я' => "ya",
        'θ' => "th",
        'ξ' => "x",
        'χ' => "ch",
        'ψ' => "ps",
        _ => return None,
    })
}

/// A loose Latin skeleton of a name in Latin, Cyrillic or Greek letters,
/// so that spellings of one name across scripts and transliteration
/// schemes meet: "ks" and "x", "y", "j" and "i", "kh" and "h", "ph" and
/// "f", "w" and "v" are each one letter, and doubled letters one. None for
/// a word in a script that is not spelt out letter by letter.
pub(crate) fn skeleton(word: &str) -> Option<String> {
    let mut latin = String::with_capacity(word.len());
    for c in crate::fold::fold(word).chars() {
        if c.is_ascii() {
            if c.is_ascii_alphabetic() {
                latin.push(c);
            }
        } else if let Some(s) = latin_of(c) {
            latin.push_str(s);
        } else if c.is_alphabetic() {
            return None;
        }
    }
    let latin = latin.replace("ks", "x").replace("kh", "h").replace("ph", "f");
    let mut out = String::with_capacity(latin.len());
    for c in latin.chars() {
        let c = match c {
            'y' | 'j' => 'i',
            'w' => 'v',
            c => c,
        };
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    Some(out)
}

/// Whether `a` and `b`, in any two of the scripts [`skeleton`] reads, are
/// spellings of one name: their skeletons equal, or one letter apart in a
/// name of five letters or more.
pub(crate) fn same_name(a: &str, b: &str) -> bool {
    let (Some(x), Some(y)) = (skeleton(a), skeleton(b)) else { return false };
    if x.is_empty() || y.is_empty() {
        return false;
    }
    x == y || (x.len().min(y.len()) >= 5 && within_one_letter(x.as_bytes(), y.as_bytes()))
}

/// Whether `a` and `b` (ASCII) are equal, or one letter changed, added or
/// dropped apart: not [`crate::words::one_edit_apart`], which tells a
/// distance of exactly one and counts two letters swapped as one edit.
fn within_one_letter(a: &[u8], b: &[u8]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if long.len() - short.len() > 1 {
        return false;
    }
    let head = short.iter().zip(long).take_while(|(x, y)| x == y).count();
    if head == short.len() {
        return true;
    }
    if short.len() == long.len() {
        short[head + 1..] == long[head + 1..]
    } else {
        short[head..] == long[head + 1..]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_across_scripts_and_spellings_meet() {
        assert!(same_name("Дмитрий", "Dmitri"));
        assert!(same_name("Дмитрий", "Dmitry"));
        assert!(same_name("Алексей", "Alexei"));
        assert!(same_name("Наталья", "Natalia"));
        assert!(same_name("Юлия", "Julia"));
        assert!(same_name("Γιώργος", "Giorgos"));
        assert!(!same_name("Ольга", "Dmitri"));
        assert!(!same_name("Иван", "Ivana"));
        assert!(!same_name("山本", "Yamamoto"));
        assert!(within_one_letter(b"dmitri", b"dmitrii"));
        assert!(within_one_letter(b"sergei", b"sergey"));
        assert!(!within_one_letter(b"olga", b"dmitri"));
        assert!(within_one_letter(b"anna", b"anna"));
    }

    #[test]
    fn tells_the_script_of_a_word() {
        assert_eq!(script("Dmitri"), Some(Script::Latin));
        assert_eq!(script("Nguyễn"), Some(Script::Latin));
        assert_eq!(script("Дмитрий"), Some(Script::Cyrillic));
        assert_eq!(script("Γιώργος"), Some(Script::Greek));
        assert_eq!(script("山本様"), Some(Script::Other));
        assert_eq!(script("123"), None);
    }
}
