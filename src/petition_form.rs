//! Staff type a petition's signatories one a line on "Record a complaint"
//! (`pages::staff_new_case_page`; Plus Dane §20). Pure, so tested natively.

use domain::petition::Signatory;
use domain::validation::FieldError;

/// The field the signatories are typed in: one person a line.
pub const SIGNATORIES: &str = "petition.signatories";

/// The people typed one a line as "Full name, email address", each with its
/// line number; a line without a comma is a problem on the field.
pub fn signatories(text: &str) -> Result<Vec<(usize, Signatory)>, String> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let Some((name, email)) = line.rsplit_once(',') else {
            return Err(format!(
                "Line {}: put a comma between the person's name and their email address",
                n + 1
            ));
        };
        out.push((
            n + 1,
            Signatory {
                name: name.trim().to_owned(),
                email: email.trim().to_owned(),
            },
        ));
    }
    Ok(out)
}

/// The server's problem with one signatory (`petition.signatories[3].email`)
/// as a problem on the field they were typed in, naming the line.
pub fn on_its_line(error: FieldError, lines: &[usize]) -> FieldError {
    let index = error
        .field
        .strip_prefix("petition.signatories[")
        .and_then(|rest| rest.split(']').next())
        .and_then(|i| i.parse::<usize>().ok());
    match index.and_then(|i| lines.get(i)) {
        Some(line) => FieldError::new(SIGNATORIES, format!("Line {line}: {}", error.message)),
        None => error,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_line_is_a_name_then_an_email_address_and_blank_lines_do_not_count() {
        let people =
            signatories("Ann Lee, ann@example.org\n\n  O'Neil, Mary , mary@example.org \n")
                .expect("two people");
        assert_eq!(
            people,
            vec![
                (
                    1,
                    Signatory {
                        name: "Ann Lee".into(),
                        email: "ann@example.org".into()
                    }
                ),
                (
                    3,
                    Signatory {
                        name: "O'Neil, Mary".into(),
                        email: "mary@example.org".into()
                    }
                ),
            ]
        );
        assert_eq!(
            signatories("Ann Lee, ann@example.org\nBen Jones ben@example.org"),
            Err("Line 2: put a comma between the person's name and their email address".into())
        );
    }

    #[test]
    fn a_problem_with_one_signatory_is_shown_on_its_line() {
        let moved = on_its_line(
            FieldError::new("petition.signatories[1].email", "Enter an email address"),
            &[1, 3],
        );
        assert_eq!(moved.field, SIGNATORIES);
        assert_eq!(moved.message, "Line 3: Enter an email address");
        let kept = on_its_line(FieldError::new("details", "Enter the details"), &[1]);
        assert_eq!(kept.field, "details");
    }
}
