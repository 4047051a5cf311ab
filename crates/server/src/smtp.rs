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

/// Removes line breaks, so a value cannot add headers or SMTP commands.
fn one_line(value: &str) -> String {
    value.chars().filter(|c| *c != '\r' && *c != '\n').collect()
}

/// The message as sent after DATA: headers, a blank line, the body with CRLF
/// line ends and leading dots doubled, then the closing dot.
pub fn data(email: &Email<'_>, date: &str) -> String {
    let mut text = format!(
        "From: {}\r\nTo: {}\r\nSubject: {}\r\nDate: {date}\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n",
        one_line(email.from),
        one_line(email.to),
        one_line(email.subject),
    );
    for line in email.body.lines() {
        if line.starts_with('.') {
            text.push('.');
        }
        text.push_str(line);
        text.push_str("\r\n");
    }
    text.push_str(".\r\n");
    text
}

/// Sends `email` through the relay at `relay` ("host:port").
pub async fn send(relay: &str, email: &Email<'_>, date: &str) -> Result<(), String> {
    tokio::time::timeout(TIMEOUT, conversation(relay, email, date))
        .await
        .map_err(|_| format!("the mail relay {relay} did not answer in time"))?
}

async fn conversation(relay: &str, email: &Email<'_>, date: &str) -> Result<(), String> {
    let stream = TcpStream::connect(relay)
        .await
        .map_err(|e| format!("cannot reach the mail relay {relay}: {e}"))?;
    let (read, mut write) = stream.into_split();
    let mut read = BufReader::new(read);
    expect(&mut read, 220).await?;
    let steps = [
        ("EHLO put-it-right\r\n".to_owned(), 250),
        (format!("MAIL FROM:<{}>\r\n", one_line(email.from)), 250),
        (format!("RCPT TO:<{}>\r\n", one_line(email.to)), 250),
        ("DATA\r\n".to_owned(), 354),
        (data(email, date), 250),
    ];
    for (command, code) in steps {
        write.write_all(command.as_bytes()).await.map_err(|e| e.to_string())?;
        expect(&mut read, code).await?;
    }
    let _ = write.write_all(b"QUIT\r\n").await;
    Ok(())
}

/// Reads a (possibly multi-line) reply and checks its code's class.
async fn expect<R: AsyncBufReadExt + Unpin>(read: &mut R, code: u16) -> Result<(), String> {
    loop {
        let mut line = String::new();
        let n = read.read_line(&mut line).await.map_err(|e| e.to_string())?;
        if n == 0 {
            return Err("the mail relay closed the connection".into());
        }
        let got: u16 = line.get(..3).and_then(|c| c.parse().ok()).unwrap_or(0);
        if line.as_bytes().get(3) == Some(&b'-') {
            continue;
        }
        // 250 and 251 (will forward) both accept a recipient.
        return if got / 10 == code / 10 {
            Ok(())
        } else {
            Err(format!("the mail relay answered: {}", line.trim_end()))
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_subject_cannot_add_headers_and_leading_dots_are_doubled() {
        let email = Email {
            from: "complaints@example.org",
            to: "rosa@example.com",
            subject: "Hello\r\nBcc: someone@evil.example",
            body: "Line one\n.\n.hidden",
        };
        let text = data(&email, "Mon, 23 Nov 2026 10:00:00 +0000");
        assert!(text.contains("Subject: HelloBcc: someone@evil.example\r\n"));
        assert!(!text.contains("\r\nBcc:"));
        assert!(text.ends_with("Line one\r\n..\r\n..hidden\r\n.\r\n"));
    }
}
