//! Letters as PDF (issue 17, item 3): a message to a resident who asked for
//! letters, laid out on A4 in the format they asked for: standard (12 pt)
//! or large print (18 pt; RNIB and the issue ask 16 pt or more), in
//! Helvetica, a plain sans-serif every PDF reader has. The text is real text
//! (WinAnsi-encoded, one of the PDF standard fonts), so it can be read
//! aloud, searched and copied.
//!
//! One PDF serves both ways a letter leaves: staff print and post it in a
//! window envelope, or GOV.UK Notify prints and posts it (a "precompiled
//! letter", `POST /v2/notifications/letter`). So the first page keeps to
//! Notify's letter specification, as its published documentation
//! (docs.notifications.service.gov.uk, "Send a precompiled letter" and the
//! letter specification it links to) and the checks of its template-preview
//! service (alphagov/notifications-template-preview, `app/precompiled.py`)
//! give it:
//! - A4 portrait, 210 × 297 mm (within 2 mm).
//! - Everything printed at least 15 mm from the left and right edges and
//!   5 mm from the top and bottom.
//! - The recipient's address inside the address window, 24.6 to 120 mm from
//!   the left and 39.5 to 66.3 mm from the top of the first page, and
//!   nothing else there: 3 to 7 lines, the last a UK postcode (or, for
//!   letters abroad, a country). Notify reads the address from that box,
//!   then writes it again itself in 8 pt Arial, so here it is only as large
//!   as fits (12 pt at most): large print is for the letter, not the envelope.
//! - On the first page, nothing else above 95 mm from the top but the logo
//!   area (15 to 125 mm across, 5 to 30 mm down) and the sender's column on
//!   the right (125 to 195 mm across, 5 to 95 mm down): here the landlord's
//!   name, contact details and the date sit in that column.
//! - The left margin's top corner is kept clear: Notify prints its "NOTIFY"
//!   tag there (4.3 mm down, centred in the 15 mm margin), and refuses a
//!   letter with that tag on a later page.
//! - Fonts embedded, or one of the standard fonts (Notify embeds those
//!   itself before printing): here Helvetica, a standard font.
//!
//! Written with `pdf-writer` (the Typst project's PDF writer); the layout
//! (wrapping words to the line, breaking pages) is here, measured with
//! Helvetica's published glyph widths.

use chrono::NaiveDate;
use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref, Str, TextStr};

/// Points in a millimetre.
pub const MM: f32 = 72.0 / 25.4;
/// A4, in points.
pub const WIDTH: f32 = 595.0;
pub const HEIGHT: f32 = 842.0;
/// 25 mm margins for the body of the letter (inside Notify's 15 mm).
const MARGIN: f32 = 25.0 * MM;

/// Notify's address window on the first page, in millimetres from the
/// page's top left corner: left, top, right, bottom.
pub const ADDRESS_WINDOW_MM: [f32; 4] = [24.6, 39.5, 120.0, 66.3];
/// Where the body may start on the first page, in millimetres from the top.
pub const BODY_TOP_MM: f32 = 95.0;
/// The sender's column on the first page: left and right, in millimetres.
const COLUMN_MM: [f32; 2] = [125.0, 195.0];
/// The largest address text (points).
const ADDRESS_MAX_SIZE: f32 = 12.0;
/// The most lines an address may have (Notify's limit), the name included.
pub const ADDRESS_MAX_LINES: usize = 7;

/// What a letter says and to whom.
#[derive(Debug, Clone)]
pub struct Letter<'a> {
    /// The landlord's name, as the policy gives it.
    pub landlord: &'a str,
    /// The landlord's postal address, telephone number and email, as far as
    /// the policy gives them.
    pub landlord_contact: Vec<String>,
    /// The resident's name, then their address lines when known (the
    /// postcode last).
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

/// A line placed on a page: x and y of its baseline's start.
type Placed = (f32, f32, Line);

impl Letter<'_> {
    fn body_size(&self) -> f32 {
        if self.large_print {
            18.0
        } else {
            12.0
        }
    }

    fn heading_size(&self) -> f32 {
        self.body_size() + if self.large_print { 4.0 } else { 2.0 }
    }

    /// `text` wrapped to `width`, as lines with `gap` before the first.
    fn wrapped(text: &str, size: f32, bold: bool, gap: f32, width: f32) -> Vec<Line> {
        wrap(text, size, bold, width)
            .into_iter()
            .enumerate()
            .map(|(n, part)| Line {
                text: part,
                size,
                bold,
                gap: if n == 0 { gap } else { 0.0 },
            })
            .collect()
    }

    /// The sender's column: the landlord's name, contact details and the date.
    fn column(&self) -> Vec<Line> {
        let size = self.body_size();
        let width = (COLUMN_MM[1] - COLUMN_MM[0]) * MM;
        let mut lines = Self::wrapped(self.landlord, self.heading_size(), true, 0.0, width);
        for line in &self.landlord_contact {
            lines.extend(Self::wrapped(line, size, false, 0.0, width));
        }
        lines.extend(Self::wrapped(
            &letter_date(self.date),
            size,
            false,
            size,
            width,
        ));
        lines
    }

    /// The address block: its lines, at the largest size (12 pt at most)
    /// at which every line fits the window's width and all of them its
    /// height; the size, and the lines.
    fn address(&self) -> (f32, Vec<String>) {
        let [left, top, right, bottom] = ADDRESS_WINDOW_MM;
        // Half a millimetre inside the window on each side.
        let width = (right - left - 1.0) * MM;
        let height = (bottom - top - 1.0) * MM;
        let lines: Vec<String> = self
            .to
            .iter()
            .map(|l| l.trim().to_owned())
            .filter(|l| !l.is_empty())
            .collect();
        let mut size = ADDRESS_MAX_SIZE;
        while size > 6.0 {
            let fits_across = lines.iter().all(|l| text_width(l, size, false) <= width);
            if fits_across && address_height(lines.len(), size) <= height {
                break;
            }
            size -= 0.5;
        }
        (size, lines)
    }

    /// The body: the subject, then the message, wrapped to the page.
    fn body_lines(&self) -> Vec<Line> {
        let size = self.body_size();
        let width = WIDTH - 2.0 * MARGIN;
        let mut lines = Self::wrapped(self.subject, self.heading_size(), true, 0.0, width);
        let mut gap = size;
        for paragraph in self.body.split('\n') {
            if paragraph.trim().is_empty() {
                gap = size * 0.75;
                continue;
            }
            lines.extend(Self::wrapped(paragraph.trim_end(), size, false, gap, width));
            gap = 0.0;
        }
        lines
    }

    /// Every line of the letter, in reading order (the column, the address,
    /// the body).
    #[cfg(test)]
    fn lines(&self) -> Vec<Line> {
        let (size, address) = self.address();
        let mut lines = self.column();
        lines.extend(address.into_iter().map(|text| Line {
            text,
            size,
            bold: false,
            gap: 0.0,
        }));
        lines.extend(self.body_lines());
        lines
    }

    /// The pages, each a list of lines placed on it.
    fn pages(&self) -> Vec<Vec<Placed>> {
        let mut first = Vec::new();
        // The sender's column, from 15 mm down.
        let column_x = COLUMN_MM[0] * MM;
        let mut y = HEIGHT - 15.0 * MM;
        for line in self.column() {
            y -= line.gap + line.size * 1.2;
            first.push((column_x, y, line));
        }
        let column_bottom = y - self.body_size() * 0.3;
        // The address, from the window's top, half a millimetre in.
        let [left, top, ..] = ADDRESS_WINDOW_MM;
        let (size, address) = self.address();
        let mut baseline = HEIGHT - (top + 0.5) * MM - size * ASCENT;
        for text in address {
            first.push((
                (left + 0.5) * MM,
                baseline,
                Line {
                    text,
                    size,
                    bold: false,
                    gap: 0.0,
                },
            ));
            baseline -= size * ADDRESS_LEADING;
        }
        // The body, below both.
        let mut pages = vec![first];
        flow(
            &mut pages,
            self.body_lines(),
            (HEIGHT - BODY_TOP_MM * MM).min(column_bottom),
            MARGIN + self.body_size() * 2.0,
        );
        pages
    }

    /// The letter as a PDF.
    pub fn pdf(&self) -> Vec<u8> {
        self.pdf_and_pages().0
    }

    /// The letter as a PDF, and how many pages it takes (laid out once).
    pub fn pdf_and_pages(&self) -> (Vec<u8>, usize) {
        let pages = self.pages();
        let count = pages.len();
        (
            write_pdf(&pages, self.subject, self.landlord, self.body_size()),
            count,
        )
    }
}

/// Places `lines` down the last of `pages` from `y`, starting a new page
/// whenever the next line would pass `bottom`.
fn flow(pages: &mut Vec<Vec<Placed>>, lines: Vec<Line>, mut y: f32, bottom: f32) {
    let mut page_empty = true;
    for line in lines {
        let gap = if page_empty { 0.0 } else { line.gap };
        let advance = gap + line.size * 1.4;
        if y - advance < bottom && !page_empty {
            // A new page, where the line starts at the top.
            pages.push(Vec::new());
            y = HEIGHT - MARGIN - line.size * 1.4;
        } else {
            y -= advance;
        }
        page_empty = false;
        if let Some(page) = pages.last_mut() {
            page.push((MARGIN, y, line));
        }
    }
}

/// Pages of placed lines as a PDF in Helvetica, with its title and author,
/// numbered ("Page 1 of 3", at `number_size`) when there is more than one.
fn write_pdf(pages: &[Vec<Placed>], title: &str, author: &str, number_size: f32) -> Vec<u8> {
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
        .title(TextStr(title))
        .author(TextStr(author));
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
        for (x, y, line) in lines {
            show(&mut content, *x, *y, line);
        }
        if count > 1 {
            let number = Line {
                text: format!("Page {} of {count}", n + 1),
                size: number_size,
                bold: false,
                gap: 0.0,
            };
            show(&mut content, MARGIN, MARGIN - number_size, &number);
        }
        pdf.stream(contents, &content.finish());
    }
    pdf.finish()
}

/// One part of a [`Document`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part {
    /// A heading, in bold.
    Heading(String),
    Paragraph(String),
    /// An item of a list, led by a bullet.
    Item(String),
}

/// A document laid out on A4 in 12 pt Helvetica with 25 mm margins, page
/// after page: a report rather than a letter, so without the address window.
#[derive(Debug, Clone)]
pub struct Document<'a> {
    pub title: &'a str,
    pub author: &'a str,
    pub parts: Vec<Part>,
}

impl Document<'_> {
    const SIZE: f32 = 12.0;

    /// Every line, in reading order: the title, then the parts.
    fn lines(&self) -> Vec<Line> {
        let width = WIDTH - 2.0 * MARGIN;
        let size = Self::SIZE;
        let mut lines = Letter::wrapped(self.title, size + 6.0, true, 0.0, width);
        for part in &self.parts {
            match part {
                Part::Heading(text) => {
                    lines.extend(Letter::wrapped(text, size + 2.0, true, size * 1.25, width))
                }
                Part::Paragraph(text) => {
                    lines.extend(Letter::wrapped(text, size, false, size * 0.6, width))
                }
                Part::Item(text) => {
                    let indent = 4.0 * MM;
                    for (n, line) in Letter::wrapped(text, size, false, size * 0.2, width - indent)
                        .into_iter()
                        .enumerate()
                    {
                        let bullet = if n == 0 { "\u{2022} " } else { "  " };
                        lines.push(Line {
                            text: format!("{bullet}{}", line.text),
                            ..line
                        });
                    }
                }
            }
        }
        lines
    }

    /// The pages, each a list of lines placed on it.
    fn pages(&self) -> Vec<Vec<Placed>> {
        let mut pages = vec![Vec::new()];
        flow(
            &mut pages,
            self.lines(),
            HEIGHT - MARGIN,
            MARGIN + Self::SIZE * 2.0,
        );
        pages
    }

    pub fn pdf(&self) -> Vec<u8> {
        write_pdf(&self.pages(), self.title, self.author, Self::SIZE)
    }
}

/// Helvetica's ascent and descent, as parts of the size.
const ASCENT: f32 = 0.75;
const DESCENT: f32 = 0.25;
/// The address block's line spacing, as a part of its size.
const ADDRESS_LEADING: f32 = 1.2;

/// The height `lines` lines of address take at `size`, ascent to descent.
fn address_height(lines: usize, size: f32) -> f32 {
    let lines = lines.max(1) as f32;
    size * (ASCENT + DESCENT) + (lines - 1.0) * size * ADDRESS_LEADING
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

/// Whether every character of `text` can be printed in the letters' font
/// (WinAnsiEncoding), rather than as "?".
pub fn can_print(text: &str) -> bool {
    text.chars()
        .zip(win_ansi(text))
        .all(|(c, byte)| byte != b'?' || c == '?')
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

    fn letter<'a>(to: &[&str], body: &'a str, large_print: bool) -> Letter<'a> {
        Letter {
            landlord: "Pioneer Housing Association",
            landlord_contact: vec![
                "1 Pioneer Way".into(),
                "Leeds".into(),
                "LS1 4AP".into(),
                "Telephone: 0300 000 0000".into(),
                "Email: complaints@pioneer-housing.example.org".into(),
            ],
            to: to.iter().map(|l| (*l).to_owned()).collect(),
            date: NaiveDate::from_ymd_opt(2026, 12, 5).unwrap(),
            subject: "We have received your complaint (PIR-2026-00042)",
            body,
            large_print,
        }
    }

    #[test]
    fn the_address_sits_in_notifys_window_and_the_letter_passes_notifys_checks() {
        for large_print in [false, true] {
            for to in [
                &["Riya Resident", "2 High Street", "Leeds", "LS1 1AA"][..],
                &[
                    "Riya Resident",
                    "Flat 12, Brunswick Court",
                    "Long Lane Industrial Estate",
                    "Little Snoring",
                    "Fakenham",
                    "Norfolk",
                    "NR21 0AA",
                ],
            ] {
                let body = "We have received your complaint. ".repeat(40);
                let pdf = letter(to, &body, large_print).pdf();
                // As Notify reads it: the lines in its address window.
                let lines = stand_ins::notify::check_letter(&pdf)
                    .unwrap_or_else(|e| panic!("{e}: large print {large_print}, {to:?}"));
                assert_eq!(lines, to, "large print {large_print}");
                let (_, runs) = stand_ins::pdf::read(&pdf).unwrap();
                let [left, top, right, bottom] = ADDRESS_WINDOW_MM;
                let address_runs = runs
                    .iter()
                    .filter(|r| r.page == 1 && r.x < COLUMN_MM[0] * MM)
                    .filter(|r| to.contains(&r.text.as_str()));
                for run in address_runs {
                    let from_top = (HEIGHT - run.y) / MM;
                    assert!(run.x / MM >= left && from_top - run.size * ASCENT / MM >= top);
                    assert!(from_top + run.size * DESCENT / MM <= bottom, "{run:?}");
                    assert!((run.x + text_width(&run.text, run.size, false)) / MM <= right);
                }
                // The body starts below the window, in large print at 18 pt.
                let body_runs: Vec<_> = runs
                    .iter()
                    .filter(|r| r.text.starts_with("We have received your complaint."))
                    .collect();
                assert!(!body_runs.is_empty());
                for run in body_runs {
                    assert!(run.page > 1 || (HEIGHT - run.y) / MM > BODY_TOP_MM);
                    assert_eq!(run.size, if large_print { 18.0 } else { 12.0 });
                }
            }
        }
    }

    #[test]
    fn a_letter_with_no_address_is_refused_by_notifys_checks() {
        let pdf = letter(&["Riya Resident"], "Hello", false).pdf();
        assert_eq!(
            stand_ins::notify::check_letter(&pdf).unwrap_err(),
            "not-enough-address-lines"
        );
        let pdf = letter(&["Riya Resident", "2 High Street", "Leeds"], "Hello", false).pdf();
        assert_eq!(
            stand_ins::notify::check_letter(&pdf).unwrap_err(),
            "not-a-real-uk-postcode"
        );
    }

    #[test]
    fn typographic_characters_are_written_as_windows_1252_puts_them() {
        assert_eq!(win_ansi("£5 – “ok” é"), b"\xa35 \x96 \x93ok\x94 \xe9");
        assert_eq!(win_ansi("日"), b"?");
    }
}
