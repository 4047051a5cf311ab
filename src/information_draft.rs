//! "Add information" kept on the device until it is sent: the words typed and
//! the files chosen, per case. Pure, so tested natively.

use domain::api::cases::NewInformation;

use crate::complaint_draft::DraftFile;

/// Where the words typed for a case are kept on the device.
pub fn text_key(case_id: &str) -> String {
    format!("pir.draft.information.{case_id}")
}

/// Where the files chosen for a case are kept on the device (when they fit).
pub fn files_key(case_id: &str) -> String {
    format!("pir.draft.information.{case_id}.files")
}

/// What is sent: the words and every file chosen.
pub fn new_information(text: &str, files: &[DraftFile]) -> NewInformation {
    NewInformation {
        text: text.to_owned(),
        attachments: files.iter().map(DraftFile::attachment).collect(),
    }
}

#[cfg(test)]
mod tests {
    use domain::api::cases::messages;

    use super::*;
    use crate::complaint_draft::read_file;

    const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";

    #[test]
    fn each_case_keeps_its_own_words_and_files() {
        assert_eq!(text_key("abc"), "pir.draft.information.abc");
        assert_eq!(files_key("abc"), "pir.draft.information.abc.files");
        assert_ne!(text_key("abc"), text_key("abd"));
    }

    #[test]
    fn a_photo_alone_is_enough_information() {
        let photo = read_file("window.png", PNG).unwrap();
        let info = new_information("  ", &[photo]);
        assert_eq!(info.attachments.len(), 1);
        assert_eq!(info.attachments[0].filename, "window.png");
        assert_eq!(info.attachments[0].content_type, "image/png");
        assert_eq!(info.validate(), Ok(()));
    }

    #[test]
    fn words_and_files_are_sent_together() {
        let photo = read_file("window.png", PNG).unwrap();
        let info = new_information("The window is still broken", &[photo.clone(), photo]);
        assert_eq!(info.text, "The window is still broken");
        assert_eq!(info.attachments.len(), 2);
        assert_eq!(info.validate(), Ok(()));
    }

    #[test]
    fn neither_words_nor_files_asks_for_the_information() {
        let errors = new_information("", &[]).validate().unwrap_err();
        assert_eq!(errors[0].field, "text");
        assert_eq!(errors[0].message, messages::INFORMATION_MISSING);
    }
}
