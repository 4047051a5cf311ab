//! Words and dates as a resident reads them: "Friday 6 February 2027".

use chrono::{Datelike, NaiveDate, Weekday};

const MONTHS: [&str; 12] = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
];

fn weekday(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    }
}

/// "6 February 2027" (GOV.UK style: no leading zero, no ordinal).
pub fn date(d: NaiveDate) -> String {
    format!("{} {} {}", d.day(), MONTHS[d.month0() as usize], d.year())
}

/// "Friday 6 February 2027".
pub fn date_with_weekday(d: NaiveDate) -> String {
    format!("{} {}", weekday(d.weekday()), date(d))
}

/// "6 February" when in the same year as `today`, otherwise "6 February 2027".
pub fn short_date(d: NaiveDate, today: NaiveDate) -> String {
    if d.year() == today.year() {
        format!("{} {}", d.day(), MONTHS[d.month0() as usize])
    } else {
        date(d)
    }
}

/// "1 working day" / "3 working days".
pub fn working_days(n: u32) -> String {
    if n == 1 {
        "1 working day".to_owned()
    } else {
        format!("{n} working days")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn a_date_reads_with_its_weekday_and_no_leading_zero() {
        assert_eq!(date_with_weekday(d("2027-02-06")), "Saturday 6 February 2027");
        assert_eq!(date_with_weekday(d("2027-02-05")), "Friday 5 February 2027");
    }

    #[test]
    fn a_date_this_year_drops_the_year() {
        assert_eq!(short_date(d("2026-12-24"), d("2026-11-23")), "24 December");
        assert_eq!(short_date(d("2027-01-06"), d("2026-11-23")), "6 January 2027");
    }

    #[test]
    fn one_working_day_is_singular() {
        assert_eq!(working_days(1), "1 working day");
        assert_eq!(working_days(0), "0 working days");
        assert_eq!(working_days(10), "10 working days");
    }
}
