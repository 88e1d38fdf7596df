//! Regular English verb inflection and noun plurals, so the event lexicon lists lemmas, not every
//! form.
//!
//! Irregular forms ("struck", "spoke", "met") are listed in the lexicon's `forms`; this covers
//! the regular patterns: -s/-es/-ies, -ed/-d/-ied, -ing with e-dropping and consonant doubling.

/// The lemma and its regular third-person, past and present-participle forms.
pub fn verb_forms(lemma: &str) -> Vec<String> {
    let lemma = lemma.trim().to_lowercase();
    if lemma.contains(' ') {
        // Phrasal verbs inflect their first word: "set up" → "sets up", "set up", ...
        let (head, rest) = lemma.split_once(' ').unwrap_or((&lemma, ""));
        return verb_forms(head)
            .into_iter()
            .map(|form| format!("{form} {rest}"))
            .collect();
    }
    let mut forms = vec![lemma.clone()];
    let bytes = lemma.as_bytes();
    let n = bytes.len();
    if n < 2 {
        return forms;
    }
    let last = bytes[n - 1];
    let before = bytes[n - 2];
    let is_vowel = |b: u8| b"aeiou".contains(&b);
    if last == b'e' {
        let stem = &lemma[..n - 1];
        forms.push(format!("{lemma}s"));
        forms.push(format!("{lemma}d"));
        if lemma.ends_with("ee") {
            forms.push(format!("{lemma}ing"));
        } else {
            forms.push(format!("{stem}ing"));
        }
    } else if last == b'y' && !is_vowel(before) {
        let stem = &lemma[..n - 1];
        forms.push(format!("{stem}ies"));
        forms.push(format!("{stem}ied"));
        forms.push(format!("{lemma}ing"));
    } else if lemma.ends_with('s')
        || lemma.ends_with("sh")
        || lemma.ends_with("ch")
        || lemma.ends_with('x')
        || lemma.ends_with('z')
    {
        forms.push(format!("{lemma}es"));
        forms.push(format!("{lemma}ed"));
        forms.push(format!("{lemma}ing"));
    } else {
        forms.push(format!("{lemma}s"));
        let doubles = n >= 3
            && !is_vowel(last)
            && !b"wxy".contains(&last)
            && is_vowel(before)
            && !is_vowel(bytes[n - 3])
            && lemma.bytes().filter(|&b| is_vowel(b)).count() == 1;
        if doubles {
            let double = last as char;
            forms.push(format!("{lemma}{double}ed"));
            forms.push(format!("{lemma}{double}ing"));
        } else {
            forms.push(format!("{lemma}ed"));
            forms.push(format!("{lemma}ing"));
        }
    }
    forms
}

/// Endings of nouns made from verbs: "shooting", "explosion", "settlement", "seizure",
/// "dismissal", "appearance", "robbery".
const DEVERBAL_ENDINGS: &[&str] = &["ing", "ion", "ment", "ure", "al", "ance", "ence", "ery"];

/// The regular plural of a nominal event made from a verb ("shooting" → "shootings", "robbery"
/// → "robberies", "explosion" → "explosions"); `None` for a noun that is plural already (ends
/// in `s`), and for nouns of things rather than acts ("goal", "touchdown", "quake"): their
/// plurals are the counted statistics of box scores and background ("scored two goals", "the
/// quakes of the last decade"), not the event told.
pub fn noun_plural(noun: &str) -> Option<String> {
    let noun = noun.trim().to_lowercase();
    let bytes = noun.as_bytes();
    let n = bytes.len();
    let head = noun.rsplit(' ').next().unwrap_or(&noun);
    let deverbal = head.len() > 5 && DEVERBAL_ENDINGS.iter().any(|e| head.ends_with(e));
    if !deverbal || noun.ends_with('s') {
        return None;
    }
    let is_vowel = |b: u8| b"aeiou".contains(&b);
    Some(if noun.ends_with('y') && !is_vowel(bytes[n - 2]) {
        format!("{}ies", &noun[..n - 1])
    } else {
        format!("{noun}s")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regular_patterns() {
        assert_eq!(
            verb_forms("invade"),
            ["invade", "invades", "invaded", "invading"]
        );
        assert_eq!(
            verb_forms("carry"),
            ["carry", "carries", "carried", "carrying"]
        );
        assert_eq!(verb_forms("stop"), ["stop", "stops", "stopped", "stopping"]);
        assert_eq!(
            verb_forms("launch"),
            ["launch", "launches", "launched", "launching"]
        );
        assert_eq!(verb_forms("kill"), ["kill", "kills", "killed", "killing"]);
        assert_eq!(
            verb_forms("agree"),
            ["agree", "agrees", "agreed", "agreeing"]
        );
    }

    #[test]
    fn nouns_take_regular_plurals() {
        assert_eq!(noun_plural("shooting").as_deref(), Some("shootings"));
        assert_eq!(noun_plural("robbery").as_deref(), Some("robberies"));
        assert_eq!(
            noun_plural("mass shooting").as_deref(),
            Some("mass shootings")
        );
        assert_eq!(noun_plural("explosion").as_deref(), Some("explosions"));
        assert_eq!(noun_plural("seizure").as_deref(), Some("seizures"));
        assert_eq!(noun_plural("talks"), None);
        // Things counted, not acts: no plural event.
        assert_eq!(noun_plural("goal"), None);
        assert_eq!(noun_plural("touchdown"), None);
        assert_eq!(noun_plural("quake"), None);
    }

    #[test]
    fn phrasal_verbs_inflect_the_head() {
        assert!(verb_forms("sign up").contains(&"signed up".to_string()));
    }
}
