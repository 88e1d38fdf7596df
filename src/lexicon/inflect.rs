//! Regular English verb inflection, so the event lexicon lists lemmas, not every form.
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
    fn phrasal_verbs_inflect_the_head() {
        assert!(verb_forms("sign up").contains(&"signed up".to_string()));
    }
}
