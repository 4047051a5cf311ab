use super::*;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn range(period: &str, start: u32) -> (NaiveDate, NaiveDate) {
    let r = Period::parse(period).unwrap().range(start);
    (r.from, r.to)
}

#[test]
fn a_month_is_its_calendar_days_leap_february_included() {
    assert_eq!(range("2024-02", 4), (d("2024-02-01"), d("2024-02-29")));
    assert_eq!(range("2025-02", 4), (d("2025-02-01"), d("2025-02-28")));
    assert_eq!(range("2025-12", 4), (d("2025-12-01"), d("2025-12-31")));
}

#[test]
fn a_financial_year_runs_from_its_start_month_for_twelve_months() {
    assert_eq!(range("fy2025", 4), (d("2025-04-01"), d("2026-03-31")));
    assert_eq!(range("FY2025", 1), (d("2025-01-01"), d("2025-12-31")));
    assert_eq!(range("fy2025", 10), (d("2025-10-01"), d("2026-09-30")));
}

#[test]
fn quarters_are_of_the_financial_year_and_cross_the_calendar_year() {
    assert_eq!(range("fy2025-q1", 4), (d("2025-04-01"), d("2025-06-30")));
    assert_eq!(range("fy2025-q3", 4), (d("2025-10-01"), d("2025-12-31")));
    assert_eq!(range("fy2025-q4", 4), (d("2026-01-01"), d("2026-03-31")));
    assert_eq!(range("fy2023-q4", 4), (d("2024-01-01"), d("2024-03-31")));
    assert_eq!(range("fy2025-q2", 11), (d("2026-02-01"), d("2026-04-30")));
}

#[test]
fn a_custom_period_includes_both_days() {
    assert_eq!(
        range("2025-04-17..2025-05-13", 4),
        (d("2025-04-17"), d("2025-05-13"))
    );
    assert_eq!(
        range("2025-04-17..2025-04-17", 4),
        (d("2025-04-17"), d("2025-04-17"))
    );
}

#[test]
fn what_is_not_a_period_is_refused_with_its_reason() {
    use PeriodError::*;
    for (input, error) in [
        ("", Form),
        ("2025", Form),
        ("2025-6", Form),
        ("2025-13", OutOfRange),
        ("2025-00", OutOfRange),
        ("fy2025-q5", OutOfRange),
        ("fy2025-q0", OutOfRange),
        ("fy1999", OutOfRange),
        ("fy20250", Form),
        ("2025-02-30..2025-03-01", Form),
        ("2025-05-01..2025-04-30", EndsBeforeStart),
        ("2022-01-01..2025-01-02", TooLong),
        ("quarter", Form),
    ] {
        assert_eq!(Period::parse(input), Err(error), "{input:?}");
    }
    // Three years (with a leap day) is the longest allowed.
    assert!(Period::parse("2023-01-01..2025-12-31").is_ok());
}

#[test]
fn a_period_reads_back_from_its_key() {
    for key in ["2025-06", "fy2025-q2", "fy2025", "2025-04-01..2025-06-30"] {
        assert_eq!(Period::parse(key).unwrap().key(), key);
    }
}

#[test]
fn last_quarter_is_the_last_complete_one() {
    // 3 December 2026, April year: the third quarter is running, so the second.
    assert_eq!(
        Period::last_quarter(d("2026-12-03"), 4).range(4),
        Period::parse("fy2026-q2").unwrap().range(4)
    );
    assert_eq!(range("fy2026-q2", 4), (d("2026-07-01"), d("2026-09-30")));
    // In May the last complete quarter is the previous year's fourth.
    assert_eq!(
        Period::last_quarter(d("2026-05-10"), 4),
        Period::Quarter {
            year: 2025,
            quarter: 4
        }
    );
    // On the first day of a quarter.
    assert_eq!(
        Period::last_quarter(d("2026-04-01"), 4),
        Period::Quarter {
            year: 2025,
            quarter: 4
        }
    );
    assert_eq!(
        Period::last_quarter(d("2026-01-01"), 1),
        Period::Quarter {
            year: 2025,
            quarter: 4
        }
    );
}

fn timely(
    stage: u8,
    received: &str,
    acknowledged: Option<&str>,
    responded: &str,
    extensions: &[(&str, &str, bool)],
) -> (Option<bool>, Option<bool>) {
    let extensions: Vec<_> = extensions
        .iter()
        .map(|(on, to, agreed)| (d(on), d(to), *agreed))
        .collect();
    code_timeliness(
        &Calendar::england_and_wales(),
        stage,
        d(received),
        acknowledged.map(d),
        Some(d(responded)),
        &extensions,
    )
}

#[test]
fn stage_1_over_easter_and_the_early_may_bank_holiday() {
    // Received Thursday 17 April 2025: Good Friday and Easter Monday are not
    // counted, so the 5th working day is Monday 28 April. From there, 10
    // working days skip Monday 5 May: the response is due Tuesday 13 May.
    assert_eq!(
        timely(1, "2025-04-17", Some("2025-04-28"), "2025-05-13", &[]).0,
        Some(true)
    );
    assert_eq!(
        timely(1, "2025-04-17", Some("2025-04-28"), "2025-05-14", &[]).0,
        Some(false)
    );
    // Acknowledged a day late: outside, however soon the response came.
    assert_eq!(
        timely(1, "2025-04-17", Some("2025-04-29"), "2025-05-02", &[]).0,
        Some(false)
    );
    // A response that is also the acknowledgement, within 5 working days.
    assert_eq!(
        timely(1, "2025-04-17", None, "2025-04-28", &[]).0,
        Some(true)
    );
}

#[test]
fn an_extension_in_line_with_the_code_moves_the_date() {
    // Due 13 May 2025; 10 more working days skip the spring bank holiday on
    // 26 May, so the Code allows an extension to Wednesday 28 May.
    let ext = [("2025-05-12", "2025-05-28", false)];
    assert_eq!(
        timely(1, "2025-04-17", Some("2025-04-28"), "2025-05-28", &ext),
        (Some(true), Some(true))
    );
    assert_eq!(
        timely(1, "2025-04-17", Some("2025-04-28"), "2025-05-29", &ext),
        (Some(false), Some(true))
    );
    // To 29 May goes beyond the Code's limit: in line only if the resident agreed.
    let beyond = [("2025-05-12", "2025-05-29", false)];
    assert_eq!(
        timely(1, "2025-04-17", Some("2025-04-28"), "2025-05-29", &beyond),
        (Some(false), Some(false))
    );
    let agreed = [("2025-05-12", "2025-05-29", true)];
    assert_eq!(
        timely(1, "2025-04-17", Some("2025-04-28"), "2025-05-29", &agreed),
        (Some(true), Some(true))
    );
    // Made after the original date had passed: not in line.
    let late = [("2025-05-14", "2025-05-20", false)];
    assert_eq!(
        timely(1, "2025-04-17", Some("2025-04-28"), "2025-05-20", &late),
        (Some(false), Some(false))
    );
}

#[test]
fn stage_2_has_twenty_working_days_from_its_acknowledgement() {
    // Escalation asked Monday 1 December 2025, acknowledged Friday 5 December.
    // 20 working days skip 25 and 26 December and 1 January: due Wednesday
    // 7 January 2026.
    assert_eq!(
        timely(2, "2025-12-01", Some("2025-12-05"), "2026-01-07", &[]).0,
        Some(true)
    );
    assert_eq!(
        timely(2, "2025-12-01", Some("2025-12-05"), "2026-01-08", &[]).0,
        Some(false)
    );
}

#[test]
fn an_unanswered_stage_has_no_timeliness_yet() {
    let (within, in_line) = code_timeliness(
        &Calendar::england_and_wales(),
        1,
        d("2025-04-17"),
        None,
        None,
        &[],
    );
    assert_eq!((within, in_line), (None, None));
}

#[test]
fn working_days_to_respond_skip_weekends_and_bank_holidays() {
    let calendar = Calendar::england_and_wales();
    // Thursday 17 April to Tuesday 13 May 2025: 15 working days (not 18 Apr,
    // 21 Apr or 5 May, nor the weekends).
    assert_eq!(
        working_days_to_respond(&calendar, d("2025-04-17"), d("2025-05-13")),
        15
    );
    assert_eq!(
        working_days_to_respond(&calendar, d("2025-04-17"), d("2025-04-17")),
        0
    );
}

#[test]
fn percentiles_are_by_nearest_rank() {
    let mut ten: Vec<u32> = (1..=10).rev().collect();
    assert_eq!(percentile(&mut ten, 50), Some(5));
    assert_eq!(percentile(&mut ten, 90), Some(9));
    let mut eleven: Vec<u32> = (1..=11).collect();
    assert_eq!(percentile(&mut eleven, 50), Some(6));
    assert_eq!(percentile(&mut eleven, 90), Some(10));
    assert_eq!(percentile(&mut [7], 90), Some(7));
    assert_eq!(percentile(&mut [], 50), None);
}

#[test]
fn ratios_give_a_percentage_and_a_rate_per_thousand() {
    let r = Ratio {
        numerator: 2,
        denominator: 3,
    };
    assert_eq!(r.percent(), Some(66.7));
    assert_eq!(
        Ratio {
            numerator: 7,
            denominator: 2500
        }
        .per_thousand(),
        Some(2.8)
    );
    assert_eq!(
        Ratio {
            numerator: 1,
            denominator: 0
        }
        .percent(),
        None
    );
}
