//! Tense near a time expression: whether the sentence around it talks about the past or the
//! future, which decides the year of "in March" and the week of "on Wednesday".
//!
//! This is a lexical heuristic, not a parser: it looks at the words of the sentence around the
//! expression and takes the tense marker nearest to it ("said" → past, "will" → future), so that
//! "said Friday that it will ..." reads Friday as past.

/// The tense a date is talked about in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Tense {
    Past,
    Future,
    Unknown,
}

/// How far around the expression to look, in bytes.
const WINDOW: usize = 240;

/// The byte range of the sentence around `start..end` in `text`, at most [`WINDOW`] bytes
/// either side: back to the previous sentence end or line break, forward likewise. A period
/// ends a sentence only when a capital follows and it does not close an abbreviation ("U.S.
/// officials", "Nov. 15").
pub(crate) fn sentence_around(text: &str, start: usize, end: usize) -> (usize, usize) {
    let bytes = text.as_bytes();
    let mut lo = start.saturating_sub(WINDOW);
    if let Some(p) = (lo..start)
        .rev()
        .find(|&k| matches!(bytes[k], b'!' | b'?' | b'\n') || sentence_end(bytes, k))
    {
        lo = p + 1;
    }
    let mut hi = (end + WINDOW).min(bytes.len());
    if let Some(p) =
        (end..hi).find(|&k| matches!(bytes[k], b'!' | b'?' | b'\n') || sentence_end(bytes, k))
    {
        hi = p;
    }
    (lo, hi)
}

/// The tense of the sentence around `start..end` in `text`.
pub(crate) fn tense_at(text: &str, start: usize, end: usize) -> Tense {
    let bytes = text.as_bytes();
    let (lo, hi) = sentence_around(text, start, end);
    // The words of the sentence, with their places.
    let mut words: Vec<(usize, usize)> = Vec::new();
    let mut i = lo;
    while i < hi {
        if !bytes[i].is_ascii_alphabetic() && bytes[i] != b'\'' {
            i += 1;
            continue;
        }
        let w0 = i;
        while i < hi && (bytes[i].is_ascii_alphabetic() || bytes[i] == b'\'') {
            i += 1;
        }
        if w0 >= start && i <= end {
            continue;
        }
        words.push((w0, i));
    }
    let word = |k: usize| -> &str {
        words
            .get(k)
            .and_then(|&(a, b)| text.get(a..b))
            .unwrap_or("")
    };
    // The nearest marker wins: the words before the expression are read from the nearest
    // back, those after it forward, and reading stops once no word can come nearer.
    // A sentence in the past perfect ("Until Thursday, they had not called him a suspect")
    // tells what held up to a past day: "until" then looks back, not ahead.
    let past_perfect = words.iter().any(|&(a, b)| {
        text.get(a..b)
            .is_some_and(|w| w.eq_ignore_ascii_case("had"))
    });
    let reading = |k: usize| -> Option<(Tense, bool)> {
        let prev = if k > 0 { word(k - 1) } else { "" };
        let (mut t, weak) = marker(word(k), prev, word(k + 1))?;
        // A plan told in the past perfect was overtaken ("had been due to expire Friday").
        if t == Tense::Future
            && (k.saturating_sub(4)..k).any(|j| {
                word(j).eq_ignore_ascii_case("had") && word(j + 1).eq_ignore_ascii_case("been")
            })
        {
            t = Tense::Past;
        }
        if past_perfect
            && (word(k).eq_ignore_ascii_case("until") || word(k).eq_ignore_ascii_case("till"))
        {
            t = Tense::Past;
        }
        Some((t, weak))
    };
    // "by" right before the expression sets a deadline ("pay down the loan by February",
    // "respond by Oct. 31"): ahead, unless its clause is in the past perfect ("had filed
    // reports by Wednesday", "By March, prices had doubled"): a "had" after it or a few words
    // before it.
    let by_deadline = |k: usize| {
        word(k).eq_ignore_ascii_case("by")
            && words
                .get(k)
                .is_some_and(|&(_, b)| b <= start && text[b..start].trim().is_empty())
    };
    let had = |j: usize| word(j).eq_ignore_ascii_case("had");
    let reading = |k: usize| -> Option<(Tense, bool)> {
        if by_deadline(k) {
            let perfect = (k.saturating_sub(6)..k).any(had) || (k + 1..words.len()).any(had);
            let t = if perfect { Tense::Past } else { Tense::Future };
            return Some((t, false));
        }
        reading(k)
    };
    // A closing quotation mark after the expression ends the quoted words: the verb of
    // saying after it ("''He will leave Thursday,'' Castro said") is the report, not the
    // tense of the quote.
    let quote_end = (end..hi)
        .find(|&k| bytes[k] == b'"' || (bytes[k] == b'\'' && bytes.get(k + 1) == Some(&b'\'')))
        .unwrap_or(hi);
    let split = words.partition_point(|&(w0, _)| w0 < end);
    // A word in -ed before the expression may be an adjective too ("a still unspecified date
    // in January"): it yields to a clear marker a little further back ("would be paid").
    let mut best: Option<(usize, Tense)> = None;
    // Reads word `k` at `distance` from the expression; false once nothing that far can win.
    let mut consider = |k: usize, distance: usize| {
        if best.is_some_and(|(d, _)| distance >= d) {
            return false;
        }
        if let Some((t, weak)) = reading(k) {
            let distance = if weak { distance + 32 } else { distance };
            if best.is_none_or(|(d, _)| distance < d) {
                best = Some((distance, t));
            }
        }
        true
    };
    for k in (0..split).rev() {
        if !consider(k, start - words[k].1.min(start)) {
            break;
        }
    }
    for (k, &(w0, _)) in words.iter().enumerate().skip(split) {
        // Markers after the expression count a little less: English puts the verb first; a
        // word in -ed after it is as often an adjective or a participle ("markets untouched
        // by the crisis") and counts much less, as does a verb after a closing quote.
        let distance = w0 - end + if w0 > quote_end { 40 } else { 8 };
        if !consider(k, distance) {
            break;
        }
    }
    best.map_or(Tense::Unknown, |(_, t)| t)
}

/// Whether the period at `k` ends a sentence: a space and a capital (or quote) follow, and the
/// word before it is not an abbreviation or an initial.
fn sentence_end(bytes: &[u8], k: usize) -> bool {
    if bytes[k] != b'.' {
        return false;
    }
    let next = bytes[k + 1..]
        .iter()
        .skip_while(|b| matches!(b, b' ' | b'\t'))
        .copied()
        .next();
    if !next.is_none_or(|b| b.is_ascii_uppercase() || matches!(b, b'"' | b'\'' | b'`' | b'(')) {
        return false;
    }
    if !bytes
        .get(k + 1)
        .is_none_or(|b| b.is_ascii_whitespace() || matches!(b, b'"' | b'\''))
    {
        return false;
    }
    let w0 = bytes[..k]
        .iter()
        .rposition(|b| !b.is_ascii_alphabetic() && *b != b'.')
        .map_or(0, |p| p + 1);
    let before = &bytes[w0..k];
    if before.contains(&b'.') || before.len() == 1 {
        // "U.S.", "p.m.", an initial.
        return false;
    }
    let mut buf = [0u8; 16];
    let Some(w) = std::str::from_utf8(before)
        .ok()
        .and_then(|w| crate::temporal::lexicon::fold(w, &mut buf))
    else {
        return true;
    };
    !matches!(
        w,
        "mr" | "mrs"
            | "ms"
            | "dr"
            | "st"
            | "gen"
            | "sen"
            | "rep"
            | "gov"
            | "lt"
            | "col"
            | "sgt"
            | "capt"
            | "jan"
            | "feb"
            | "mar"
            | "apr"
            | "aug"
            | "sep"
            | "sept"
            | "oct"
            | "nov"
            | "dec"
            | "inc"
            | "corp"
            | "co"
            | "jr"
            | "no"
            | "vs"
    )
}

/// The tense a word marks, if any, given its neighbours, and whether the cue is weak (a word
/// in -ed, which may be an adjective).
fn marker(word: &str, prev: &str, next: &str) -> Option<(Tense, bool)> {
    let mut buf = [0u8; 16];
    let w = crate::temporal::lexicon::fold(word, &mut buf)?;
    let is = |x: &str, set: &[&str]| set.iter().any(|s| x.eq_ignore_ascii_case(s));
    let be = [
        "be", "been", "being", "is", "are", "was", "were", "get", "gets", "got",
    ];
    // A participle of planning after an article or an adverb in -ly qualifies a noun ("the
    // hastily planned trip", "as previously planned"): it says nothing of the tense.
    if matches!(
        w,
        "planned" | "scheduled" | "expected" | "intended" | "slated" | "forecast"
    ) && (is(prev, &["the", "a", "an"]) || (prev.len() > 4 && prev.ends_with("ly")))
    {
        return None;
    }
    // A participle after a present form of "be" is a present passive, which news uses for
    // what is scheduled ("when the case is heard in May").
    let present_passive = is(prev, &["is", "are"]);
    // "Were planning", "was expected": the plan word decides, not its auxiliary ("rallied
    // on Saturday and were planning to drive" is still a plan).
    if matches!(w, "was" | "were")
        && is(
            next,
            &[
                "planning",
                "planned",
                "expected",
                "scheduled",
                "due",
                "going",
                "set",
                "supposed",
                "slated",
            ],
        )
    {
        return None;
    }
    match w {
        // Plans, schedules and expectations look ahead, unless told as past plans ("had been
        // scheduled to expire Friday": the plan was changed).
        "set" if is(next, &["to", "for"]) => Some((Tense::Future, false)),
        // "is to resume trading Tuesday".
        "is" | "are" if is(next, &["to"]) => Some((Tense::Future, false)),
        // "as early as Tuesday", "as soon as Tuesday".
        "early" if is(prev, &["as"]) => Some((Tense::Future, false)),
        // "plan" and "plans" are also nouns ("announced the plan Aug. 21").
        "plan" | "plans" => is(next, &["to"]).then_some((Tense::Future, false)),
        // "next to the embassy" is a place.
        "next" => (!is(next, &["to"])).then_some((Tense::Future, false)),
        // Modals and verbs of intent look ahead, also in reported speech ("said he would
        // leave Thursday", "planned to meet on Saturday", "as soon as Tuesday").
        "will" | "'ll" | "shall" | "would" | "might" | "tomorrow" | "scheduled" | "expected"
        | "expects" | "expect" | "planned" | "planning" | "upcoming" | "due" | "slated"
        | "supposed" | "intends" | "intend" | "intended" | "aims" | "hopes" | "payable"
        | "effective" | "expire" | "expires" | "until" | "soon" | "forecast" | "going"
        | "coming" | "prepared" | "till" => Some((Tense::Future, false)),
        // News tells scheduled events in the simple present ("the two leaders meet Monday",
        // "the trial begins Tuesday"): verbs of meeting and starting, not also nouns.
        "meet" | "meets" | "begin" | "begins" | "resume" | "resumes" | "convene" | "convenes"
        | "reconvene" | "reconvenes" | "arrive" | "arrives" | "depart" | "departs" => {
            (!is(prev, &["did", "didn't", "to"])).then_some((Tense::Future, false))
        }
        "was" | "were" | "had" | "did" | "said" | "told" | "ago" | "last" | "earlier" | "came"
        | "took" | "went" | "began" | "spoke" | "struck" | "won" | "fell" | "rose" | "gave"
        | "saw" | "became" | "since" | "wrote" | "yesterday" | "ran" | "drew" | "drove"
        | "flew" | "grew" | "knew" | "rode" | "shook" | "stole" | "threw" | "wore"
        | "previously" | "former" | "once" | "died" => Some((Tense::Past, false)),
        // Forms that are also participles: past only when not after a form of "be" ("will be
        // held", "is heard" are not past).
        "made" | "met" | "killed" | "lost" | "left" | "held" | "sold" | "got" | "announced"
        | "reported" | "brought" | "bought" | "thought" | "caught" | "sought" | "fought"
        | "found" | "built" | "sent" | "spent" | "meant" | "kept" | "felt" | "paid" | "led"
        | "fled" | "stood" | "hung" | "stuck" | "sat" | "shot" | "heard" => {
            if present_passive {
                Some((Tense::Future, false))
            } else {
                (!is(prev, &be)).then_some((Tense::Past, false))
            }
        }
        _ if w.len() > 4
            && w.ends_with("ed")
            && word.starts_with(|c: char| c.is_ascii_lowercase()) =>
        {
            if present_passive {
                Some((Tense::Future, true))
            } else {
                (!is(prev, &be)).then_some((Tense::Past, true))
            }
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, needle: &str) -> Tense {
        let start = text.find(needle).unwrap();
        tense_at(text, start, start + needle.len())
    }

    #[test]
    fn nearest_marker_wins() {
        assert_eq!(
            at(
                "The Pentagon had created this line in March to avoid",
                "March"
            ),
            Tense::Past
        );
        assert_eq!(at("They will meet in March.", "March"), Tense::Future);
        assert_eq!(
            at("He said Friday that the company will grow.", "Friday"),
            Tense::Past
        );
        assert_eq!(at("Talks in March", "March"), Tense::Unknown);
        assert_eq!(
            at(
                "He said the father would be traveling Thursday.",
                "Thursday"
            ),
            Tense::Future
        );
        assert_eq!(
            at("Protesters planned a rally on Saturday.", "Saturday"),
            Tense::Future
        );
        // "Died" is a past tense however short; a passive of belief further back says nothing
        // of when the death was.
        assert_eq!(
            at("He is believed to have died Saturday.", "Saturday"),
            Tense::Past
        );
    }

    #[test]
    fn participles_abbreviations_and_past_plans() {
        // "held" after "be" is not a past tense; "U.S." does not end the sentence.
        assert_eq!(
            at("The summit would still be held on April 24.", "April 24"),
            Tense::Future
        );
        assert_eq!(
            at(
                "He could come to the U.S. from Cuba as early as Tuesday.",
                "Tuesday"
            ),
            Tense::Future
        );
        assert_eq!(
            at("The offer had been scheduled to expire Friday.", "Friday"),
            Tense::Past
        );
        assert_eq!(
            at("The thrift announced the plan Aug. 21.", "Aug. 21"),
            Tense::Past
        );
        assert_eq!(
            at(
                "Flights will double by August in search of markets untouched by the crisis.",
                "August"
            ),
            Tense::Future
        );
        assert_eq!(
            at("Trading is to resume Tuesday.", "Tuesday"),
            Tense::Future
        );
        assert_eq!(
            at(
                "He and Arafat meet separately Monday with Albright.",
                "Monday"
            ),
            Tense::Future
        );
        assert_eq!(at("The king met Monday with Bush.", "Monday"), Tense::Past);
        assert_eq!(
            at(
                "It would be paid on a still unspecified date in January.",
                "January"
            ),
            Tense::Future
        );
        assert_eq!(at("Protesters rallied Monday.", "Monday"), Tense::Past);
    }

    #[test]
    fn until_in_the_past_perfect_looks_back() {
        assert_eq!(
            at(
                "Until Thursday, they had not called him a suspect.",
                "Thursday"
            ),
            Tense::Past
        );
        assert_eq!(
            at("The deadline was extended until Tuesday.", "Tuesday"),
            Tense::Future
        );
    }

    #[test]
    fn planned_as_an_adjective_is_no_cue() {
        assert_eq!(
            at(
                "On Friday, when she set aside vacation plans for the hastily planned trip, officials lifted the ban.",
                "Friday"
            ),
            Tense::Past
        );
        assert_eq!(
            at(
                "The offensive began as previously planned Saturday night.",
                "Saturday night"
            ),
            Tense::Past
        );
    }

    #[test]
    fn present_passive_looks_ahead() {
        assert_eq!(
            at(
                "He had not signed it if they lose when the case is heard in May in court.",
                "May"
            ),
            Tense::Future
        );
        assert_eq!(at("The vote was held in May.", "May"), Tense::Past);
    }

    #[test]
    fn a_plan_decides_over_its_auxiliary() {
        assert_eq!(
            at(
                "Exiles planned a rally on Saturday and were planning to drive around the airport.",
                "Saturday"
            ),
            Tense::Future
        );
        assert_eq!(
            at("The protest on Saturday was peaceful.", "Saturday"),
            Tense::Past
        );
    }

    #[test]
    fn the_report_after_a_quote_counts_less() {
        assert_eq!(
            at(
                "''The father will leave at 4 in the morning (4 a.m. EDT Thursday),'' Castro said.",
                "4 a.m. EDT Thursday"
            ),
            Tense::Future
        );
        assert_eq!(
            at("Talks resumed on Thursday, officials said.", "Thursday"),
            Tense::Past
        );
    }
}
