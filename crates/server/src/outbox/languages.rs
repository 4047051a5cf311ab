//! Messages to a resident who reads another language (issue 17, item 3).
//!
//! The server writes its messages in English (`cases::notices`) and has no
//! catalogue of its own for them yet: the app's catalogues
//! (`public/locales/*.json`) hold the app's words, not the messages'. So a
//! message to a resident whose language (their settings' `language`) is
//! one the portal offers goes in English with a line, in their language,
//! offering it in that language; staff arrange the translation, as they do
//! for a letter in another language. The lines are first drafts by the
//! development team, like the app's catalogues, to be checked by a qualified
//! translator (`docs/translating.md`).
//!
//! A letter is printed in Helvetica with WinAnsi encoding (`crate::letters`),
//! which has no Arabic, Bengali, Gurmukhi or Urdu letters and not all of
//! Polish or Romanian: a line it cannot print is left out of a letter (the
//! letter would show question marks) and kept in email and text messages.

/// The line offering a message in `language` (a settings code, "cy", "pl"),
/// in that language; `None` for English and for a language the portal does
/// not offer.
pub fn offer(language: &str) -> Option<&'static str> {
    let primary = language.split('-').next().unwrap_or_default();
    Some(match primary {
        "cy" => "Mae'r neges hon yn Saesneg. Os hoffech ei chael yn Gymraeg, cysylltwch â ni a byddwn yn trefnu hynny.",
        "pl" => "Ta wiadomość jest po angielsku. Jeśli chcesz ją otrzymać po polsku, skontaktuj się z nami, a my to zorganizujemy.",
        "pt" => "Esta mensagem está em inglês. Se a quiser em português, contacte-nos e nós tratamos disso.",
        "ro" => "Acest mesaj este în limba engleză. Dacă îl doriți în limba română, contactați-ne și ne ocupăm noi de acest lucru.",
        "ar" => "هذه الرسالة باللغة الإنجليزية. إذا كنت تريدها باللغة العربية، فاتصل بنا وسنرتب ذلك.",
        "bn" => "এই বার্তাটি ইংরেজিতে লেখা। আপনি যদি এটি বাংলায় চান, আমাদের সাথে যোগাযোগ করুন, আমরা ব্যবস্থা করব।",
        "pa" => "ਇਹ ਸੁਨੇਹਾ ਅੰਗਰੇਜ਼ੀ ਵਿੱਚ ਹੈ। ਜੇ ਤੁਸੀਂ ਇਸਨੂੰ ਪੰਜਾਬੀ ਵਿੱਚ ਚਾਹੁੰਦੇ ਹੋ, ਤਾਂ ਸਾਡੇ ਨਾਲ ਸੰਪਰਕ ਕਰੋ ਅਤੇ ਅਸੀਂ ਇਸਦਾ ਪ੍ਰਬੰਧ ਕਰਾਂਗੇ।",
        "so" => "Fariintan waxay ku qoran tahay Ingiriisi. Haddii aad rabto inay ku qoran tahay Af-Soomaali, nala soo xiriir, waanu kuu diyaarin doonnaa.",
        "ur" => "یہ پیغام انگریزی میں ہے۔ اگر آپ اسے اردو میں چاہتے ہیں تو ہم سے رابطہ کریں، ہم اس کا انتظام کر دیں گے۔",
        _ => return None,
    })
}

/// `body` as sent to a resident who reads `language`: the offer's line
/// first, where it can be written by `channel` (see the module's comment),
/// so it is the first thing they read.
pub fn for_reader(body: &str, language: &str, letter: bool) -> String {
    match offer(language) {
        Some(line) if !letter || crate::letters::can_print(line) => format!("{line}\n\n{body}"),
        _ => body.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BODY: &str = "We have received your complaint. Your reference is PIR-2026-00042.";

    #[test]
    fn english_and_languages_the_portal_does_not_offer_get_the_message_as_it_is() {
        assert_eq!(for_reader(BODY, "en", false), BODY);
        assert_eq!(for_reader(BODY, "en-GB", true), BODY);
        assert_eq!(for_reader(BODY, "fr", false), BODY);
    }

    #[test]
    fn every_language_the_app_offers_has_its_line() {
        for language in ["cy", "pl", "pt", "ro", "ar", "bn", "pa", "so", "ur"] {
            assert!(offer(language).is_some(), "{language}");
        }
        assert_eq!(offer("pt-BR"), offer("pt"));
    }

    #[test]
    fn the_offer_comes_first_in_their_language() {
        let messages: Vec<String> = ["cy", "pl", "pt", "ro", "ar", "bn", "pa", "so", "ur"]
            .into_iter()
            .map(|l| format!("[{l}]\n{}", for_reader(BODY, l, false)))
            .collect();
        insta::assert_snapshot!("offer_by_email", messages.join("\n\n"));
    }

    #[test]
    fn a_letter_carries_the_line_only_where_its_font_can_print_it() {
        let letters: Vec<String> = ["cy", "pt", "so", "pl", "ur"]
            .into_iter()
            .map(|l| format!("[{l}]\n{}", for_reader(BODY, l, true)))
            .collect();
        insta::assert_snapshot!("offer_by_letter", letters.join("\n\n"));
    }
}
