//! Words and dates as a resident reads them: "Friday 6 February 2027".

use chrono::{Datelike, NaiveDate};

use crate::i18n::{n_, t, tf, tn};

/// Month names as used inside a date ("6 February"): a language that
/// changes a month's name there gives that form (Polish "6 lutego").
const MONTHS: [&str; 12] = [
    n_("January"),
    n_("February"),
    n_("March"),
    n_("April"),
    n_("May"),
    n_("June"),
    n_("July"),
    n_("August"),
    n_("September"),
    n_("October"),
    n_("November"),
    n_("December"),
];

/// Monday first, as chrono counts them.
const WEEKDAYS: [&str; 7] = [
    n_("Monday"),
    n_("Tuesday"),
    n_("Wednesday"),
    n_("Thursday"),
    n_("Friday"),
    n_("Saturday"),
    n_("Sunday"),
];

/// The month of `d`, as named inside a date ("February"; Polish "lutego").
pub fn month(d: NaiveDate) -> &'static str {
    t(MONTHS[d.month0() as usize])
}

fn weekday(d: NaiveDate) -> &'static str {
    t(WEEKDAYS[d.weekday().num_days_from_monday() as usize])
}

/// "6 February 2027" (GOV.UK style: no leading zero, no ordinal).
pub fn date(d: NaiveDate) -> String {
    tf(
        "{day} {month} {year}",
        &[("day", &d.day()), ("month", &month(d)), ("year", &d.year())],
    )
}

/// "Friday 6 February 2027".
pub fn date_with_weekday(d: NaiveDate) -> String {
    tf(
        "{weekday} {day} {month} {year}",
        &[
            ("weekday", &weekday(d)),
            ("day", &d.day()),
            ("month", &month(d)),
            ("year", &d.year()),
        ],
    )
}

/// "6 February" when in the same year as `today`, otherwise "6 February 2027".
pub fn short_date(d: NaiveDate, today: NaiveDate) -> String {
    if d.year() == today.year() {
        tf("{day} {month}", &[("day", &d.day()), ("month", &month(d))])
    } else {
        date(d)
    }
}

/// "1 working day" / "3 working days".
pub fn working_days(n: u32) -> String {
    tn(
        "{count} working day",
        "{count} working days",
        u64::from(n),
        &[],
    )
}

/// A reference ("CMP-2026-00002") in the parts a line may end after: each
/// hyphen stays with what comes before it. (A hyphen before a digit is no
/// place to break a line by itself, so a reference too long for its line
/// would otherwise be cut anywhere, "CMP-20/26-00002".)
pub fn reference_parts(reference: &str) -> Vec<&str> {
    reference.split_inclusive('-').collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn a_date_reads_with_its_weekday_and_no_leading_zero() {
        assert_eq!(
            date_with_weekday(d("2027-02-06")),
            "Saturday 6 February 2027"
        );
        assert_eq!(date_with_weekday(d("2027-02-05")), "Friday 5 February 2027");
    }

    #[test]
    fn a_date_this_year_drops_the_year() {
        assert_eq!(short_date(d("2026-12-24"), d("2026-11-23")), "24 December");
        assert_eq!(
            short_date(d("2027-01-06"), d("2026-11-23")),
            "6 January 2027"
        );
    }

    #[test]
    fn one_working_day_is_singular() {
        assert_eq!(working_days(1), "1 working day");
        assert_eq!(working_days(0), "0 working days");
        assert_eq!(working_days(10), "10 working days");
    }

    #[test]
    fn a_reference_may_end_a_line_only_after_a_hyphen() {
        assert_eq!(
            reference_parts("CMP-2026-00002"),
            vec!["CMP-", "2026-", "00002"]
        );
        assert_eq!(reference_parts("CMP-2026-00002").concat(), "CMP-2026-00002");
        assert_eq!(reference_parts("ABC123"), vec!["ABC123"]);
    }
}
