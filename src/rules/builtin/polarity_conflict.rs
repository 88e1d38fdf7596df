//! `polarity-conflict`: one source says an event happened, another that it did not.
//!
//! ## What it does
//! For matched claims (same predicate, a shared participant or story, compatible times) of
//! opposite polarity — "was arrested" against "was not arrested" — reports a discrepancy citing
//! both event words, once for each denial. A hedged denial ("could not be used", "if the rule
//! is not struck down") is no denial of a fact and is not reported; a hedged assertion lowers
//! the severity one step. Nor is a denial worded by a noun ("escaped without injury", "have not
//! had any arrests this season", "not the prosecution to persecute a people"): a negated noun
//! says no event of the kind took place, in general or in a case of its own, rather than that
//! the one another source tells did not.

use crate::claim::{Modality, Polarity};
use crate::report::Finding;
use crate::rules::builtin::{Kind, discrepancy};
use crate::rules::context::Context;
use crate::rules::model::Rule;

pub(super) const KIND: Kind = Kind {
    name: "polarity-conflict",
    summary: "matched claims of which one asserts the event and the other denies it",
    parameters: &[],
    run,
};

fn run(rule: &Rule, cx: &Context<'_>) -> Vec<Finding> {
    let mut findings = Vec::new();
    let mut reported = std::collections::BTreeSet::new();
    for pair in cx
        .pairs
        .iter()
        .filter(|p| rule.spec.applies_to.admits(p.same_article()))
    {
        let (a, b) = (cx.claim(pair.a), cx.claim(pair.b));
        // A negated count ("not one person") or date denies a detail, not an event.
        if a.polarity == b.polarity || a.is_detail() {
            continue;
        }
        let (yes, no) = if a.polarity == Polarity::Positive {
            (pair.a, pair.b)
        } else {
            (pair.b, pair.a)
        };
        let (positive, negative) = (cx.claim(yes), cx.claim(no));
        // An assertion of nothing ("declined to reveal") leaves the denial to other sources.
        let text_of_yes = &cx.articles[yes.article].text;
        if asserts_nothing(text_of_yes, positive.sentence, positive.event.span) {
            continue;
        }
        // One finding a denial, however many sources assert the event.
        if !reported.insert(no) {
            continue;
        }
        // A hedged denial ("could not be used", "if the rule is not struck down") denies no
        // fact.
        if negative.modality == Modality::Hedged || denied_by_noun(cx, no.article, negative) {
            continue;
        }
        // A denial of no single told event (bounded in time, over a period, made by someone, a
        // command or a counterfactual), or of telling a detail.
        let text_of_no = &cx.articles[no.article].text;
        if denial_of_no_told_event(text_of_no, negative.sentence, negative.event.span)
            || (negative.event.predicate == TELLING
                && denies_a_detail(text_of_no, negative.sentence, negative.event.span))
        {
            continue;
        }
        let text_no = negative.event.span.slice(&cx.articles[no.article].text);
        let text_yes = positive.event.span.slice(&cx.articles[yes.article].text);
        let message = format!(
            "{} happened according to {} (\"{}\") but not according to {} (\"{}\")",
            cx.describe(positive),
            cx.article_id(yes),
            text_yes,
            cx.article_id(no),
            text_no,
        );
        let evidence = vec![
            cx.evidence(no, negative.event.span, "says it did not happen"),
            cx.evidence(yes, positive.event.span, "says it happened"),
        ];
        let hedged = a.modality == Modality::Hedged || b.modality == Modality::Hedged;
        let finding = discrepancy(cx, rule, message, &[no, yes], evidence, hedged);
        findings.push(finding);
    }
    findings
}

/// Words after which an event word is read as a noun: determiners and the prepositions a denial
/// by a noun takes ("without injury", "no arrests", "any arrests", "without a hearing").
const NOUN_OPENERS: &[&str] = &[
    "without", "no", "any", "the", "a", "an", "of", "his", "her", "their", "its",
];

/// Whether a negative claim of article `article` denies its event by a noun: its event word
/// right after a determiner or a preposition ("without injury", "any arrests"). "Fire" and
/// "defeat" name events as verbs too ("did not fire"): the word before tells which.
fn denied_by_noun(cx: &Context<'_>, article: usize, claim: &crate::claim::Claim) -> bool {
    let before = cx.articles[article].text[..claim.event.span.start]
        .split_whitespace()
        .next_back()
        .unwrap_or("")
        .to_lowercase();
    NOUN_OPENERS.contains(&before.as_str())
}

/// The words of `text`, lower case, curly apostrophes read as straight ones, with the
/// punctuation around each word dropped; a clause break (",", ";", ":", a quotation mark, a
/// dash) is kept as the word "|".
fn words_of(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for raw in text.split_whitespace() {
        let raw = raw.replace('’', "'");
        let lead_break = raw.starts_with(['"', '“', '”', '(']);
        if lead_break {
            out.push("|".to_string());
        }
        let word = raw
            .trim_matches(|c: char| !c.is_alphanumeric() && c != '\'')
            .trim_matches('\'')
            .to_lowercase();
        if !word.is_empty() {
            out.push(word);
        }
        if raw.ends_with([',', ';', ':', '"', '“', '”', ')'])
            || raw == "-"
            || raw == "--"
            || raw == "—"
        {
            out.push("|".to_string());
        }
    }
    out
}

/// The words of the event's sentence before its event word (nearest last) and after it up to
/// the end of its clause.
fn around(
    text: &str,
    sentence: crate::text::Span,
    event: crate::text::Span,
) -> (Vec<String>, Vec<String>) {
    let start = sentence.start.min(event.start);
    let end = sentence.end.max(event.end).min(text.len());
    let before = text
        .get(start..event.start)
        .map(words_of)
        .unwrap_or_default();
    let after: Vec<String> = text
        .get(event.end..end)
        .map(words_of)
        .unwrap_or_default()
        .into_iter()
        .take_while(|w| w != "|")
        .collect();
    (before.into_iter().rev().collect(), after)
}

/// Auxiliaries of the perfect: a denial "has not lost in four years" spans a period.
const PERFECT: &[&str] = &[
    "has", "have", "had", "having", "hasn't", "haven't", "hadn't",
];

/// Words that name a length of time or a period after "in" ("in more than four years", "in
/// several seasons").
const PERIODS: &[&str] = &[
    "years", "months", "weeks", "days", "decades", "seasons", "games", "year", "season",
];

/// Whether a denial, read in its sentence, denies no single event another source could tell:
/// - it is bounded in time: "didn't find out his name until the minister resigned" ("until" within
///   the few words after the event word), "has not yet been released", "has not been
///   announced yet" (the event comes later, or has not come yet);
/// - it spans a period: "has not lost in more than four years", "having never won in Indy",
///   "they'll never fight", "you never take winning for granted";
/// - it is a denial someone makes ("has denied arson", "denied shooting at the officers"): the
///   article reports the denial, it does not deny the event itself;
/// - it is a command ("don't talk while praying") or a counterfactual ("wouldn't have
///   resigned").
fn denial_of_no_told_event(
    text: &str,
    sentence: crate::text::Span,
    event: crate::text::Span,
) -> bool {
    let (before, after) = around(text, sentence, event);
    // The verb group before the event word: the few words up to a clause break.
    let group: Vec<&str> = before
        .iter()
        .take(4)
        .take_while(|w| w.as_str() != "|")
        .map(String::as_str)
        .collect();
    let has = |words: &[&str], w: &str| words.contains(&w);
    let after: Vec<&str> = after.iter().map(String::as_str).collect();
    // "Until" right after the event's object ("didn't find out his name until"); "yet" in the
    // verb group or closing the clause ("has not been announced yet"), not "yet another".
    let bounded = has(&group, "yet")
        || after.last() == Some(&"yet")
        || after.iter().take(4).any(|w| matches!(*w, "until" | "till"));
    let perfect = group.iter().any(|w| PERFECT.contains(w));
    let never = has(&group, "never");
    // "In" and a length of time: "has not lost in more than four years".
    let period = after
        .iter()
        .take(12)
        .enumerate()
        .any(|(i, w)| *w == "in" && after[i + 1..].iter().take(4).any(|p| PERIODS.contains(p)));
    let spans = (perfect && (never || period))
        || never
            && group.iter().any(|w| {
                matches!(
                    *w,
                    "will"
                        | "they'll"
                        | "we'll"
                        | "he'll"
                        | "she'll"
                        | "you'll"
                        | "i'll"
                        | "you"
                        | "we"
                        | "i"
                )
            });
    let denied = group
        .iter()
        .take(3)
        .any(|w| matches!(*w, "denied" | "denies" | "deny" | "denying"));
    // "don't talk": the negation opens the sentence or a quotation.
    let command = matches!(group.first().copied(), Some("don't" | "never"))
        && before.get(1).is_none_or(|w| w == "|");
    let counterfactual = group.first() == Some(&"have")
        && group.get(1..3).is_some_and(|g| {
            g.iter()
                .any(|w| matches!(*w, "wouldn't" | "couldn't" | "would" | "could"))
        });
    bounded || spans || denied || command || counterfactual
}

/// The predicate of telling: "reveal", "announce", "disclose".
const TELLING: &str = "announce";

/// Whether a denial of telling denies telling a detail: a wh-word right after its event word
/// ("did not reveal what she was treated for", "are not revealing when he will be moved"),
/// not the telling another source gives.
fn denies_a_detail(text: &str, sentence: crate::text::Span, event: crate::text::Span) -> bool {
    let (_, after) = around(text, sentence, event);
    after
        .first()
        .is_some_and(|w| WH_WORDS.contains(&w.as_str()))
}

/// Words that open a question of a detail after a verb of telling ("did not reveal what").
const WH_WORDS: &[&str] = &[
    "what", "when", "where", "why", "how", "whether", "who", "whom", "which", "if",
];

/// Whether an assertion, read in its sentence, asserts no event: its event word is what someone
/// declined, refused, failed or was unable to do ("declined to reveal", "was unable to reach a
/// deal"), was close to doing, or is told to stop ("Stop using").
fn asserts_nothing(text: &str, sentence: crate::text::Span, event: crate::text::Span) -> bool {
    let (before, _) = around(text, sentence, event);
    match before.as_slice() {
        [to, verb, ..] if to == "to" => matches!(
            verb.as_str(),
            "declined"
                | "declines"
                | "refused"
                | "refuses"
                | "unable"
                | "failed"
                | "fails"
                | "close"
        ),
        [verb, ..] => matches!(verb.as_str(), "stop" | "stopped" | "stops" | "quit"),
        [] => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Span;

    /// The sentence `text` with its event word `event` (its first occurrence).
    fn at(text: &str, event: &str) -> (Span, Span) {
        let start = text.find(event).unwrap_or(0);
        (
            Span::new(0, text.len()),
            Span::new(start, start + event.len()),
        )
    }

    fn no_told_event(text: &str, event: &str) -> bool {
        let (sentence, word) = at(text, event);
        denial_of_no_told_event(text, sentence, word)
    }

    fn nothing(text: &str, event: &str) -> bool {
        let (sentence, word) = at(text, event);
        asserts_nothing(text, sentence, word)
    }

    #[test]
    fn denials_bounded_in_time_deny_no_told_event() {
        assert!(no_told_event(
            "The editor didn't find out the source's name until the minister resigned.",
            "find out"
        ));
        assert!(no_told_event(
            "The identities have not yet been released.",
            "released"
        ));
        assert!(no_told_event(
            "Price has not been revealed yet.",
            "revealed"
        ));
        // "Yet another" bounds nothing; "until" far after the event is another clause's.
        assert!(!no_told_event(
            "Klitschko did not fight yet another weak opponent.",
            "fight"
        ));
        assert!(!no_told_event(
            "He did not buy the farm and ran the business until 2007.",
            "buy"
        ));
        assert!(!no_told_event(
            "Police did not arrest Jones on Friday.",
            "arrest"
        ));
    }

    #[test]
    fn denials_over_a_period_deny_no_told_event() {
        assert!(no_told_event(
            "Klitschko has not lost in more than four years.",
            "lost"
        ));
        assert!(no_told_event(
            "The Texans come having never won in Indy.",
            "won"
        ));
        assert!(no_told_event(
            "\"You never take winning for granted.",
            "winning"
        ));
        assert!(no_told_event("They'll never fight each other.", "fight"));
        // The perfect alone, or "never" in the past, is a denial of an event.
        assert!(!no_told_event(
            "Klitschko has not lost to Brewster.",
            "lost"
        ));
        assert!(!no_told_event(
            "Marla never checked into the clinic.",
            "checked into"
        ));
    }

    #[test]
    fn denials_made_commanded_or_counterfactual_deny_no_told_event() {
        assert!(no_told_event(
            "A man has denied arson after the fire.",
            "arson"
        ));
        assert!(no_told_event(
            "He responds, \"don't talk while praying.",
            "talk"
        ));
        assert!(no_told_event(
            "Without the leak, he wouldn't have resigned in disgrace.",
            "resigned"
        ));
        assert!(!no_told_event(
            "He said he did not shoot the girl.",
            "shoot"
        ));
        let detail = |text: &str, event: &str| {
            let (sentence, word) = at(text, event);
            denies_a_detail(text, sentence, word)
        };
        assert!(detail(
            "Her rep did not reveal what she was treated for.",
            "reveal"
        ));
        assert!(!detail("Her rep did not reveal the reason.", "reveal"));
        assert!(!no_told_event("Police don't arrest him.", "arrest"));
    }

    #[test]
    fn what_was_declined_or_stopped_is_asserted_nothing() {
        assert!(nothing("Her rep declined to reveal the reason.", "reveal"));
        assert!(nothing("The director was unable to reach a deal.", "reach"));
        assert!(nothing("The producer is close to signing on.", "signing"));
        assert!(nothing("Stop using Internet Explorer.", "using"));
        assert!(!nothing("Her rep agreed to reveal the reason.", "reveal"));
        assert!(!nothing("Her rep revealed the reason.", "revealed"));
    }
}
