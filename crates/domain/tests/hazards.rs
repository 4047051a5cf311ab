//! Hazards first (Awaab's Law): a complaint that describes a hazard is
//! flagged with the law's timescales, counted on real dates.
//!
//! The timescales are the Hazards in Social Housing (Prescribed Requirements)
//! (England) Regulations 2025's, as the Code preset's `[hazards]` carries
//! them: an emergency hazard is investigated and made safe within 24 hours of
//! the landlord becoming aware; damp and mould is investigated within 10
//! working days, with a written summary within 3 and the safety work within 5
//! working days of the investigation concluding.

use chrono::{DateTime, NaiveDate, Utc};
use domain::calendar::Calendar;
use domain::policy::{Duty, Policy};

fn preset(id: &str) -> Policy {
    Policy::preset(id).unwrap_or_else(|| panic!("preset {id} loads"))
}

fn at(s: &str) -> DateTime<Utc> {
    s.parse().expect("an RFC 3339 time")
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a date")
}

#[test]
fn black_mould_in_a_childs_bedroom_is_a_possible_damp_and_mould_hazard_with_a_child_at_home() {
    let screen = preset("code-2024")
        .screen_hazard(
            "There is black mould all over the wall in my son's bedroom and he has asthma.",
        )
        .expect("flagged");
    assert_eq!(screen.kind, "damp_and_mould");
    assert!(screen.matched.contains(&"black mould".to_owned()));
    assert_eq!(screen.vulnerable, ["son", "asthma"]);
}

#[test]
fn every_preset_screens_for_hazards_because_the_law_applies_to_every_social_landlord() {
    for policy in domain::policy::presets() {
        assert!(
            policy.screen_hazard("The bathroom is mouldy.").is_some(),
            "{}",
            policy.id
        );
    }
}

#[test]
fn a_smell_of_gas_is_an_emergency_before_it_is_damp() {
    let screen = preset("torus")
        .screen_hazard("There is a smell of gas in the kitchen and damp in the hall.")
        .expect("flagged");
    assert_eq!(screen.kind, "emergency");
    assert!(screen.vulnerable.is_empty());
}

#[test]
fn a_complaint_with_no_hazard_is_not_flagged() {
    let policy = preset("code-2024");
    assert_eq!(
        policy.screen_hazard("Nobody answered my calls about the rent."),
        None
    );
    // "fired" is not a fire, "dampen" is not damp.
    assert_eq!(
        policy.screen_hazard("They fired the contractor, which did not dampen my anger."),
        None
    );
}

#[test]
fn damp_and_mould_reported_on_a_friday_before_christmas_is_investigated_by_the_tenth_working_day() {
    let policy = preset("code-2024");
    let screen = policy
        .screen_hazard("Mould in the bedroom")
        .expect("flagged");
    // Friday 19 December 2025, 10:00 in London. Ten working days skip the
    // weekends, Christmas Day and Boxing Day and New Year's Day: Monday 22,
    // 23, 24, 29, 30, 31 December, 2, 5, 6, 7 January.
    let flag = policy
        .hazard_flag(
            &screen,
            at("2025-12-19T10:00:00Z"),
            &Calendar::england_and_wales(),
        )
        .expect("counts")
        .expect("a kind the policy has");
    assert!(flag
        .law
        .contains("section 10A of the Landlord and Tenant Act 1985"));
    let date = |duty| flag.due.iter().find(|d| d.duty == duty).expect("due");
    assert_eq!(date(Duty::Investigate).date, day(2026, 1, 7));
    assert!(!date(Duty::Investigate).at_the_latest);
    // At the latest, from the investigation's last day: 3 and 5 working days on.
    assert_eq!(date(Duty::WrittenSummary).date, day(2026, 1, 12));
    assert_eq!(date(Duty::MakeSafe).date, day(2026, 1, 14));
    assert!(date(Duty::MakeSafe).at_the_latest);
}

#[test]
fn an_emergency_reported_late_on_a_saturday_is_due_24_hours_later_on_the_sunday() {
    let policy = preset("pivotal-2021");
    let screen = policy
        .screen_hazard("Exposed wires sparking in the hall")
        .expect("flagged");
    let flag = policy
        .hazard_flag(
            &screen,
            at("2026-03-28T22:30:00Z"),
            &Calendar::england_and_wales(),
        )
        .expect("counts")
        .expect("flag");
    for due in &flag.due {
        assert_eq!(due.by, Some(at("2026-03-29T22:30:00Z")), "{:?}", due.duty);
        // 23:30 on Sunday 29 March in London (summer time began that morning).
        assert_eq!(due.date, day(2026, 3, 29));
    }
}

#[test]
fn a_policy_may_give_its_own_emergency_repairs_line_and_keep_the_laws_timescales() {
    let src = Policy::preset_source("plus-dane-2024")
        .expect("source")
        .to_owned()
        + "\n[hazards]\nemergency_repairs_telephone = \"0800 000 0000\"\n";
    let policy = Policy::from_toml(&src).expect("parses");
    let effective = policy.effective();
    let hazards = effective.hazards.expect("inherited");
    assert_eq!(
        hazards.emergency_repairs_telephone.as_deref(),
        Some("0800 000 0000")
    );
    assert_eq!(hazards.kinds.len(), 2);
    assert_eq!(hazards.in_force_from, Some(day(2025, 10, 27)));
}
