//! The words of the compliance page (`pages::staff_compliance_page`): staff
//! pages are in English. Pure, so tested natively.

use domain::api::PolicySummary;
use domain::compliance::{Finding, Severity};

/// "Code 5.3", or "Code section 6" where the provision's number is not
/// confirmed and the finding names the section alone.
pub fn provision(section: &str) -> String {
    if section.contains('.') {
        format!("Code {section}")
    } else {
        format!("Code section {section}")
    }
}

/// A policy as the list of choices names it.
pub fn policy_name(p: &PolicySummary) -> String {
    let in_use = if p.active { " (in use)" } else { "" };
    format!("{}: {}{in_use}", p.landlord, p.title)
}

/// How many findings of each kind, in a sentence.
pub fn summary(findings: &[Finding]) -> String {
    let breaches = findings
        .iter()
        .filter(|f| f.severity == Severity::Breach)
        .count();
    let advice = findings.len() - breaches;
    let plural = |n: usize, one: &str, many: &str| {
        if n == 1 {
            format!("1 {one}")
        } else {
            format!("{n} {many}")
        }
    };
    if findings.is_empty() {
        return "The check found nothing in this policy that the Code asks to change.".into();
    }
    format!(
        "{}: {} where the policy says something the Code does not allow, and {} where it is silent or unclear and the portal follows the Code meanwhile.",
        plural(findings.len(), "finding", "findings"),
        plural(breaches, "breach", "breaches"),
        plural(advice, "point of advice", "points of advice"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(section: &str, severity: Severity) -> Finding {
        Finding {
            section: section.into(),
            severity,
            message: "m".into(),
            policy_says: None,
            to_comply: "c".into(),
        }
    }

    #[test]
    fn a_provision_without_a_confirmed_number_is_named_by_its_section() {
        assert_eq!(provision("5.3"), "Code 5.3");
        assert_eq!(provision("6"), "Code section 6");
    }

    #[test]
    fn the_summary_counts_breaches_and_advice_in_plain_words() {
        assert_eq!(
            summary(&[]),
            "The check found nothing in this policy that the Code asks to change."
        );
        assert_eq!(
            summary(&[finding("5.3", Severity::Breach)]),
            "1 finding: 1 breach where the policy says something the Code does not allow, and 0 points of advice where it is silent or unclear and the portal follows the Code meanwhile."
        );
        assert_eq!(
            summary(&[
                finding("5.3", Severity::Breach),
                finding("6", Severity::Advice),
                finding("1.4", Severity::Breach),
            ]),
            "3 findings: 2 breaches where the policy says something the Code does not allow, and 1 point of advice where it is silent or unclear and the portal follows the Code meanwhile."
        );
    }

    #[test]
    fn the_policy_in_use_is_marked_in_the_list() {
        let mut p = PolicySummary {
            id: "pivotal".into(),
            landlord: "Pivotal".into(),
            title: "Complaints policy".into(),
            active: true,
            findings: 3,
        };
        assert_eq!(policy_name(&p), "Pivotal: Complaints policy (in use)");
        p.active = false;
        assert_eq!(policy_name(&p), "Pivotal: Complaints policy");
    }
}
