//! Letters as PDF (issue 17, item 3): a message to a resident who asked for
//! letters, laid out on A4 for staff to print and post, in the format they
//! asked for: standard (12 pt) or large print (18 pt; RNIB and the issue ask
//! 16 pt or more), in Helvetica, a plain sans-serif every PDF reader has.
//! The landlord's name and contact details head the page, the resident's
//! name and address sit where a window envelope shows them, then the date,
//! the subject and the message. The text is real text (WinAnsi-encoded, one
//! of the PDF standard fonts), so it can be read aloud, searched and copied.
//!
//! Written with `pdf-writer` (the Typst project's PDF writer); the layout
//! (wrapping words to the line, breaking pages) is here, measured with
//! Helvetica's published glyph widths.

use chrono::NaiveDate;
use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref, Str, TextStr};

/// A4, in points.
const WIDTH: f32 = 595.0;
const HEIGHT: f32 = 842.0;
/// 25 mm margins.
const MARGIN: f32 = 71.0;

/// What a letter says and to whom.
#[derive(Debug, Clone)]
pub struct Letter<'a> {
    /// The landlord's name, as the policy gives it.
    pub landlord: &'a str,
    /// The landlord's postal address, telephone number and email, as far as
    /// the policy gives them.
    pub landlord_contact: Vec<String>,
    /// The resident's name, then their address lines when known.
    pub to: Vec<String>,
    pub date: NaiveDate,
    pub subject: &'a str,
    pub body: &'a str,
    pub large_print: bool,
}

/// One line laid out: its text, size and whether it is bold.
#[derive(Debug, Clone, PartialEq)]
struct Line {
    text: String,
    size: f32,
    bold: bool,
    /// Space before it, in points.
    gap: f32,
}

impl Letter<'_> {
    fn body_size(&self) -> f32 {
        if self.large_print {
            18.0
        } else {
            12.0
        }
    }

    /// Every line of the letter, in order, wrapped to the page's width.
    fn lines(&self) -> Vec<Line> {
        let size = self.body_size();
        let heading = size + if self.large_print { 4.0 } else { 2.0 };
        let width = WIDTH - 2.0 * MARGIN;
        let mut lines = Vec::new();
        let push = |text: &str, size: f32, bold: bool, gap: f32, lines: &mut Vec<Line>| {
            for (n, part) in wrap(text, size, bold, width).into_iter().enumerate() {
                lines.push(Line {
                    text: part,
                    size,
                    bold,
                    gap: if n == 0 { gap } else { 0.0 },
                });
            }
        };
        push(self.landlord, heading, true, 0.0, &mut lines);
        for line in &self.landlord_contact {
            push(line, size, false, 0.0, &mut lines);
        }
        for (n, line) in self.to.iter().enumerate() {
            push(
                line,
                size,
                false,
                if n == 0 { size * 2.0 } else { 0.0 },
                &mut lines,
            );
        }
        push(&letter_date(self.date), size, false, size * 2.0, &mut lines);
        push(self.subject, heading, true, size * 1.5, &mut lines);
        let mut gap = size;
        for paragraph in self.body.split('\n') {
            if paragraph.trim().is_empty() {
                gap = size * 0.75;
                continue;
            }
            push(paragraph.trim_end(), size, false, gap, &mut lines);
            gap = 0.0;
        }
        lines
    }

    /// The letter as a PDF.
    pub fn pdf(&self) -> Vec<u8> {
        // Lay out the pages first, to number them "Page 1 of 2".
        let mut pages: Vec<Vec<(f32, Line)>> = vec![Vec::new()];
        let mut y = HEIGHT - MARGIN;
        let bottom = MARGIN + self.body_size() * 2.0;
        for line in self.lines() {
            let advance = line.gap + line.size * 1.4;
            if y - advance < bottom && !pages.last().is_some_and(Vec::is_empty) {
                pages.push(Vec::new());
                y = HEIGHT - MARGIN;
            }
            let gap = if pages.last().is_some_and(Vec::is_empty) {
                0.0
            } else {
                line.gap
            };
            y -= gap + line.size * 1.4;
            if let Some(page) = pages.last_mut() {
                page.push((y, line));
            }
        }

        let catalog = Ref::new(1);
        let tree = Ref::new(2);
        let regular = Ref::new(3);
        let bold = Ref::new(4);
        let info = Ref::new(5);
        let first_page = 6;
        let count = pages.len();
        let page_ref = |n: usize| Ref::new(first_page + 2 * i32::try_from(n).unwrap_or(0));
        let mut pdf = Pdf::new();
        pdf.catalog(catalog).pages(tree).lang(TextStr("en-GB"));
        pdf.pages(tree)
            .kids((0..count).map(page_ref))
            .count(i32::try_from(count).unwrap_or(i32::MAX));
        for (id, font) in [(regular, "Helvetica"), (bold, "Helvetica-Bold")] {
            pdf.type1_font(id)
                .base_font(Name(font.as_bytes()))
                .encoding_predefined(Name(b"WinAnsiEncoding"));
        }
        pdf.document_info(info)
            .title(TextStr(self.subject))
            .author(TextStr(self.landlord));
        let size = self.body_size();
        for (n, lines) in pages.iter().enumerate() {
            let id = page_ref(n);
            let contents = Ref::new(id.get() + 1);
            let mut page = pdf.page(id);
            page.parent(tree)
                .media_box(Rect::new(0.0, 0.0, WIDTH, HEIGHT))
                .contents(contents);
            let mut resources = page.resources();
            let mut fonts = resources.fonts();
            fonts.pair(Name(b"F1"), regular);
            fonts.pair(Name(b"F2"), bold);
            fonts.finish();
            resources.finish();
            page.finish();
            let mut content = Content::new();
            for (y, line) in lines {
                show(&mut content, MARGIN, *y, line);
            }
            if count > 1 {
                let number = Line {
                    text: format!("Page {} of {count}", n + 1),
                    size,
                    bold: false,
                    gap: 0.0,
                };
                show(&mut content, MARGIN, MARGIN - size, &number);
            }
            pdf.stream(contents, &content.finish());
        }
        pdf.finish()
    }
}

fn show(content: &mut Content, x: f32, y: f32, line: &Line) {
    let font = if line.bold { b"F2" } else { b"F1" };
    let bytes = win_ansi(&line.text);
    content
        .begin_text()
        .set_font(Name(font), line.size)
        .next_line(x, y)
        .show(Str(&bytes))
        .end_text();
}

/// "5 December 2026".
fn letter_date(date: NaiveDate) -> String {
    date.format("%-d %B %Y").to_string()
}

/// Words wrapped to lines no wider than `width` at `size`; a word wider
/// than the line (a long web address) is broken where it must be.
fn wrap(text: &str, size: f32, bold: bool, width: f32) -> Vec<String> {
    let fits = |s: &str| text_width(s, size, bold) <= width;
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        let candidate = if line.is_empty() {
            word.to_owned()
        } else {
            format!("{line} {word}")
        };
        if fits(&candidate) {
            line = candidate;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        // The word alone, broken into pieces that fit.
        let mut piece = String::new();
        for c in word.chars() {
            piece.push(c);
            if !fits(&piece) {
                piece.pop();
                lines.push(std::mem::take(&mut piece));
                piece.push(c);
            }
        }
        line = piece;
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// The width of `text` in points at `size`.
fn text_width(text: &str, size: f32, bold: bool) -> f32 {
    let units: u32 = text.chars().map(|c| glyph_width(c, bold)).sum();
    units as f32 * size / 1000.0
}

/// Helvetica and Helvetica-Bold advance widths (per 1000 em) of the
/// printable ASCII characters, from the fonts' published metrics; other
/// characters are counted as wide as the widest common letter, so a line
/// never runs off the page.
fn glyph_width(c: char, bold: bool) -> u32 {
    const REGULAR: [u16; 95] = [
        278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278,
        278, // ' '..'/'
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584,
        556, // '0'..'?'
        1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722,
        778, // '@'..'O'
        667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469,
        556, // 'P'..'_'
        333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556,
        556, // '`'..'o'
        556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, // 'p'..'~'
    ];
    const BOLD: [u16; 95] = [
        278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, //
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611, //
        975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778, //
        667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556, //
        333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, //
        611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584, //
    ];
    let table = if bold { &BOLD } else { &REGULAR };
    match u32::from(c) {
        code @ 32..=126 => u32::from(table[(code - 32) as usize]),
        _ => 1000,
    }
}

/// The text in WinAnsiEncoding (the standard fonts' encoding): Latin-1 as it
/// stands, the typographic quotes, dashes, bullet, ellipsis and euro where
/// Windows-1252 puts them, anything else as "?".
fn win_ansi(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| match c {
            ' '..='~' => c as u8,
            '\u{a0}'..='\u{ff}' => c as u8,
            '€' => 0x80,
            '…' => 0x85,
            '‘' => 0x91,
            '’' => 0x92,
            '“' => 0x93,
            '”' => 0x94,
            '•' => 0x95,
            '–' => 0x96,
            '—' => 0x97,
            '\t' => b' ',
            _ => b'?',
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_wrap_to_the_line_and_a_long_word_is_broken() {
        let lines = wrap(
            "the quick brown fox jumps over the lazy dog",
            12.0,
            false,
            100.0,
        );
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|l| text_width(l, 12.0, false) <= 100.0));
        assert_eq!(
            lines.join(" "),
            "the quick brown fox jumps over the lazy dog"
        );
        let long = "https://www.housing-ombudsman.org.uk/residents/make-a-complaint/";
        let pieces = wrap(long, 18.0, false, 200.0);
        assert!(pieces.len() > 1);
        assert_eq!(pieces.concat(), long);
        assert_eq!(wrap("", 12.0, false, 100.0), [""]);
    }

    #[test]
    fn a_long_letter_goes_on_to_numbered_pages() {
        let body =
            "A paragraph of the response, long enough to take a few lines of the page. ".repeat(6);
        let body = vec![body; 12].join("\n\n");
        let letter = Letter {
            landlord: "Pioneer Housing",
            landlord_contact: vec!["1 Pioneer Way".into(), "Telephone: 0300 000 0000".into()],
            to: vec![
                "Riya Resident".into(),
                "2 High Street".into(),
                "Leeds LS1 1AA".into(),
            ],
            date: NaiveDate::from_ymd_opt(2026, 12, 5).unwrap(),
            subject: "Our response to your complaint",
            body: &body,
            large_print: true,
        };
        let pdf = letter.pdf();
        let text = String::from_utf8_lossy(&pdf);
        let count: usize = text
            .split("/Count ")
            .nth(1)
            .and_then(|rest| rest.split_whitespace().next())
            .and_then(|n| n.parse().ok())
            .expect("a page count");
        assert!(count >= 2, "several pages: {count}");
        for page in 1..=count {
            assert!(
                text.contains(&format!("(Page {page} of {count})")),
                "page {page} numbered"
            );
        }
        // Every line of the body is on a page, within the margins.
        let lines = letter.lines();
        assert!(lines
            .iter()
            .all(|l| text_width(&l.text, l.size, l.bold) <= WIDTH - 2.0 * MARGIN));
        assert_eq!(
            lines
                .iter()
                .filter(|l| l.text.starts_with("A paragraph"))
                .count(),
            12
        );
    }

    #[test]
    fn typographic_characters_are_written_as_windows_1252_puts_them() {
        assert_eq!(win_ansi("£5 – “ok” é"), b"\xa35 \x96 \x93ok\x94 \xe9");
        assert_eq!(win_ansi("日"), b"?");
    }
}
