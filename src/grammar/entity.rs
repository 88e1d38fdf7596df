//! Entity mentions: names and titles chunked from capitalized words, looked up in the alias
//! table, and resolved within the document.
//!
//! Resolution, in order: a lexicon name ("U.S.", "the Pentagon"), an outlet, a demonym with a
//! government body after it ("Russian Defense Ministry", "Ukrainian air defense"), a country's
//! possessive with a body ("Russia’s ministry of defence"), a common noun of the lexicon
//! ("communications line"), and last any other capitalized chunk, read as a person or
//! organization with its title folded away ("U.S. Defense Secretary Lloyd Austin" → Lloyd Austin).
//! A lone surname resolves to the full name the document uses elsewhere ("Biden" → Joe Biden),
//! whether that full name comes before or after.

use foldhash::{HashMap, HashMapExt, HashSet};

use crate::grammar::token::{Token, lowercase};
use crate::lexicon::{EntityKind, Lexicon, closed};
use crate::text::WordSet;
use crate::text::span::Span;

/// One mention of an entity.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    /// Canonical id ("united-states", "russia/defense-ministry", "joe-biden").
    pub id: String,
    /// Its kind.
    pub kind: EntityKind,
    /// Where it is written (without a folded title).
    pub span: Span,
    /// Whether it was written as an adjective ("Russian missile"): it marks origin or owner.
    pub adjective: bool,
    /// Index of the first token.
    pub first_token: usize,
    /// Index of the last token.
    pub last_token: usize,
    /// The title written with a person's name, lower-case and without honorifics ("defense
    /// secretary" of "U.S. Defense Secretary Lloyd Austin"), kept as an attribute of the mention.
    pub title: Option<String>,
}

/// Titles folded into a following name.
static TITLES: WordSet = WordSet::new(&[
    "President",
    "Vice",
    "Prime",
    "Minister",
    "Secretary",
    "Defense",
    "Defence",
    "Foreign",
    "Interior",
    "Finance",
    "State",
    "Gen.",
    "General",
    "Sen.",
    "Senator",
    "Rep.",
    "Representative",
    "Gov.",
    "Governor",
    "Mayor",
    "Judge",
    "Justice",
    "Chancellor",
    "King",
    "Queen",
    "Prince",
    "Princess",
    "Pope",
    "Dr.",
    "Mr.",
    "Mrs.",
    "Ms.",
    "Chief",
    "Sgt.",
    "Col.",
    "Lt.",
    "Capt.",
    "Adm.",
    "Director",
    "Chairman",
    "Chairwoman",
    "Ambassador",
    "Spokesman",
    "Spokeswoman",
    "Counterpart",
    "Officer",
    "Detective",
    "Coach",
    "Actress",
    "Actor",
    "Singer",
    "Star",
    "Rapper",
    "CEO",
    "Leader",
    "Speaker",
    "Commissioner",
    "Sheriff",
    "Attorney",
    "Lawyer",
    "Premier",
    "Supreme",
    "Leader",
    "Top",
    "Former",
    "Then",
    "Officials",
    "Deputy",
    "Acting",
    "Congressman",
    "Congresswoman",
    "Prosecutor",
    "Founder",
    "Manager",
    "Quarterback",
    "Striker",
    "Goalkeeper",
    "Comedian",
    "Novelist",
    "Author",
    "Captain",
    "Commander",
    "Inspector",
    "Bishop",
    "Archbishop",
    "Rabbi",
]);

/// Title words that name the role itself, the head of a title ("secretary" of "defense
/// secretary"); a title phrase ("the secretary") must have one.
static TITLE_HEADS: WordSet = WordSet::new(&[
    "president",
    "secretary",
    "minister",
    "premier",
    "chancellor",
    "governor",
    "senator",
    "mayor",
    "judge",
    "justice",
    "general",
    "ambassador",
    "spokesman",
    "spokeswoman",
    "director",
    "chairman",
    "chairwoman",
    "commissioner",
    "sheriff",
    "attorney",
    "lawyer",
    "coach",
    "actress",
    "actor",
    "singer",
    "star",
    "rapper",
    "ceo",
    "leader",
    "speaker",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "officer",
    "detective",
    "representative",
    "congressman",
    "congresswoman",
    "prosecutor",
    "founder",
    "manager",
    "quarterback",
    "striker",
    "goalkeeper",
    "comedian",
    "novelist",
    "author",
    "captain",
    "commander",
    "inspector",
    "bishop",
    "archbishop",
    "rabbi",
    "sergeant",
    "colonel",
    "lieutenant",
    "admiral",
]);

/// Words that modify a title's head without being titles on their own: "treasury" of "Treasury
/// Secretary", "police" of "the police chief". They fold into a title only before a head.
static TITLE_MODIFIERS: WordSet = WordSet::new(&[
    "treasury",
    "health",
    "education",
    "energy",
    "commerce",
    "labor",
    "labour",
    "homeland",
    "security",
    "transportation",
    "transport",
    "agriculture",
    "trade",
    "economy",
    "justice",
    "police",
    "fire",
    "district",
    "county",
    "federal",
    "assistant",
    "executive",
    "senior",
    "national",
    "army",
    "navy",
    "head",
    "team",
    "interim",
    "chief",
    "defense",
    "defence",
    "foreign",
    "interior",
    "finance",
    "state",
    "vice",
    "prime",
    "deputy",
    "acting",
    "former",
    "supreme",
    "top",
    "lead",
    "crown",
    "attorney",
]);

/// Title words that rank a role below or apart from its head: "the president" is not the vice
/// president, nor a former one.
const RANKS: &[&str] = &["vice", "deputy", "assistant", "acting", "interim", "former"];

/// Words of a folded title that are not part of the role: honorifics and "then".
const HONORIFICS: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "dr",
    "then",
    "top",
    "officials",
    "counterpart",
    "sir",
    "dame",
];

/// The role word an abbreviated title stands for ("Sen." → "senator").
fn expand_title(word: &str) -> String {
    let word = word.trim_end_matches('.').to_lowercase();
    let full = match word.as_str() {
        "gen" => "general",
        "sen" => "senator",
        "rep" => "representative",
        "gov" => "governor",
        "sgt" => "sergeant",
        "col" => "colonel",
        "lt" => "lieutenant",
        "capt" => "captain",
        "adm" => "admiral",
        "defence" => "defense",
        _ => return word,
    };
    full.to_string()
}

fn is_title_head(word: &str) -> bool {
    TITLE_HEADS.contains(&expand_title(word))
}

fn is_title_modifier(word: &str) -> bool {
    TITLE_MODIFIERS.contains(&lowercase(word))
}

/// The title written right before token `start` (the first word of a name): the run of title
/// words ending there, with "of" inside it ("Secretary of State"), lower-case and without
/// honorifics. `None` when no role word stands there.
fn title_before(tokens: &[Token<'_>], start: usize) -> Option<String> {
    let mut first = start;
    while first > 0 {
        let word = tokens[first - 1].text;
        let title_like = is_title(word) || is_title_head(word);
        let modifier = is_title_modifier(word) && first < start;
        let joins = word == "of" && first < start && first >= 2 && is_title(tokens[first - 2].text);
        if first >= 2 && is_abbreviated_title(tokens, first - 2) {
            first -= 2;
            continue;
        }
        if !(title_like || modifier || joins) {
            break;
        }
        first -= 1;
    }
    let words: Vec<String> = tokens[first..start]
        .iter()
        .filter(|t| t.text != ".")
        .map(|t| expand_title(t.text))
        .filter(|w| !HONORIFICS.contains(&w.as_str()))
        .collect();
    words
        .iter()
        .any(|w| is_title_head(w))
        .then(|| words.join(" "))
}

fn is_title(word: &str) -> bool {
    TITLES.words().iter().any(|t| t.eq_ignore_ascii_case(word))
}

/// Capitalized words that start sentences or headlines without naming anything.
/// Month and weekday names are not names either (`is_not_name`).
static NOT_NAMES: WordSet = WordSet::new(&[
    "The",
    "A",
    "An",
    "This",
    "That",
    "These",
    "Those",
    "It",
    "Its",
    "He",
    "She",
    "They",
    "We",
    "I",
    "You",
    "His",
    "Her",
    "Their",
    "Our",
    "My",
    "Your",
    "There",
    "Here",
    "In",
    "On",
    "At",
    "By",
    "For",
    "From",
    "With",
    "Without",
    "After",
    "Before",
    "Since",
    "During",
    "Despite",
    "Amid",
    "According",
    "As",
    "But",
    "And",
    "Or",
    "If",
    "When",
    "While",
    "Where",
    "What",
    "Who",
    "Why",
    "How",
    "Notably",
    "However",
    "Meanwhile",
    "Also",
    "Still",
    "Yet",
    "So",
    "Then",
    "Now",
    "Today",
    "Yesterday",
    "Tomorrow",
    "Irrespective",
    "Although",
    "Though",
    "Because",
    "Both",
    "Each",
    "Every",
    "All",
    "Some",
    "Many",
    "Most",
    "No",
    "Not",
    "One",
    "Two",
    "Three",
    "Anonymous",
    "Image",
    "Photo",
    "Read",
    "Click",
    "Last",
    "Next",
    "Earlier",
    "Later",
    "Jan.",
    "Feb.",
    "Mar.",
    "Apr.",
    "Jun.",
    "Jul.",
    "Aug.",
    "Sep.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
    "Former",
    "Police",
    "Officials",
    "Authorities",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "It’s",
    "It's",
    "Is",
    "Was",
    "Are",
    "Were",
    "Do",
    "Does",
    "Did",
    "Has",
    "Have",
    "Had",
    "Will",
    "Would",
    "Could",
    "Should",
    "May",
    "Might",
    "Must",
    "Can",
    "To",
    "Of",
    "Over",
    "Under",
    "About",
    "Into",
    "Just",
    "Only",
    "Even",
    "Such",
    "Other",
    "Another",
    "Any",
    "New",
    "Update",
    "Updated",
    "Breaking",
    "Watch",
    "Video",
    "Related",
    "Advertisement",
    "Share",
    "Follow",
    "Sign",
    "Subscribe",
    "Fans",
    "People",
    "Sources",
    "Officials",
    "Reports",
    "Report",
    "Police",
    "Witnesses",
    "Residents",
    "Experts",
]);

/// Irregular participles and words that open a clause, which a sentence may start with
/// capitalized where they name no one ("Born in 1923, ...", "Given the risk, ...").
const CLAUSE_OPENERS: &[&str] = &[
    "Born", "Given", "Taken", "Known", "Seen", "Shown", "Held", "Found", "Hit", "Struck", "Caught",
    "Shot", "Built", "Sent", "Told", "Led", "Written", "Driven", "Beaten", "Stolen", "Hidden",
    "Between", "Amid", "Despite", "Unlike", "Upon",
];

/// Whether a capitalized word opening a sentence reads as a common word: a participle
/// ("Injured", "Speaking", "Posted") or a word of [`CLAUSE_OPENERS`].
fn reads_as_common_word(word: &str) -> bool {
    let participle = word.chars().count() >= 5
        && (word.ends_with("ed") || word.ends_with("ing"))
        && word.chars().skip(1).all(char::is_lowercase);
    participle || CLAUSE_OPENERS.contains(&word)
}

/// Whether a capitalized word starts a sentence or names a date (or a holiday) rather than an
/// entity.
fn is_not_name(word: &str) -> bool {
    NOT_NAMES.contains(word)
        || closed::MONTHS.contains(&word)
        || closed::WEEKDAYS.contains(&word)
        || closed::HOLIDAYS.contains(&word)
}

/// The lexicon's names arranged for lookup.
#[derive(Debug)]
pub struct EntityIndex {
    names: HashMap<String, (String, EntityKind)>,
    nouns: HashMap<String, (String, EntityKind)>,
    /// Lower-case first words of the nouns, with the most words a noun starting with them has.
    noun_starts: HashMap<String, usize>,
    /// First words of the names (as written), with the most words a name starting with them
    /// has: a capitalized word starts no longer name than that.
    name_starts: HashMap<String, usize>,
    adjectives: HashMap<String, String>,
    longest_name: usize,
    /// The event lexicon's nouns, lower case ("fire", "earthquake"): one written in capitals
    /// after an opening article is a lead-in, not a name ([`lead_in_capitals`]).
    event_nouns: HashSet<String>,
}

impl EntityIndex {
    /// Indexes the lexicon's entities and outlets.
    pub fn new(lexicon: &Lexicon) -> EntityIndex {
        let mut names = HashMap::new();
        let mut nouns = HashMap::new();
        let mut adjectives = HashMap::new();
        for entity in &lexicon.entities {
            for name in &entity.names {
                names
                    .entry(name.clone())
                    .or_insert((entity.id.clone(), entity.kind));
            }
            for noun in &entity.nouns {
                nouns
                    .entry(noun.to_lowercase())
                    .or_insert((entity.id.clone(), entity.kind));
            }
            for adjective in &entity.adjectives {
                adjectives
                    .entry(adjective.clone())
                    .or_insert(entity.id.clone());
            }
        }
        for outlet in &lexicon.outlets {
            for name in &outlet.names {
                names
                    .entry(name.clone())
                    .or_insert((format!("outlet:{}", outlet.id), EntityKind::Organization));
            }
        }
        let words = |s: &String| s.split_whitespace().count();
        let longest_name = names.keys().map(words).max().unwrap_or(1);
        let mut noun_starts: HashMap<String, usize> = HashMap::new();
        for noun in nouns.keys() {
            let first = noun
                .split_whitespace()
                .next()
                .unwrap_or_default()
                .to_string();
            let entry = noun_starts.entry(first).or_default();
            *entry = (*entry).max(words(noun));
        }
        let mut name_starts: HashMap<String, usize> = HashMap::new();
        for name in names.keys() {
            // Split as `joined` joins tokens: by single spaces.
            let first = name.split(' ').next().unwrap_or_default().to_string();
            let entry = name_starts.entry(first).or_default();
            *entry = (*entry).max(name.split(' ').count());
        }
        let event_nouns = lexicon
            .events
            .iter()
            .flat_map(|e| e.noun_forms())
            .filter(|noun| !noun.contains(' '))
            .map(|noun| noun.to_lowercase())
            .collect();
        EntityIndex {
            names,
            nouns,
            noun_starts,
            name_starts,
            adjectives,
            longest_name,
            event_nouns,
        }
    }
}

/// Within-article coreference of short forms: person names the document spells out in full, so
/// lone surnames resolve to them, and the titled persons met so far, so a title phrase ("the
/// secretary", "the defense secretary") resolves to the one person carrying that title.
///
/// Both resolve only when unambiguous: a surname two full names share stays as written, and a
/// title phrase that fits no earlier titled person, or more than one, is dropped rather than
/// guessed. Surnames resolve to a full name given anywhere in the article (a headline often uses
/// the surname before the body spells it out); title phrases only to persons met before them.
#[derive(Clone, Debug, Default)]
pub struct DocumentNames {
    /// Surname → full name id; `None` when two full names share the surname.
    by_surname: HashMap<String, Option<String>>,
    /// Persons met so far with their title words, in article order.
    titled: Vec<(String, Vec<String>)>,
    /// The words the article writes in lower case ([`DocumentNames::note_lower_case`]).
    lower_case: HashSet<String>,
}

impl DocumentNames {
    /// Records the words of `tokens` (one sentence) written in lower case: a capitalized word
    /// opening another sentence that the article also writes so is a common word there
    /// ("More than 100 firefighters", "Anyone with information"), not a name.
    pub fn note_lower_case(&mut self, tokens: &[Token<'_>]) {
        for t in tokens {
            if t.is_word() && t.text.chars().next().is_some_and(char::is_lowercase) {
                self.lower_case.insert(t.text.to_string());
            }
        }
    }

    /// Records the multi-word names of `tokens` (one sentence).
    pub fn collect(&mut self, index: &EntityIndex, tokens: &[Token<'_>]) {
        self.record(&mentions(index, self, tokens));
    }

    /// Resolves the short forms of one sentence, given in article order: rewrites lone surnames
    /// among `found` to the full names recorded ("biden" → "joe-biden"), and adds the title
    /// phrases of `tokens` that refer to exactly one titled person met before them.
    pub fn resolve(&mut self, tokens: &[Token<'_>], found: &mut Vec<Mention>) {
        found.retain(|m| !self.opens_sentence_as_word(tokens, m));
        for mention in found.iter_mut() {
            if mention.kind == EntityKind::Person && !mention.id.contains('-') {
                if let Some(Some(full)) = self.by_surname.get(&mention.id) {
                    mention.id = full.clone();
                }
            }
        }
        let phrases = title_phrases(tokens, found);
        // A title phrase set off by a comma beside a name is that person, and gives the name its
        // title: "Lloyd Austin, the defense secretary," and "the defense secretary, Lloyd Austin".
        let apposed: Vec<Option<String>> = phrases
            .iter()
            .map(|phrase| {
                let comma = |k: usize| tokens.get(k).is_some_and(|t| t.text == ",");
                let person = found.iter_mut().find(|m| {
                    m.kind == EntityKind::Person
                        && ((m.last_token + 2 == phrase.first_token && comma(m.last_token + 1))
                            || (phrase.last_token + 2 == m.first_token
                                && comma(phrase.last_token + 1)))
                })?;
                person
                    .title
                    .get_or_insert_with(|| phrase.title.clone().unwrap_or_default());
                Some(person.id.clone())
            })
            .collect();
        let mut resolved = Vec::new();
        // Persons and phrases in sentence order, so a phrase sees the persons before it.
        let mut persons = found
            .iter()
            .filter(|m| m.kind == EntityKind::Person)
            .peekable();
        for (phrase, apposed) in phrases.into_iter().zip(apposed) {
            while let Some(person) = persons.next_if(|p| p.first_token < phrase.first_token) {
                self.meet(person);
            }
            if let Some(id) = apposed.or_else(|| self.referent(&phrase)) {
                resolved.push(Mention { id, ..phrase });
            }
        }
        for person in persons {
            self.meet(person);
        }
        if !resolved.is_empty() {
            found.extend(resolved);
            found.sort_by_key(|m| m.first_token);
        }
    }

    /// Notes a person mention as met; a titled one can be referred back to by its title.
    fn meet(&mut self, person: &Mention) {
        if let Some(title) = &person.title {
            let words = title.split(' ').map(str::to_string).collect();
            self.titled.push((person.id.clone(), words));
        }
    }

    /// The one person met so far whose title fits the title phrase `phrase`.
    fn referent(&self, phrase: &Mention) -> Option<String> {
        let wanted: Vec<&str> = phrase.title.as_deref()?.split(' ').collect();
        let mut candidates: Vec<&str> = self
            .titled
            .iter()
            .filter(|(_, title)| title_fits(&wanted, title))
            .map(|(id, _)| id.as_str())
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        match candidates[..] {
            [one] => Some(one.to_string()),
            _ => None,
        }
    }

    /// Whether `mention` is a lone capitalized word opening its sentence that reads as a
    /// common word there, a participle or a word that opens a clause ("Injured people were
    /// taken...", "Posted on ...", "Born in 1923 in Tulsa, ...", "Between 1991 and 1998, ..."),
    /// or a word the article writes in lower case elsewhere ("More than 100 firefighters"),
    /// and that the article gives as no one's surname: capitalized only because it opens the
    /// sentence. A surname the article gives in full elsewhere ("Rob Golding" ... "Golding
    /// threw ...") stays.
    fn opens_sentence_as_word(&self, tokens: &[Token<'_>], mention: &Mention) -> bool {
        mention.kind == EntityKind::Person
            && mention.first_token == mention.last_token
            && !mention.id.contains('-')
            && tokens[..mention.first_token].iter().all(|t| !t.is_word())
            && !self.by_surname.contains_key(&mention.id)
            && tokens.get(mention.first_token).is_some_and(|t| {
                reads_as_common_word(t.text) || self.lower_case.contains(&t.text.to_lowercase())
            })
    }

    /// Records the multi-word person names among `found`. A surname resolves to the full name
    /// that bears it, and stays unresolved when two people of the article bear it ("John Smith
    /// met Jane Smith"); one name written two ways ("Frederick C. LaRue", "Fred LaRue",
    /// [`one_name_two_ways`]) is one person, and the surname resolves to the way it is first
    /// written.
    pub fn record(&mut self, found: &[Mention]) {
        for mention in found {
            if mention.kind != EntityKind::Person || !mention.id.contains('-') {
                continue;
            }
            let surname = mention.id.rsplit('-').next().unwrap_or_default();
            match self.by_surname.get_mut(surname) {
                Some(entry) => {
                    if entry
                        .as_deref()
                        .is_some_and(|known| !one_name_two_ways(known, &mention.id))
                    {
                        *entry = None;
                    }
                }
                None => {
                    self.by_surname
                        .insert(surname.to_string(), Some(mention.id.clone()));
                }
            }
        }
    }
}

/// Whether a title phrase's words `wanted` ("defense secretary") fit a person's title `title`
/// ("defense secretary", "secretary of defense"): the same head, every modifier of the phrase in
/// the title, and every rank of the title ("vice", "former") in the phrase.
fn title_fits(wanted: &[&str], title: &[String]) -> bool {
    let Some(wanted_head) = wanted.iter().copied().rfind(|w| is_title_head(w)) else {
        return false;
    };
    let title_head = title.iter().map(String::as_str).rfind(|w| is_title_head(w));
    if title_head != Some(wanted_head) {
        return false;
    }
    let has = |w: &str| title.iter().any(|t| t == w);
    wanted.iter().all(|w| *w == "of" || has(w))
        && title
            .iter()
            .filter(|t| RANKS.contains(&t.as_str()))
            .all(|rank| wanted.contains(&rank.as_str()))
}

/// The title phrases of a sentence outside the mentions `found`: "the" (or a possessive
/// pronoun) and title words ending in a role word ("the secretary", "the defense secretary", "the
/// secretary of state"). Their ids are empty until [`DocumentNames::resolve`] finds the person.
fn title_phrases(tokens: &[Token<'_>], found: &[Mention]) -> Vec<Mention> {
    let taken = |k: usize| {
        found
            .iter()
            .any(|m| m.first_token <= k && k <= m.last_token)
    };
    let mut phrases = Vec::new();
    let mut i = 0;
    while i + 1 < tokens.len() {
        let opens = tokens[i].text.eq_ignore_ascii_case("the");
        if !opens || taken(i) {
            i += 1;
            continue;
        }
        let mut end = i;
        let mut words = Vec::new();
        while let Some(t) = tokens.get(end + 1) {
            let k = end + 1;
            let titled = is_title_head(t.text) || is_title_modifier(t.text);
            let of = t.text == "of"
                && words.last().is_some_and(|w: &String| is_title_head(w))
                && tokens.get(k + 1).is_some_and(|n| is_title_modifier(n.text));
            if taken(k) || !(titled || of) || words.len() >= 4 {
                break;
            }
            words.push(expand_title(t.text));
            end = k;
        }
        // The phrase must end in a role word and not run into a name ("the actress Lindsay
        // Lohan" is the name with its title, already a mention).
        let ends_in_head = words.last().is_some_and(|w| is_title_head(w));
        let name_follows = tokens.get(end + 1).is_some_and(is_name_word);
        if ends_in_head && !name_follows && !words.iter().all(|w| RANKS.contains(&w.as_str())) {
            phrases.push(Mention {
                id: String::new(),
                kind: EntityKind::Person,
                span: tokens[i].span.cover(tokens[end].span),
                adjective: false,
                first_token: i,
                last_token: end,
                title: Some(words.join(" ")),
            });
        }
        i = end + 1;
    }
    phrases
}

fn slug(words: &[&str]) -> String {
    words
        .iter()
        .map(|w| {
            w.trim_end_matches('.')
                .to_lowercase()
                .replace(['\'', '’', '.'], "")
        })
        .collect::<Vec<_>>()
        .join("-")
}

/// Fewest letters a given name has for a longer one to be read as written out from it
/// ("fred" / "frederick", "ben" / "benjamin").
const SHORT_NAME_LETTERS: usize = 3;

/// Whether two names of several words with one last word are one name written two ways: the
/// first word of the shorter is a word of the longer, or a short form of one ("Mark Heller" /
/// "Mark Jay Heller", "Pierre Thomas" / "RB Pierre Thomas", "Fred LaRue" / "Frederick LaRue").
/// Outlets give a middle name, a title they do not fold away or a short given name as they
/// please. Two given names that differ stay two people ("Mark Vinar" / "Miles Vinar"), and so
/// do names whose first words differ ("Democratic National Committee" / "Republican National
/// Committee"). Bodies of a country ("russia/…") and outlets are matched by their ids alone.
pub fn one_name_two_ways(a: &str, b: &str) -> bool {
    fn parts(id: &str) -> Option<(&str, &str)> {
        if id.contains('/') || id.starts_with("outlet:") {
            return None;
        }
        id.rsplit_once('-')
    }
    let (Some((head_a, last_a)), Some((head_b, last_b))) = (parts(a), parts(b)) else {
        return false;
    };
    if last_a != last_b {
        return false;
    }
    let (short, long) = if head_a.len() <= head_b.len() {
        (head_a, head_b)
    } else {
        (head_b, head_a)
    };
    let first = short.split('-').next().unwrap_or(short);
    long.split('-').any(|word| {
        word == first
            || (first.len().min(word.len()) >= SHORT_NAME_LETTERS
                && (word.starts_with(first) || first.starts_with(word)))
    })
}

/// A single capital letter, an initial when a period follows it.
fn is_initial(word: &str) -> bool {
    word.len() == 1 && word.bytes().all(|b| b.is_ascii_uppercase())
}

/// A capitalized word; shouting words of five letters or more ("CLICK") are not names, nor is
/// an age opening a sentence ("Forty-year-old Ann Rivers": the age is an attribute of the name).
fn is_name_word(token: &Token<'_>) -> bool {
    let age = || {
        let lower = token.text.to_ascii_lowercase();
        lower.ends_with("-year-old") || lower.ends_with("-year-olds")
    };
    let shouted = || {
        token.text.len() > 4
            && token
                .text
                .chars()
                .all(|c| c.is_uppercase() || !c.is_alphabetic())
    };
    token.is_capitalized() && token.is_word() && !shouted() && !age()
}

/// The entity mentions of an article's sentences (`tokens`, one list per sentence), resolved
/// across the article. Mentions of every sentence come first, so a lone surname can resolve to
/// a full name given anywhere in the article, before or after, and a capitalized word opening
/// a sentence is read against the whole article's lower-case words; title phrases ("the
/// secretary") resolve in order, to a titled person met before them.
pub fn article_mentions(index: &EntityIndex, tokens: &[Vec<Token<'_>>]) -> Vec<Vec<Mention>> {
    let none = DocumentNames::default();
    let mut all: Vec<Vec<Mention>> = tokens.iter().map(|t| mentions(index, &none, t)).collect();
    let mut names = DocumentNames::default();
    for (found, sentence_tokens) in all.iter().zip(tokens) {
        names.record(found);
        names.note_lower_case(sentence_tokens);
    }
    for (found, sentence_tokens) in all.iter_mut().zip(tokens) {
        names.resolve(sentence_tokens, found);
    }
    all
}

/// Whether the second token of a sentence is an event noun written in capitals after an opening
/// article, before words in lower case: "A FIRE has badly damaged ...", "AN EARTHQUAKE killed
/// ...". Some outlets set an article's first words in capitals; the noun is the event, not the
/// name of anything.
fn lead_in_capitals(index: &EntityIndex, tokens: &[Token<'_>]) -> bool {
    let [opening, word, next, ..] = tokens else {
        return false;
    };
    let capitals = word.text.len() > 1
        && word
            .text
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b == b'-');
    let head = word.text.split('-').next().unwrap_or_default();
    matches!(opening.text, "A" | "AN" | "THE")
        && capitals
        && next.text.starts_with(|c: char| c.is_lowercase())
        && index.event_nouns.contains(&head.to_ascii_lowercase())
}

/// The entity mentions of one sentence's tokens, in order.
pub fn mentions(index: &EntityIndex, names: &DocumentNames, tokens: &[Token<'_>]) -> Vec<Mention> {
    let mut found = Vec::new();
    let mut i = if lead_in_capitals(index, tokens) {
        2
    } else {
        0
    };
    while i < tokens.len() {
        match mention_at(index, names, tokens, i) {
            Some(mention) => {
                i = mention.last_token + 1;
                found.push(mention);
            }
            None => i += 1,
        }
    }
    found
}

fn joined(tokens: &[Token<'_>], strip_possessive: bool) -> String {
    // Straight into one string: this runs for every window of capitalized words.
    let mut out = String::with_capacity(tokens.iter().map(|t| t.text.len() + 1).sum());
    for (k, t) in tokens.iter().enumerate() {
        if k > 0 {
            out.push(' ');
        }
        if strip_possessive && k + 1 == tokens.len() {
            out.push_str(t.without_possessive());
        } else {
            out.push_str(t.text);
        }
    }
    out
}

fn mention_at(
    index: &EntityIndex,
    names: &DocumentNames,
    tokens: &[Token<'_>],
    i: usize,
) -> Option<Mention> {
    let span_of = |a: usize, b: usize| tokens[a].span.cover(tokens[b].span);
    let make = |id: String, kind, a, b, adjective| Mention {
        id,
        kind,
        span: span_of(a, b),
        adjective,
        first_token: a,
        last_token: b,
        title: None,
    };
    // A demonym or a country's possessive, then a government body: "Russian Defense Ministry".
    let country = index.adjectives.get(tokens[i].text).cloned().or_else(|| {
        let name = tokens[i].without_possessive();
        (tokens[i].is_possessive())
            .then(|| index.names.get(name))
            .flatten()
            .filter(|(_, kind)| *kind == EntityKind::Country)
            .map(|(id, _)| id.clone())
    });
    if let Some(country) = &country {
        if let Some((body, end)) = noun_at(index, tokens, i + 1, EntityKind::Body) {
            return Some(make(
                format!("{country}/{body}"),
                EntityKind::Organization,
                i,
                end,
                false,
            ));
        }
        // A demonym before a title and a name describes the person: "Russian Foreign Minister
        // Sergey Lavrov" is Lavrov.
        let mut j = i + 1;
        while tokens.get(j).is_some_and(|t| is_title(t.text)) {
            j += 1;
        }
        if j > i + 1 {
            if let Some(person) = name_chunk(names, tokens, j) {
                return Some(person);
            }
        }
    }
    // Lexicon names, longest first. A name of two words or more starts with this very token
    // (or with "The", which the lookup may drop); one word is tried whatever it is.
    let most = if tokens[i].text == "The" {
        index.longest_name
    } else {
        index.name_starts.get(tokens[i].text).copied().unwrap_or(1)
    };
    for len in (1..=most.min(index.longest_name).min(tokens.len() - i)).rev() {
        let window = &tokens[i..i + len];
        if !window[0].is_capitalized() && !window[0].text.starts_with(|c: char| c.is_ascii_digit())
        {
            break;
        }
        let key = joined(window, true);
        let found = index
            .names
            .get(&key)
            .or_else(|| key.strip_prefix("The ").and_then(|k| index.names.get(k)));
        if let Some((id, kind)) = found {
            // A place's name that a longer name goes on from is part of that name: "Kansas
            // City Chiefs", "Ohio State", "Texas Rangers".
            let continued = || {
                !window[len - 1].is_possessive()
                    && tokens.get(i + len).is_some_and(|t| {
                        is_name_word(t) && !is_not_name(t.text) && !index.names.contains_key(t.text)
                    })
            };
            if *kind == EntityKind::Place && continued() {
                break;
            }
            // "Russian" in "Russian Foreign Minister Sergey Lavrov" describes the person.
            return Some(make(id.clone(), *kind, i, i + len - 1, false));
        }
    }
    if let Some(country) = country {
        return Some(make(country, EntityKind::Country, i, i, true));
    }
    // Common nouns of the lexicon: "hotline", "communications line".
    if let Some((id, end)) = noun_at(index, tokens, i, EntityKind::Thing) {
        return Some(make(id, EntityKind::Thing, i, end, false));
    }
    name_chunk(names, tokens, i)
}

/// A lexicon noun of `kind` starting at token `i`: its id and last token.
fn noun_at(
    index: &EntityIndex,
    tokens: &[Token<'_>],
    i: usize,
    kind: EntityKind,
) -> Option<(String, usize)> {
    let first = tokens.get(i)?;
    let most = *index
        .noun_starts
        .get(lowercase(first.without_possessive()).as_ref())?;
    for len in (1..=most.min(tokens.len() - i)).rev() {
        let key = joined(&tokens[i..i + len], true).to_lowercase();
        if let Some((id, k)) = index.nouns.get(&key) {
            if *k == kind {
                return Some((id.clone(), i + len - 1));
            }
        }
    }
    None
}

/// Titles written abbreviated, whose period the tokenizer splits off ("Gov" "." "John").
const ABBREVIATED_TITLES: &[&str] = &[
    "Gen", "Sen", "Rep", "Gov", "Sgt", "Col", "Lt", "Capt", "Adm", "Dr", "Mr", "Mrs", "Ms",
];

/// Whether token `k` is an abbreviated title followed by its period.
fn is_abbreviated_title(tokens: &[Token<'_>], k: usize) -> bool {
    tokens.get(k + 1).is_some_and(|t| t.text == ".") && ABBREVIATED_TITLES.contains(&tokens[k].text)
}

/// A capitalized chunk read as a name, with leading titles folded away.
fn name_chunk(names: &DocumentNames, tokens: &[Token<'_>], i: usize) -> Option<Mention> {
    if i < tokens.len() && is_abbreviated_title(tokens, i) {
        // "Gov. John Smith": the name after the title, the title kept as its attribute.
        let mut person = name_chunk(names, tokens, i + 2)?;
        person.first_token = i;
        return Some(person);
    }
    if i >= tokens.len() || !is_name_word(&tokens[i]) || is_not_name(tokens[i].text) {
        return None;
    }
    let mut end = i;
    let name_word_at = |k: usize| tokens.get(k).is_some_and(is_name_word);
    // A weekday, a holiday, or a month before its day, ends a name: "Microsoft Wednesday took",
    // "Obama March 3 signed" (wire style puts the date right after the subject), "the Acme
    // Christmas party".
    let date_at = |k: usize| {
        tokens.get(k).is_some_and(|t| {
            closed::WEEKDAYS.contains(&t.text)
                || closed::HOLIDAYS.contains(&t.text)
                || (closed::MONTHS.contains(&t.text)
                    && tokens
                        .get(k + 1)
                        .is_some_and(|n| n.text.starts_with(|c: char| c.is_ascii_digit())))
        })
    };
    loop {
        if name_word_at(end + 1) && !tokens[end].is_possessive() && !date_at(end + 1) {
            end += 1;
        } else if is_initial(tokens[end].text)
            && tokens.get(end + 1).is_some_and(|t| t.text == ".")
            && name_word_at(end + 2)
            && !is_not_name(tokens[end + 2].text)
        {
            // A middle initial goes on with the name: "George W. Bush", "J. R. Smith".
            end += 2;
        } else {
            break;
        }
    }
    let mut start = i;
    // Titles fold away, and so do modifiers of a title that a title word follows ("Treasury
    // Secretary Janet Yellen"); a modifier alone starts a name ("Health Canada").
    let foldable = |k: usize| {
        TITLES.contains(tokens[k].text)
            || (is_title_modifier(tokens[k].text)
                && tokens[k + 1..end]
                    .iter()
                    .take_while(|t| is_title(t.text) || is_title_modifier(t.text))
                    .any(|t| is_title_head(t.text)))
    };
    while start < end && foldable(start) {
        start += 1;
    }
    if start == end && TITLES.contains(tokens[start].text) {
        return None;
    }
    let drop_initials = tokens[start..=end]
        .iter()
        .filter(|t| t.text != "." && !is_initial(t.text))
        .count()
        >= 2;
    let words: Vec<&str> = tokens[start..=end]
        .iter()
        .enumerate()
        // Initials are left out of the id when two words of the name remain: "Brian G.
        // Nichols" and "W. Mark Felt" are the "Brian Nichols" and "Mark Felt" of other
        // outlets; "J. R. Smith" keeps them.
        .filter(|&(_, t)| t.text != "." && !(drop_initials && is_initial(t.text)))
        .map(|(k, t)| {
            if start + k == end {
                t.without_possessive()
            } else {
                t.text
            }
        })
        .collect();
    // "SeaMicro Inc." is the "SeaMicro" of other outlets: the suffix is no part of the id.
    let words = match words.split_last() {
        Some((last, rest))
            if !rest.is_empty() && crate::lexicon::closed::is_company_suffix(last) =>
        {
            rest.to_vec()
        }
        _ => words,
    };
    if words.len() == 1
        && (is_not_name(words[0])
            || crate::grammar::number::parse_cardinal(&words[0].to_lowercase()).is_some())
    {
        // A lone capitalized number word starts a sentence ("Six people died"); it names no one.
        return None;
    }
    if words.iter().all(|w| is_not_name(w)) {
        return None;
    }
    let span = tokens[start].span.cover(tokens[end].span);
    let (id, kind) = if words.len() == 1 {
        let surname = slug(&words);
        match names.by_surname.get(&surname) {
            Some(Some(full)) => (full.clone(), EntityKind::Person),
            _ => (surname, EntityKind::Person),
        }
    } else {
        (slug(&words), EntityKind::Person)
    };
    Some(Mention {
        id,
        kind,
        span,
        adjective: false,
        first_token: i,
        last_token: end,
        title: title_before(tokens, start),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grammar::token::tokenize;

    fn ids(text: &str) -> Vec<String> {
        let lexicon = Lexicon::load(&crate::rulefiles::builtin()).unwrap();
        let index = EntityIndex::new(&lexicon);
        let tokens = tokenize(text, 0);
        let mut names = DocumentNames::default();
        names.collect(&index, &tokens);
        mentions(&index, &names, &tokens)
            .into_iter()
            .map(|m| m.id)
            .collect()
    }

    #[test]
    fn an_event_noun_in_capitals_after_an_opening_article_is_no_name() {
        assert_eq!(ids("A FIRE has damaged the Waitrose store."), ["waitrose"]);
        assert_eq!(
            ids("AN EARTHQUAKE killed six people."),
            Vec::<String>::new()
        );
        // A name in capitals stays a name, and so does a capitalized word that is no event.
        assert_eq!(ids("THE BBC reported a fire."), ["the-bbc"]);
        assert_eq!(ids("A Fire Brigade officer said."), ["fire-brigade"]);
    }

    #[test]
    fn a_middle_initial_goes_on_with_the_name() {
        assert_eq!(ids("George W. Bush signed it"), ["george-bush"]);
        assert_eq!(
            ids("Frederick C. LaRue, an aide, died"),
            ["frederick-larue"]
        );
        assert_eq!(ids("W. Mark Felt, an official, died"), ["mark-felt"]);
        assert_eq!(ids("J. R. Smith scored"), ["j-r-smith"]);
    }

    #[test]
    fn an_age_opening_a_sentence_is_no_part_of_the_name() {
        assert_eq!(ids("Forty-year-old Ann Rivers was charged"), ["ann-rivers"]);
        assert_eq!(ids("33-Year-Old Ann Rivers was charged"), ["ann-rivers"]);
    }

    #[test]
    fn a_company_suffix_is_no_part_of_the_id() {
        assert_eq!(ids("Acme Widgets Inc. said"), ["acme-widgets"]);
        assert_eq!(ids("Zentro Corp. fell"), ["zentro"]);
        assert_eq!(ids("Zentro Holdings Ltd fell"), ["zentro-holdings"]);
    }

    #[test]
    fn a_state_inside_a_longer_name_is_part_of_it() {
        assert_eq!(ids("Sunnyvale, Calif., said"), ["sunnyvale", "california"]);
        assert_eq!(ids("the Kansas City Chiefs won"), ["kansas-city-chiefs"]);
        assert_eq!(ids("Ohio State won in Ohio"), ["ohio-state", "ohio"]);
    }

    #[test]
    fn a_holiday_is_no_name_and_ends_one() {
        assert_eq!(ids("at the Acme Widgets Christmas party"), ["acme-widgets"]);
        assert!(ids("at an office Christmas party").is_empty());
    }

    #[test]
    fn a_date_after_a_name_ends_it() {
        // Wire style puts the day right after the subject: the name stops before it.
        assert_eq!(ids("Jane Roe Wednesday took the step"), ["jane-roe"]);
        assert_eq!(ids("Jane Roe March 3 signed it"), ["jane-roe"]);
        // A month that is no date goes on with the name.
        assert_eq!(ids("Theresa May spoke"), ["theresa-may"]);
    }

    #[test]
    fn aliases_resolve_to_one_id() {
        assert_eq!(
            ids("The U.S. and the United States and US"),
            ["united-states"; 3]
        );
    }

    #[test]
    fn bodies_take_their_country() {
        assert_eq!(
            ids("a hotline with Russia’s ministry of defence"),
            ["hotline", "russia/defense-ministry"]
        );
        assert_eq!(
            ids("the Russian Defense Ministry said"),
            ["russia/defense-ministry"]
        );
        assert_eq!(
            ids("launched by Ukrainian air defense"),
            ["ukraine/air-defense"]
        );
        assert_eq!(
            ids("The Pentagon had created"),
            ["united-states/defense-ministry"]
        );
    }

    #[test]
    fn titles_fold_and_surnames_resolve() {
        assert_eq!(
            ids("Biden spoke to US President Joe Biden and his Russian counterpart Vladimir Putin"),
            ["joe-biden", "joe-biden", "vladimir-putin"]
        );
        assert_eq!(ids("Secretary of State Antony Blinken"), ["antony-blinken"]);
    }

    /// The ids of each sentence's mentions after article-level resolution, as `analyze` does it.
    fn article_ids(sentences: &[&str]) -> Vec<Vec<String>> {
        let lexicon = Lexicon::load(&crate::rulefiles::builtin()).unwrap();
        let index = EntityIndex::new(&lexicon);
        let tokens: Vec<_> = sentences.iter().map(|s| tokenize(s, 0)).collect();
        article_mentions(&index, &tokens)
            .into_iter()
            .map(|found| found.into_iter().map(|m| m.id).collect())
            .collect()
    }

    #[test]
    fn a_word_the_article_writes_in_lower_case_opens_a_sentence_as_no_name() {
        assert_eq!(
            article_ids(&[
                "Anyone with information should call.",
                "Officers asked anyone who saw it to call.",
                "Rivers said the officers left.",
            ]),
            [vec![], vec![], vec!["rivers".to_string()]]
        );
    }

    #[test]
    fn a_participle_opening_a_sentence_names_no_one() {
        assert_eq!(
            article_ids(&[
                "Born in 1961 in Tulsa, Dana Whitcombe trained as a nurse.",
                "Injured people were taken to two hospitals.",
                "Posted on March 3, 2014",
                "\"Speaking to reporters, the mayor said the road was closed.",
                "Given the risk, the school closed.",
            ]),
            [
                vec!["tulsa", "dana-whitcombe"],
                vec![],
                vec![],
                vec![],
                vec![]
            ]
        );
        // A surname the article gives in full stays a name wherever it stands.
        assert_eq!(
            article_ids(&["Rob Golding led the team.", "Golding threw two passes."]),
            [vec!["rob-golding"], vec!["rob-golding"]]
        );
        // A participle-like name not opening its sentence is untouched.
        assert_eq!(
            article_ids(&["Police said Golding fled."]),
            [vec!["golding"]]
        );
    }

    fn title_of(text: &str) -> Option<String> {
        let lexicon = Lexicon::load(&crate::rulefiles::builtin()).unwrap();
        let index = EntityIndex::new(&lexicon);
        let tokens = tokenize(text, 0);
        mentions(&index, &DocumentNames::default(), &tokens)
            .into_iter()
            .find(|m| m.kind == EntityKind::Person)
            .and_then(|m| m.title)
    }

    #[test]
    fn titles_are_kept_as_attributes() {
        assert_eq!(
            title_of("U.S. Defense Secretary Lloyd Austin said").as_deref(),
            Some("defense secretary")
        );
        assert_eq!(
            title_of("Secretary of State Antony Blinken").as_deref(),
            Some("secretary of state")
        );
        assert_eq!(
            title_of("the actress Lindsay Lohan").as_deref(),
            Some("actress")
        );
        assert_eq!(
            title_of("Russian Foreign Minister Sergey Lavrov").as_deref(),
            Some("foreign minister")
        );
        assert_eq!(title_of("Gov. John Smith").as_deref(), Some("governor"));
        assert_eq!(title_of("Mr. John Smith"), None);
        assert_eq!(ids("Treasury Secretary Janet Yellen"), ["janet-yellen"]);
    }

    #[test]
    fn title_phrase_and_surname_resolve_to_the_one_titled_person() {
        let found = article_ids(&[
            "U.S. Defense Secretary Lloyd Austin arrived in Kyiv on Monday.",
            "The secretary met soldiers.",
            "Austin said the defense secretary would return.",
        ]);
        // "U.S." before the title describes the person.
        assert_eq!(found[0], ["lloyd-austin", "ukraine"]);
        assert_eq!(found[1], ["lloyd-austin"]);
        assert_eq!(found[2], ["lloyd-austin", "lloyd-austin"]);
    }

    #[test]
    fn two_secretaries_leave_the_title_phrase_unresolved() {
        let found = article_ids(&[
            "Defense Secretary Lloyd Austin and Secretary of State Antony Blinken arrived.",
            "The secretary spoke first.",
            "The defense secretary spoke next.",
        ]);
        assert_eq!(found[0], ["lloyd-austin", "antony-blinken"]);
        assert!(found[1].is_empty(), "{:?}", found[1]);
        // A modifier singles one of them out.
        assert_eq!(found[2], ["lloyd-austin"]);
    }

    #[test]
    fn title_phrase_needs_an_earlier_person_and_respects_ranks() {
        let found = article_ids(&[
            "The president spoke.",
            "Vice President Kamala Harris listened.",
            "The president left.",
            "The vice president stayed.",
        ]);
        assert!(found[0].is_empty(), "{:?}", found[0]);
        assert!(found[2].is_empty(), "{:?}", found[2]);
        assert_eq!(found[3], ["kamala-harris"]);
    }

    #[test]
    fn apposed_title_phrase_is_the_person() {
        let found = article_ids(&[
            "Lindsay Lohan, the actress, was arrested.",
            "The actress was released.",
        ]);
        assert_eq!(found[0], ["lindsay-lohan", "lindsay-lohan"]);
        assert_eq!(found[1], ["lindsay-lohan"]);
    }

    #[test]
    fn shared_surname_stays_unresolved() {
        let found = article_ids(&["John Smith met Jane Smith.", "Smith left."]);
        assert_eq!(found[1], ["smith"]);
    }

    #[test]
    fn a_surname_resolves_to_one_name_written_two_ways() {
        let found = article_ids(&["Frederick C. LaRue and Fred LaRue.", "LaRue left."]);
        assert_eq!(found[1], ["frederick-larue"]);
        let found = article_ids(&[
            "Frederick C. LaRue has died.",
            "His father, Ike Parsons LaRue, was a banker.",
            "LaRue left.",
        ]);
        assert_eq!(found[2], ["larue"]);
    }

    #[test]
    fn number_words_starting_a_sentence_name_no_one() {
        assert!(ids("Six people died. Twelve were hurt.").is_empty());
        assert_eq!(ids("Four Seasons said so."), ["four-seasons"]);
    }

    #[test]
    fn demonyms_mark_origin() {
        assert_eq!(
            ids("A Russian missile struck Poland"),
            ["russia", "missile", "poland"]
        );
    }
}
