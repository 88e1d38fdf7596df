//! Boilerplate removal: whole lines that are not article text.
//!
//! Scraped news carries promo lines ("CLICK HERE TO READ MORE FROM ..."), inserted headlines in
//! capitals, caption credits ("Image: AP") and social prompts. Left in, they become false claims
//! ("Image: AP" is not the outlet) and false sentence boundaries. The patterns live in data,
//! `rules/lexicon/boilerplate.toml`, so an editor can add one without touching code; each has a
//! name, which is reported with every removed line so a removal can be audited.
//!
//! Removal never edits the text: [`Boilerplate::find`] returns the spans to skip, and later
//! steps keep using byte offsets into the original.

use regex::{Regex, RegexBuilder, RegexSet, RegexSetBuilder};
use serde::Deserialize;
use toml::Spanned;

use super::span::Span;

/// The built-in lexicon, `rules/lexicon/boilerplate.toml`.
pub const BUILTIN: &str = include_str!("../../rules/lexicon/boilerplate.toml");

/// A problem with a boilerplate lexicon file.
#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    /// The file is not valid TOML or has an unknown or missing key.
    #[error("{origin}:{line}: {message}")]
    Toml {
        /// The file name.
        origin: String,
        /// 1-based line.
        line: usize,
        /// What was wrong, from the TOML parser.
        message: String,
    },
    /// A pattern that does not compile.
    #[error("{origin}:{line}: pattern {name:?}: invalid regex: {source}")]
    Regex {
        /// The file name.
        origin: String,
        /// 1-based line of the `regex` value.
        line: usize,
        /// The pattern's name.
        name: String,
        /// The regex error.
        source: Box<regex::Error>,
    },
    /// Two patterns with the same name.
    #[error("{origin}:{line}: duplicate pattern name {name:?}")]
    Duplicate {
        /// The file name.
        origin: String,
        /// 1-based line of the second name.
        line: usize,
        /// The repeated name.
        name: String,
    },
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    pattern: Vec<RawPattern>,
}

/// The lazy DFA's cache for each pattern (the regex crate's default is 2 MiB). Patterns with
/// Unicode classes under `(?i)` ("follow us on ...") outgrow the default on ordinary lines, and
/// the DFA then gives way to an engine that clears a table the size of the line times the
/// pattern for every line: 30 times slower. The cache grows only as far as a pattern needs.
const LAZY_DFA_CACHE_BYTES: usize = 16 << 20;

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawPattern {
    name: Spanned<String>,
    description: String,
    regex: Spanned<String>,
}

/// One named pattern.
#[derive(Clone, Debug)]
pub struct Pattern {
    /// Kebab-case name, reported with each removal.
    pub name: String,
    /// What kind of line it matches.
    pub description: String,
    /// The compiled regex, matched against a line without its line break.
    pub regex: Regex,
}

/// A line found to be boilerplate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Removed {
    /// The whole line, without its line break.
    pub span: Span,
    /// The name of the first pattern that matched.
    pub pattern: String,
}

/// A compiled set of boilerplate patterns.
#[derive(Clone, Debug)]
pub struct Boilerplate {
    patterns: Vec<Pattern>,
    /// The patterns together: one search a line, not one a pattern. A line is short, and the
    /// cost of a search is mostly that of starting one.
    set: RegexSet,
}

fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

impl Boilerplate {
    /// Parses a lexicon. `origin` names the file in error messages.
    pub fn from_toml(src: &str, origin: &str) -> Result<Boilerplate, LexiconError> {
        let raw: RawFile = toml::from_str(src).map_err(|e| LexiconError::Toml {
            origin: origin.to_string(),
            line: line_of(src, e.span().map_or(0, |s| s.start)),
            message: e.message().trim_end().to_string(),
        })?;
        let mut patterns: Vec<Pattern> = Vec::with_capacity(raw.pattern.len());
        for p in raw.pattern {
            if patterns.iter().any(|q| q.name == *p.name.get_ref()) {
                return Err(LexiconError::Duplicate {
                    origin: origin.to_string(),
                    line: line_of(src, p.name.span().start),
                    name: p.name.into_inner(),
                });
            }
            let regex = RegexBuilder::new(p.regex.get_ref())
                .dfa_size_limit(LAZY_DFA_CACHE_BYTES)
                .build()
                .map_err(|e| LexiconError::Regex {
                    origin: origin.to_string(),
                    line: line_of(src, p.regex.span().start),
                    name: p.name.get_ref().clone(),
                    source: Box::new(e),
                })?;
            patterns.push(Pattern {
                name: p.name.into_inner(),
                description: p.description,
                regex,
            });
        }
        let set = RegexSetBuilder::new(patterns.iter().map(|p| p.regex.as_str()))
            .dfa_size_limit(LAZY_DFA_CACHE_BYTES * patterns.len().max(1))
            .build()
            .map_err(|e| LexiconError::Toml {
                origin: origin.to_string(),
                line: 1,
                message: format!("the patterns do not compile together: {e}"),
            })?;
        Ok(Boilerplate { patterns, set })
    }

    /// The built-in lexicon.
    pub fn builtin() -> Boilerplate {
        // The built-in file is tested (`builtin_lexicon_compiles`), so failing here is a bug.
        Boilerplate::from_toml(BUILTIN, "rules/lexicon/boilerplate.toml")
            .expect("built-in boilerplate lexicon is valid")
    }

    /// The patterns, in file order.
    pub fn patterns(&self) -> &[Pattern] {
        &self.patterns
    }

    /// The lines of `text` to drop, in text order. Each span covers a whole line without its
    /// line break (and without a trailing `\r`).
    pub fn find(&self, text: &str) -> Vec<Removed> {
        let mut removed = Vec::new();
        let mut start = 0;
        for line in text.split_inclusive('\n') {
            let span_start = start;
            start += line.len();
            let content = line.strip_suffix('\n').unwrap_or(line);
            let content = content.strip_suffix('\r').unwrap_or(content);
            if content.trim().is_empty() {
                continue;
            }
            // The first pattern in file order that matches names the line.
            if let Some(pattern) = self
                .set
                .matches(content)
                .iter()
                .next()
                .map(|k| &self.patterns[k])
            {
                removed.push(Removed {
                    span: Span::new(span_start, span_start + content.len()),
                    pattern: pattern.name.clone(),
                });
            }
        }
        removed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    static BUILTIN_SET: std::sync::LazyLock<Boilerplate> =
        std::sync::LazyLock::new(Boilerplate::builtin);

    fn names(text: &str) -> Vec<(String, String)> {
        BUILTIN_SET
            .find(text)
            .into_iter()
            .map(|r| (r.span.slice(text).to_string(), r.pattern))
            .collect()
    }

    fn is_removed(line: &str) -> bool {
        !BUILTIN_SET.find(line).is_empty()
    }

    #[test]
    fn builtin_lexicon_compiles() {
        assert!(BUILTIN_SET.patterns().len() >= 8);
    }

    #[test]
    fn removes_general_promo_and_credit_lines() {
        for line in [
            "CLICK HERE TO READ MORE FROM THE DAILY PLANET",
            "Click here to get the app",
            "READ MORE: Senate passes the bill",
            "RELATED: What we know so far",
            "Sign up for our newsletter to get the latest news in your inbox.",
            "Follow us on Twitter",
            "Follow The Daily Planet on Facebook and Instagram",
            "Image: AP",
            "Photo: Reuters/Jane Doe",
            "Photos: Getty",
            "Firefighters at the scene on Tuesday. (AP Photo/Jane Doe)",
            "(Reuters/Jane Doe)",
            "A woman walks past a damaged building. Getty Images",
            "Advertisement",
            "Copyright 2022 The Associated Press. All rights reserved.",
            "© 2013 Cable News Network. Turner Broadcasting System, Inc. All Rights Reserved.",
            "WHO WILL PAY FOR THE NEW BRIDGE?",
            "U.S. SENATE PASSES SPENDING BILL",
            "\"THIS IS NOT OVER,\" MAYOR SAYS",
        ] {
            assert!(is_removed(line), "{line:?} should be removed");
        }
    }

    #[test]
    fn keeps_content_lines() {
        for line in [
            "Biden and Putin have not spoken for more than 24 days now",
            "Officials said the photo: it was taken in March.",
            "The U.S. and NATO said the strike was an accident.",
            "NATO SAID THE STRIKE WAS AN ACCIDENT.",
            "NATO",
            "BREAKING NEWS",
            "Image quality improved, officials said.",
            "He said he would follow the rules on Twitter and elsewhere.",
            "Readers who click here and there will find nothing.",
            "The ministry confirmed the strike on Tuesday. (Reuters)",
            "Read more about the plan in the report released on Monday, officials said.",
            "The label said all rights reserved by the artist would pass to her estate.",
            "“Follow us on Twitter,” the mayor told residents on Tuesday.",
        ] {
            assert!(!is_removed(line), "{line:?} should be kept");
        }
    }

    #[test]
    fn spans_cover_whole_lines_without_breaks() {
        let text = "First line.\r\nImage: AP\r\nLast.";
        assert_eq!(
            names(text),
            [("Image: AP".to_string(), "caption-credit".to_string())]
        );
    }

    #[test]
    fn errors_carry_lines() {
        let bad = "[[pattern]]\nname = \"x\"\ndescription = \"d\"\nregex = \"(\"\n";
        let e = Boilerplate::from_toml(bad, "b.toml")
            .unwrap_err()
            .to_string();
        assert!(
            e.starts_with("b.toml:4: pattern \"x\": invalid regex"),
            "{e}"
        );
        let unknown = "[[pattern]]\nname = \"x\"\ndescription = \"d\"\nregex = \"a\"\nflags = 1\n";
        let e = Boilerplate::from_toml(unknown, "b.toml")
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("b.toml:5: unknown field `flags`"), "{e}");
        let dup = "[[pattern]]\nname = \"x\"\ndescription = \"d\"\nregex = \"a\"\n[[pattern]]\nname = \"x\"\ndescription = \"d\"\nregex = \"b\"\n";
        let e = Boilerplate::from_toml(dup, "b.toml")
            .unwrap_err()
            .to_string();
        assert_eq!(e, "b.toml:6: duplicate pattern name \"x\"");
    }
}
