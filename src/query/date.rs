//! Dates as articles and claims print them ("2017-06-27T19:05:31+00:00",
//! "June 27, 2017", "27 June 2017", "March 2019", "April 4") read as the
//! span of days they name, so that `date:2017-05..2017-06` can ask whether
//! they fall in a range. A date without a year takes the article's.

use regex::Regex;
use std::sync::LazyLock;

/// A day as `(year, month, day)`; comparisons are lexicographic. A bound
/// may say day 31 of any month: only the order matters.
pub type Day = (i32, u8, u8);

/// The first and last day a printed date can mean.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub first: Day,
    pub last: Day,
}

impl Span {
    pub fn overlaps(&self, from: Option<Day>, to: Option<Day>) -> bool {
        from.is_none_or(|f| self.last >= f) && to.is_none_or(|t| self.first <= t)
    }
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` as a span of days (a query's bound).
pub fn iso(s: &str) -> Option<Span> {
    static ISO: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$").unwrap());
    let c = ISO.captures(s.trim())?;
    let y: i32 = c[1].parse().ok()?;
    let m: Option<u8> = c.get(2).and_then(|m| m.as_str().parse().ok());
    let d: Option<u8> = c.get(3).and_then(|d| d.as_str().parse().ok());
    span(y, m, d)
}

fn span(y: i32, m: Option<u8>, d: Option<u8>) -> Option<Span> {
    match (m, d) {
        (None, _) => Some(Span {
            first: (y, 1, 1),
            last: (y, 12, 31),
        }),
        (Some(m), None) if (1..=12).contains(&m) => Some(Span {
            first: (y, m, 1),
            last: (y, m, 31),
        }),
        (Some(m), Some(d)) if (1..=12).contains(&m) && (1..=31).contains(&d) => Some(Span {
            first: (y, m, d),
            last: (y, m, d),
        }),
        _ => None,
    }
}

fn month(name: &str) -> Option<u8> {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let n = name.trim_end_matches('.').to_ascii_lowercase();
    if n.len() < 3 {
        return None;
    }
    let i = MONTHS.iter().position(|m| n.starts_with(m))?;
    // "Sept" and full names are fine; "marching" is not a month.
    let full = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ][i];
    (full.starts_with(&n) || n == "sept").then_some(i as u8 + 1)
}

/// A printed date (ISO, "June 27, 2017", "27 June 2017", "March 2019",
/// "April 4") as a span of days; `year` fills in a date that has none.
/// Weekday names and anything else unreadable give `None`.
pub fn printed(s: &str, year: Option<i32>) -> Option<Span> {
    static ISO_PREFIX: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^(\d{4})-(\d{2})(?:-(\d{2}))?").unwrap());
    static MDY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^([A-Za-z]+\.?)\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?\b").unwrap()
    });
    static DMY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+\.?)(?:,?\s+(\d{4}))?\b").unwrap()
    });
    static MY: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^([A-Za-z]+\.?),?\s+(\d{4})\b").unwrap());
    let s = s.trim();
    if let Some(c) = ISO_PREFIX.captures(s) {
        return span(
            c[1].parse().ok()?,
            c[2].parse().ok(),
            c.get(3).and_then(|d| d.as_str().parse().ok()),
        );
    }
    if let Some(c) = MY.captures(s) {
        if let Some(m) = month(&c[1]) {
            return span(c[2].parse().ok()?, Some(m), None);
        }
    }
    let (m, d, y) = if let Some(c) = MDY.captures(s) {
        (month(&c[1]), c[2].parse().ok(), c.get(3))
    } else if let Some(c) = DMY.captures(s) {
        (month(&c[2]), c[1].parse().ok(), c.get(3))
    } else {
        return None;
    };
    let y = match y {
        Some(y) => y.as_str().parse().ok()?,
        None => year?,
    };
    span(y, Some(m?), d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn printed_dates_read_as_spans() {
        let day = |y, m, d| {
            Some(Span {
                first: (y, m, d),
                last: (y, m, d),
            })
        };
        assert_eq!(printed("2017-06-27T19:05:31+00:00", None), day(2017, 6, 27));
        assert_eq!(printed("June 27, 2017", None), day(2017, 6, 27));
        assert_eq!(printed("Jan. 31, 2017", None), day(2017, 1, 31));
        assert_eq!(printed("27 June 2017", None), day(2017, 6, 27));
        assert_eq!(printed("April 4", Some(2019)), day(2019, 4, 4));
        assert_eq!(printed("April 4", None), None, "no year to take");
        assert_eq!(
            printed("March 2019", None),
            Some(Span {
                first: (2019, 3, 1),
                last: (2019, 3, 31)
            })
        );
        assert_eq!(printed("Tuesday", Some(2019)), None);
        assert_eq!(printed("Marching 4", Some(2019)), None);
    }

    #[test]
    fn query_bounds_and_overlap() {
        let may = iso("2017-05").unwrap();
        assert_eq!(may.first, (2017, 5, 1));
        assert!(iso("2017-13").is_none() && iso("17-05").is_none());
        let june = iso("2017-06").unwrap();
        let d = printed("June 27, 2017", None).unwrap();
        assert!(d.overlaps(Some(may.first), Some(june.last)));
        assert!(!d.overlaps(Some(may.first), Some(may.last)));
        assert!(d.overlaps(Some(may.first), None), "open end");
        assert!(!d.overlaps(None, Some(may.last)));
    }
}
