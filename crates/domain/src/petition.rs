//! Petitions (issue 18, item 5; Plus Dane §20: "A petition will be
//! considered when ten or more people jointly complain about the same issue
//! or concern. They will be logged and dealt with in accordance with the
//! complaint procedure. We will ask the group to nominate a spokesperson or
//! key point of contact and all subsequent contact and correspondence will be
//! managed via the nominated spokesperson.").
//!
//! A petition is one complaint: its resident is the spokesperson, who
//! receives every message and takes every action; each other person who
//! signed it is recorded with their email address, and a resident account
//! with that address, once confirmed, can follow the case without acting on
//! it. Reading of "ten or more people": the spokesperson is one of the people
//! who jointly complain, so ten people are the spokesperson and nine others.

use serde::{Deserialize, Serialize};

use crate::api::account::{parse_email, NAME_MAX_CHARS};
use crate::case::CaseKind;
use crate::validation::{FieldError, Problems};

/// The policy's rule for petitions, where it has one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Petitions {
    /// How many people, the spokesperson included, make a petition.
    pub min_people: u16,
    /// The policy's own words.
    pub policy_says: String,
}

/// The most people one petition records besides its spokesperson.
pub const SIGNATORIES_MAX: usize = 1000;

/// Someone besides the spokesperson who signed a petition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Signatory {
    pub name: String,
    /// Where they can be reached, and how their account is known: a
    /// resident account with this address, once confirmed, can follow the
    /// petition's case.
    pub email: String,
}

/// `petition` of `POST /staff/cases`: a complaint that ten or more people
/// make together, raised for its spokesperson (the case's resident).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct NewPetition {
    /// Everyone who signed it except the spokesperson.
    pub signatories: Vec<Signatory>,
}

/// What a case page says of a petition.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
pub struct PetitionFacts {
    /// How many people made it, the spokesperson included.
    pub people: u16,
    /// The signed-in account signed it and is not its spokesperson: it may
    /// follow the case, and only the spokesperson acts and hears from us.
    pub you_signed: bool,
}

pub const NO_PETITIONS: &str =
    "This policy does not take petitions: record each person's complaint on its own";
pub const ONLY_COMPLAINTS: &str = "Only a complaint can be a petition";
pub const SIGNATORY_NAME_MISSING: &str = "Enter the full name of everyone who signed";
pub const SIGNATORY_NAME_TOO_LONG: &str = "A name must be 200 characters or fewer";
pub const SIGNATORY_EMAIL_TWICE: &str = "This email address is given twice: each person signs once";
pub const SIGNATORY_IS_SPOKESPERSON: &str =
    "This is the spokesperson's email address: they are counted already";
pub const TOO_MANY_SIGNATORIES: &str = "A petition can record up to 1,000 people";

/// "A petition needs at least 10 people: the spokesperson and 9 others".
pub fn too_few(min_people: u16) -> String {
    format!(
        "A petition needs at least {min_people} people: the spokesperson and {} others",
        min_people.saturating_sub(1)
    )
}

/// Checks a petition against the policy: each field's problem keyed by its
/// path (`petition.signatories[3].email`). `spokesperson_email` is the
/// spokesperson's own address, where known, which may not sign again.
pub fn check(
    rule: Option<&Petitions>,
    kind: CaseKind,
    petition: &NewPetition,
    spokesperson_email: Option<&str>,
) -> Result<(), Vec<FieldError>> {
    let mut problems = Problems::new();
    let Some(rule) = rule else {
        problems.add("petition", NO_PETITIONS);
        return problems.into_result();
    };
    if kind != CaseKind::Complaint {
        problems.add("petition", ONLY_COMPLAINTS);
        return problems.into_result();
    }
    let people = petition.signatories.len() + 1;
    if people < usize::from(rule.min_people) {
        problems.add("petition.signatories", too_few(rule.min_people));
    }
    if petition.signatories.len() > SIGNATORIES_MAX {
        problems.add("petition.signatories", TOO_MANY_SIGNATORIES);
        return problems.into_result();
    }
    let spokesperson = spokesperson_email.map(|e| e.trim().to_lowercase());
    let mut seen = std::collections::BTreeSet::new();
    for (i, signatory) in petition.signatories.iter().enumerate() {
        let name = signatory.name.trim();
        let field = |part: &str| format!("petition.signatories[{i}].{part}");
        if name.is_empty() {
            problems.add(&field("name"), SIGNATORY_NAME_MISSING);
        } else if name.chars().count() > NAME_MAX_CHARS {
            problems.add(&field("name"), SIGNATORY_NAME_TOO_LONG);
        }
        match parse_email(&signatory.email) {
            Err(message) => problems.add(&field("email"), message),
            Ok(email) if Some(&email) == spokesperson.as_ref() => {
                problems.add(&field("email"), SIGNATORY_IS_SPOKESPERSON)
            }
            Ok(email) if !seen.insert(email.clone()) => {
                problems.add(&field("email"), SIGNATORY_EMAIL_TWICE)
            }
            Ok(_) => {}
        }
    }
    problems.into_result()
}

/// Each signatory as stored: the name trimmed, the address as accounts
/// store theirs (trimmed, lower case). Call after [`check`].
pub fn normalised(petition: &NewPetition) -> Vec<Signatory> {
    petition
        .signatories
        .iter()
        .map(|s| Signatory {
            name: s.name.trim().to_owned(),
            email: parse_email(&s.email).unwrap_or_else(|_| s.email.trim().to_lowercase()),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plus_dane() -> Petitions {
        Petitions {
            min_people: 10,
            policy_says: "A petition will be considered when ten or more people jointly complain about the same issue or concern.".into(),
        }
    }

    fn people(n: usize) -> NewPetition {
        NewPetition {
            signatories: (1..=n)
                .map(|i| Signatory {
                    name: format!("Neighbour {i}"),
                    email: format!("neighbour{i}@example.org"),
                })
                .collect(),
        }
    }

    fn fields(result: Result<(), Vec<FieldError>>) -> Vec<(String, String)> {
        result
            .err()
            .unwrap_or_default()
            .into_iter()
            .map(|e| (e.field, e.message))
            .collect()
    }

    /// §20: "when ten or more people jointly complain": the spokesperson
    /// and nine others are ten.
    #[test]
    fn ten_people_with_the_spokesperson_make_a_petition_and_nine_do_not() {
        let rule = plus_dane();
        assert_eq!(
            check(Some(&rule), CaseKind::Complaint, &people(9), None),
            Ok(())
        );
        assert_eq!(
            fields(check(Some(&rule), CaseKind::Complaint, &people(8), None)),
            vec![(
                "petition.signatories".to_owned(),
                "A petition needs at least 10 people: the spokesperson and 9 others".to_owned()
            )]
        );
    }

    #[test]
    fn a_policy_without_petitions_and_a_compliment_are_refused() {
        assert_eq!(
            fields(check(None, CaseKind::Complaint, &people(9), None)),
            vec![("petition".to_owned(), NO_PETITIONS.to_owned())]
        );
        assert_eq!(
            fields(check(
                Some(&plus_dane()),
                CaseKind::Compliment,
                &people(9),
                None
            )),
            vec![("petition".to_owned(), ONLY_COMPLAINTS.to_owned())]
        );
    }

    #[test]
    fn each_signatory_needs_a_name_and_their_own_email_address() {
        let mut petition = people(10);
        petition.signatories[2].name = "  ".into();
        petition.signatories[4].email = "NEIGHBOUR1@example.org ".into();
        petition.signatories[5].email = "not an address".into();
        petition.signatories[6].email = "spokes@example.org".into();
        let found = fields(check(
            Some(&plus_dane()),
            CaseKind::Complaint,
            &petition,
            Some("Spokes@example.org"),
        ));
        let keys: Vec<&str> = found.iter().map(|(f, _)| f.as_str()).collect();
        assert_eq!(
            keys,
            [
                "petition.signatories[2].name",
                "petition.signatories[4].email",
                "petition.signatories[5].email",
                "petition.signatories[6].email",
            ]
        );
        assert_eq!(found[1].1, SIGNATORY_EMAIL_TWICE);
        assert_eq!(found[3].1, SIGNATORY_IS_SPOKESPERSON);
    }

    #[test]
    fn signatories_are_stored_as_accounts_store_their_addresses() {
        let petition = NewPetition {
            signatories: vec![Signatory {
                name: " Ann Lee ".into(),
                email: " Ann.Lee@Example.org".into(),
            }],
        };
        assert_eq!(
            normalised(&petition),
            vec![Signatory {
                name: "Ann Lee".into(),
                email: "ann.lee@example.org".into()
            }]
        );
    }
}
