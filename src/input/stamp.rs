//! A title that is only a date stamp ("Updated: November 11, 2011 20:09 IST", "16 September
//! 2013 Last updated at 12:42 GMT") gives its article's publication date.
//!
//! Scraped pages and converted corpora often carry the outlet's time stamp where a headline
//! would be. An article with no `published` date but such a title is dated by it, so that its
//! weekdays and "yesterday"s resolve to days and the rules that compare ages, magnitudes and
//! story years can use it. A headline that merely mentions a date ("Obama signs bill on March
//! 3, 2009") is no stamp: every word outside the date and its clock time must be one of the
//! few words stamps are written with.

use crate::temporal::{self, PartialDate, TimexType};

/// Words a date stamp is written with besides its date and time.
const STAMP_WORDS: &[&str] = &[
    "updated",
    "last",
    "posted",
    "published",
    "at",
    "on",
    "article",
    "date",
    "am",
    "pm",
];

/// The day a title that is only a date stamp gives, or `None` when the title is anything else
/// or states no whole day.
pub(crate) fn stamp_date(title: &str) -> Option<PartialDate> {
    let times = temporal::tag(title, None);
    let date = times.iter().find(|t| t.kind == TimexType::Date)?;
    let day: PartialDate = date.value.parse().ok()?;
    day.day?;
    let in_time = |at: usize| times.iter().any(|t| t.span.start <= at && at < t.span.end);
    let rest: String = title
        .char_indices()
        .map(|(at, c)| if in_time(at) { ' ' } else { c })
        .collect();
    let only_stamp_words = rest
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .all(|w| STAMP_WORDS.contains(&w.to_lowercase().as_str()) || is_zone(w));
    only_stamp_words.then_some(day)
}

/// A time zone's abbreviation: two to four capitals ("GMT", "ET", "IST", "PDT").
fn is_zone(word: &str) -> bool {
    (2..=4).contains(&word.len()) && word.chars().all(|c| c.is_ascii_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_that_is_a_stamp_gives_its_day() {
        for (title, day) in [
            ("Updated: November 11, 2011 20:09 IST", (2011, 11, 11)),
            ("16 September 2013 Last updated at 12:42 GMT", (2013, 9, 16)),
            ("November 28th, 2005, 09:11 GMT", (2005, 11, 28)),
            ("Friday, June 7, 2013", (2013, 6, 7)),
            ("Posted at 3:21 PM ET, 01/5/2011", (2011, 1, 5)),
        ] {
            let (y, m, d) = day;
            assert_eq!(stamp_date(title), PartialDate::ymd(y, m, d), "{title}");
        }
    }

    #[test]
    fn a_headline_or_a_month_is_no_stamp() {
        assert_eq!(stamp_date("Obama signs bill on March 3, 2009"), None);
        assert_eq!(stamp_date("Actress Esther Williams Dies at 91"), None);
        assert_eq!(stamp_date("November 2011"), None);
        assert_eq!(stamp_date(""), None);
    }

    proptest::proptest! {
        #[test]
        fn any_title_is_read_without_panic(title in "\\PC{0,60}") {
            let _ = stamp_date(&title);
        }

        #[test]
        // Zones other than "AM…" and "PM…", which a clock time before them may read as its
        // half of the day ("1:05 AMA" is "1:05 AM" and a stray "A").
        fn a_stamp_keeps_its_day_whatever_its_zone(zone in "[B-OQ-Z][A-Z]{1,3}", hour in 0u32..24) {
            let title = format!("Updated: March 9, 2013 {hour}:05 {zone}");
            proptest::prop_assert_eq!(stamp_date(&title), PartialDate::ymd(2013, 3, 9));
        }
    }
}
