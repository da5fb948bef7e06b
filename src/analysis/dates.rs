//! Dates as articles and claims give them, placed on the calendar.
//! `Article.date` is ISO 8601 / RFC 3339 from feeds, HTML and JSON Lines,
//! or a date line scraped with the text ("June 27, 2017", "Jan. 31,
//! 2017"); `Claim.date` is what the sentence says ("Friday", "March 26",
//! "Nov. 11", "March 2019"), resolved against the article's date.

use chrono::{Datelike, Days, NaiveDate, Weekday};

/// Day-first and month-first forms, after `tidy` (no dots, "Sep").
const FULL: &[&str] = &[
    "%Y-%m-%d",
    "%B %d, %Y",
    "%B %d %Y",
    "%d %B %Y",
    "%b %d, %Y",
    "%b %d %Y",
    "%d %b %Y",
];

/// "Jan. 31,  2017" -> "Jan 31, 2017"; "Sept" -> "Sep" (chrono's `%b`).
fn tidy(s: &str) -> String {
    let s = s.trim().replace('.', "");
    let words: Vec<&str> = s.split_whitespace().collect();
    words
        .iter()
        .map(|w| {
            if w.eq_ignore_ascii_case("sept") {
                "Sep"
            } else {
                w
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The calendar day of an article's date, when it names one.
pub fn day(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    // RFC 3339 and ISO timestamps: the day as written (the reporter's local
    // day, not converted to UTC).
    if let Some(head) = s.get(..10) {
        if let Ok(d) = NaiveDate::parse_from_str(head, "%Y-%m-%d") {
            return Some(d);
        }
    }
    let t = tidy(s);
    FULL.iter()
        .find_map(|f| NaiveDate::parse_from_str(&t, f).ok())
        .filter(|d| (1900..=2200).contains(&d.year()))
}

/// The day a claim's own date means, given the day its article was
/// reported (`reported`): a full date as it is; "March 26" or "Nov. 11" in
/// the reported year (the year before when that would be more than a day
/// after the report); a weekday ("Friday") as the latest such day on or
/// before the report. `None` when it cannot be placed: no report day to
/// count from, a month without a day ("March 2019"), anything else.
pub fn resolve(claim_date: &str, reported: Option<NaiveDate>) -> Option<NaiveDate> {
    if let Some(d) = day(claim_date) {
        return Some(d);
    }
    let reported = reported?;
    let t = tidy(claim_date);
    if let Ok(w) = t.parse::<Weekday>() {
        let back = (7 + reported.weekday().num_days_from_monday() - w.num_days_from_monday()) % 7;
        return reported.checked_sub_days(Days::new(back.into()));
    }
    // A month and a day, either way round, and nothing else.
    let parts: Vec<&str> = t.split(' ').collect();
    let is_day = |w: &str| (1..=2).contains(&w.len()) && w.chars().all(|c| c.is_ascii_digit());
    let is_month = |w: &str| w.chars().all(|c| c.is_ascii_alphabetic());
    match parts.as_slice() {
        [m, d] | [d, m] if is_day(d) && is_month(m) => {}
        _ => return None,
    }
    for y in [reported.year(), reported.year() - 1] {
        let with_year = format!("{t} {y}");
        let found = ["%B %d %Y", "%b %d %Y", "%d %B %Y", "%d %b %Y"]
            .iter()
            .find_map(|f| NaiveDate::parse_from_str(&with_year, f).ok());
        match found {
            Some(d) if d <= reported + Days::new(1) => return Some(d),
            Some(_) => continue,
            None => return None,
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, dd).unwrap()
    }

    #[test]
    fn article_dates_in_the_forms_the_corpus_gives() {
        assert_eq!(day("2018-11-17T09:42:00+00:00"), Some(d(2018, 11, 17)));
        assert_eq!(day("2017-08-21T16:20:00+03:00"), Some(d(2017, 8, 21)));
        assert_eq!(day("2019-03-02"), Some(d(2019, 3, 2)));
        assert_eq!(day("June 27, 2017"), Some(d(2017, 6, 27)));
        assert_eq!(day("Jan. 31, 2017"), Some(d(2017, 1, 31)));
        assert_eq!(day("Sept. 3, 2018"), Some(d(2018, 9, 3)));
        assert_eq!(day("4 March 2018"), Some(d(2018, 3, 4)));
        assert_eq!(day("last spring"), None);
        assert_eq!(day(""), None);
    }

    #[test]
    fn claim_dates_resolve_against_the_report() {
        let friday_report = Some(d(2018, 11, 17)); // a Saturday
        assert_eq!(resolve("Friday", friday_report), Some(d(2018, 11, 16)));
        assert_eq!(resolve("Saturday", friday_report), Some(d(2018, 11, 17)));
        assert_eq!(resolve("Nov. 11", friday_report), Some(d(2018, 11, 11)));
        assert_eq!(
            resolve("March 26", Some(d(2017, 3, 28))),
            Some(d(2017, 3, 26))
        );
        // A day later in the year than the report: last year's.
        assert_eq!(
            resolve("December 30", Some(d(2019, 1, 2))),
            Some(d(2018, 12, 30))
        );
        assert_eq!(
            resolve("January 20", Some(d(2018, 3, 4))),
            Some(d(2018, 1, 20))
        );
        assert_eq!(resolve("March 2019", Some(d(2020, 12, 31))), None);
        assert_eq!(resolve("Friday", None), None);
        assert_eq!(resolve("June 27, 2017", None), Some(d(2017, 6, 27)));
    }
}
