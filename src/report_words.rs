//! The words and layout of the annual complaints report's pages
//! (`pages::annual_report_pages`): staff pages and the published report are
//! in English, as the landlord writes it. Pure, so tested natively.

use chrono::NaiveDate;
pub use domain::annual_report::{blocks, Block};
use domain::annual_report::{Comply, ReportSummary};
use domain::figures::{DateRange, Ratio};

/// A share as a percentage ("75%"), or "–" of nothing.
pub fn share(r: Ratio) -> String {
    r.percent()
        .map(|p| format!("{p}%"))
        .unwrap_or_else(|| "–".into())
}

/// "10 April 2026".
pub fn day(d: NaiveDate) -> String {
    d.format("%-d %B %Y").to_string()
}

/// "1 April 2025 to 31 March 2026".
pub fn range(r: &DateRange) -> String {
    format!("{} to {}", day(r.from), day(r.to))
}

/// "2025 to 2026", or "2025" for a financial year that is a calendar year.
pub fn range_years(r: &DateRange) -> String {
    use chrono::Datelike;
    let (from, to) = (r.from.year(), r.to.year());
    if from == to {
        from.to_string()
    } else {
        format!("{from} to {to}")
    }
}

/// The Ombudsman's form's answer.
pub fn comply(answer: Option<Comply>) -> &'static str {
    match answer {
        Some(Comply::Yes) => "Yes",
        Some(Comply::No) => "No",
        None => "Not answered",
    }
}

/// Where a report stands, for the list.
pub fn status(report: &ReportSummary) -> String {
    match report.published_on {
        None => "Draft, not published".to_owned(),
        Some(on) if report.changed_since_published => {
            format!("Published on {}; changed since", day(on))
        }
        Some(on) => format!("Published on {}", day(on)),
    }
}

/// The year a form's text names: a year from 2000 to 2100, written as
/// digits, the year the financial year begins.
pub fn parse_year(text: &str) -> Result<i32, &'static str> {
    let text = text.trim();
    let year = text
        .split(['/', '-', ' '])
        .next()
        .unwrap_or_default()
        .trim();
    match year.parse::<i32>() {
        Ok(y) if (2000..=2100).contains(&y) => Ok(y),
        _ if text.is_empty() => Err("Enter the year the financial year begins, for example 2025"),
        _ => Err("Enter the year as 4 digits, for example 2025"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_year_is_read_as_the_year_its_financial_year_begins() {
        assert_eq!(parse_year(" 2025 "), Ok(2025));
        assert_eq!(parse_year("2025/26"), Ok(2025));
        assert_eq!(parse_year("2025-2026"), Ok(2025));
        assert!(parse_year("")
            .unwrap_err()
            .starts_with("Enter the year the"));
        assert!(parse_year("25").unwrap_err().contains("4 digits"));
        assert!(parse_year("1999").is_err());
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        let calendar = DateRange {
            from: d("2025-01-01"),
            to: d("2025-12-31"),
        };
        assert_eq!(
            range_years(&calendar),
            "2025",
            "a year that starts in January"
        );
        let april = DateRange {
            from: d("2025-04-01"),
            to: d("2026-03-31"),
        };
        assert_eq!(range_years(&april), "2025 to 2026");
    }

    #[test]
    fn a_share_is_a_percentage_or_a_dash_of_nothing() {
        assert_eq!(
            share(Ratio {
                numerator: 3,
                denominator: 4
            }),
            "75%"
        );
        assert_eq!(
            share(Ratio {
                numerator: 0,
                denominator: 0
            }),
            "–"
        );
    }

    #[test]
    fn a_reports_status_says_whether_the_public_copy_is_current() {
        let on = NaiveDate::from_ymd_opt(2026, 4, 10).unwrap();
        let mut r = ReportSummary {
            year: 2025,
            range: DateRange { from: on, to: on },
            published_on: None,
            changed_since_published: false,
        };
        assert_eq!(status(&r), "Draft, not published");
        r.published_on = Some(on);
        assert_eq!(status(&r), "Published on 10 April 2026");
        r.changed_since_published = true;
        assert_eq!(status(&r), "Published on 10 April 2026; changed since");
    }
}
