//! A small SMTP client for handing email to a relay (a local MTA or a mail
//! provider's submission port on a private network). Plain SMTP: TLS and
//! authentication belong to the relay.

use std::time::Duration;

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;

const TIMEOUT: Duration = Duration::from_secs(15);

/// One message to one recipient.
pub struct Email<'a> {
    pub from: &'a str,
    pub to: &'a str,
    pub subject: &'a str,
    pub body: &'a str,
}

/// Why a message was not handed over. Its text (kept for staff in the
/// outbox) may quote the relay's answer; [`SendError::summary`] does not, and
/// is what goes in the log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SendError {
    pub detail: String,
    /// Safe to log: no address, no subject, no words from the relay.
    pub summary: String,
}

impl std::fmt::Display for SendError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.detail)
    }
}

impl SendError {
    fn plain(detail: impl Into<String>) -> Self {
        let detail = detail.into();
        Self {
            summary: detail.clone(),
            detail,
        }
    }
}

/// A header value or an address must be one line of visible text: a line
/// break would add headers (or SMTP commands), so the message is refused
/// rather than quietly changed.
fn header_value(name: &str, value: &str) -> Result<(), SendError> {
    if value.chars().any(|c| c.is_control()) {
        Err(SendError::plain(format!(
            "the message's {name} holds a line break or control character; not sent"
        )))
    } else {
        Ok(())
    }
}

/// An address for `MAIL FROM`/`RCPT TO` and the To/From headers: no
/// brackets, spaces or controls, and one `@`.
fn address(name: &str, value: &str) -> Result<(), SendError> {
    header_value(name, value)?;
    let bad = value.contains(['<', '>', ' ', ',', ';', '"']) || value.matches('@').count() != 1;
    if bad {
        return Err(SendError::plain(format!(
            "the message's {name} is not one address; not sent"
        )));
    }
    Ok(())
}

/// A header value as RFC 2047 wants it: as it is when it is ASCII, else
/// UTF-8 in base64 encoded-words (names such as Zoë are common).
fn encoded(value: &str) -> String {
    use base64::Engine;
    if value.is_ascii() {
        return value.to_owned();
    }
    // Encoded-words of at most 75 characters, split on character boundaries.
    let mut words = Vec::new();
    let mut chunk = String::new();
    for c in value.chars() {
        if (chunk.len() + c.len_utf8()).div_ceil(3) * 4 > 60 {
            words.push(std::mem::take(&mut chunk));
        }
        chunk.push(c);
    }
    words.push(chunk);
    words
        .iter()
        .map(|w| {
            format!(
                "=?UTF-8?B?{}?=",
                base64::engine::general_purpose::STANDARD.encode(w.as_bytes())
            )
        })
        .collect::<Vec<_>>()
        .join("\r\n ")
}

/// The message as sent after DATA: headers, a blank line, the body with every
/// line end (CRLF, a lone CR or a lone LF) sent as CRLF and leading dots
/// doubled, then the closing dot. No bare CR or LF can reach the relay, so
/// the end of the data cannot be smuggled. Refused when a header value or an
/// address holds a line break.
pub fn data(email: &Email<'_>, date: &str) -> Result<String, SendError> {
    address("sender", email.from)?;
    address("recipient", email.to)?;
    header_value("subject", email.subject)?;
    header_value("date", date)?;
    let mut text = format!(
        "From: {}\r\nTo: {}\r\nSubject: {}\r\nDate: {date}\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n",
        email.from,
        email.to,
        encoded(email.subject),
    );
    let body = email.body.replace("\r\n", "\n").replace('\r', "\n");
    for line in body.split('\n') {
        if line.starts_with('.') {
            text.push('.');
        }
        text.push_str(line);
        text.push_str("\r\n");
    }
    text.push_str(".\r\n");
    Ok(text)
}

/// Sends `email` through the relay at `relay` ("host:port").
pub async fn send(relay: &str, email: &Email<'_>, date: &str) -> Result<(), SendError> {
    // Checked before connecting: a message that cannot be sent safely is not tried.
    let data = data(email, date)?;
    tokio::time::timeout(TIMEOUT, conversation(relay, email, data))
        .await
        .map_err(|_| SendError::plain(format!("the mail relay {relay} did not answer in time")))?
}

async fn conversation(relay: &str, email: &Email<'_>, data: String) -> Result<(), SendError> {
    let stream = TcpStream::connect(relay)
        .await
        .map_err(|e| SendError::plain(format!("cannot reach the mail relay {relay}: {e}")))?;
    let (read, mut write) = stream.into_split();
    let mut read = BufReader::new(read);
    expect(&mut read, 220).await?;
    let steps = [
        ("EHLO put-it-right\r\n".to_owned(), 250),
        (format!("MAIL FROM:<{}>\r\n", email.from), 250),
        (format!("RCPT TO:<{}>\r\n", email.to), 250),
        ("DATA\r\n".to_owned(), 354),
        (data, 250),
    ];
    for (command, code) in steps {
        write
            .write_all(command.as_bytes())
            .await
            .map_err(|e| SendError::plain(e.to_string()))?;
        expect(&mut read, code).await?;
    }
    let _ = write.write_all(b"QUIT\r\n").await;
    Ok(())
}

/// Reads a (possibly multi-line) reply and checks its code's class.
async fn expect<R: AsyncBufReadExt + Unpin>(read: &mut R, code: u16) -> Result<(), SendError> {
    loop {
        let mut line = String::new();
        let n = read
            .read_line(&mut line)
            .await
            .map_err(|e| SendError::plain(e.to_string()))?;
        if n == 0 {
            return Err(SendError::plain("the mail relay closed the connection"));
        }
        let got: u16 = line.get(..3).and_then(|c| c.parse().ok()).unwrap_or(0);
        if line.as_bytes().get(3) == Some(&b'-') {
            continue;
        }
        // 250 and 251 (will forward) both accept a recipient.
        return if got / 10 == code / 10 {
            Ok(())
        } else {
            // The relay's words may quote the address: only the code is logged.
            Err(SendError {
                detail: format!("the mail relay answered: {}", line.trim_end()),
                summary: format!("the mail relay answered {got}"),
            })
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn email<'a>(to: &'a str, subject: &'a str, body: &'a str) -> Email<'a> {
        Email {
            from: "complaints@example.org",
            to,
            subject,
            body,
        }
    }

    const DATE: &str = "Mon, 23 Nov 2026 10:00:00 +0000";

    #[test]
    fn a_subject_or_recipient_with_a_line_break_is_refused_not_sent() {
        for (to, subject) in [
            ("rosa@example.com", "Hello\r\nBcc: someone@evil.example"),
            ("rosa@example.com", "Hello\rBcc: someone@evil.example"),
            ("rosa@example.com\r\nRCPT TO:<x@evil.example>", "Hello"),
            ("rosa@example.com>, <x@evil.example", "Hello"),
        ] {
            assert!(
                data(&email(to, subject, "Body"), DATE).is_err(),
                "{to:?} {subject:?}"
            );
        }
    }

    #[test]
    fn every_line_end_in_the_body_is_crlf_and_leading_dots_are_doubled() {
        let body = "Line one\n.\n.hidden\r\nbare\rcarriage\r\n.\r\nMAIL FROM:<x>";
        let text = data(&email("rosa@example.com", "Hi", body), DATE).unwrap();
        let (_, sent_body) = text.split_once("\r\n\r\n").unwrap();
        assert_eq!(
            sent_body,
            "Line one\r\n..\r\n..hidden\r\nbare\r\ncarriage\r\n..\r\nMAIL FROM:<x>\r\n.\r\n"
        );
        // No CR without its LF, and no LF without its CR, anywhere.
        let bytes = text.as_bytes();
        for (i, b) in bytes.iter().enumerate() {
            if *b == b'\r' {
                assert_eq!(bytes.get(i + 1), Some(&b'\n'), "bare CR at {i}");
            }
            if *b == b'\n' {
                assert_eq!(bytes[i - 1], b'\r', "bare LF at {i}");
            }
        }
    }

    #[test]
    fn a_subject_with_accents_is_encoded_for_the_header() {
        let text = data(&email("rosa@example.com", "Zoë's complaint", "Hi"), DATE).unwrap();
        assert!(text.contains("Subject: =?UTF-8?B?"), "{text}");
        assert!(text.is_ascii() || !text.split("\r\n\r\n").next().unwrap().contains('ë'));
    }
}
