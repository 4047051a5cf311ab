//! Where the words of a PDF are: enough of a PDF reader to check a letter as
//! GOV.UK Notify does, by the text inside an area of its first page. It
//! reads the text operators simple PDF writers use (`BT`, `Tf`, `Td`, `TD`,
//! `Tm`, `T*`, `TL`, `Tj`, `TJ`, `'`, `ET`) with `lopdf`; a PDF it cannot
//! read is refused, as Notify refuses one it cannot read.

/// One run of text as placed on a page.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    /// The page, from 1.
    pub page: usize,
    /// The start of its baseline, in points from the page's bottom left.
    pub x: f32,
    pub y: f32,
    /// The font size, in points.
    pub size: f32,
    pub text: String,
}

/// A page's size, in points: width and height.
pub type PageSize = (f32, f32);

/// Every run of text of the PDF, page by page, and each page's size.
pub fn read(bytes: &[u8]) -> Result<(Vec<PageSize>, Vec<Run>), String> {
    let document = lopdf::Document::load_mem(bytes).map_err(|e| e.to_string())?;
    let mut sizes = Vec::new();
    let mut runs = Vec::new();
    for (n, (_, page_id)) in document.get_pages().into_iter().enumerate() {
        let page = document
            .get_dictionary(page_id)
            .map_err(|e| e.to_string())?;
        let media = page
            .get(b"MediaBox")
            .and_then(|m| m.as_array())
            .map_err(|e| e.to_string())?;
        let number = |i: usize| media.get(i).and_then(|v| v.as_float().ok()).unwrap_or(0.0);
        sizes.push((number(2) - number(0), number(3) - number(1)));
        let content = document.get_page_content(page_id);
        let content = lopdf::content::Content::decode(&content).map_err(|e| e.to_string())?;
        let (mut x, mut y, mut line_x, mut line_y, mut size, mut leading) =
            (0.0, 0.0, 0.0, 0.0, 0.0, 0.0);
        let float = |o: &lopdf::Object| o.as_float().unwrap_or(0.0);
        for op in content.operations {
            let operands = &op.operands;
            match op.operator.as_str() {
                "BT" => (x, y, line_x, line_y) = (0.0, 0.0, 0.0, 0.0),
                "Tf" if operands.len() == 2 => size = float(&operands[1]),
                "TL" if operands.len() == 1 => leading = float(&operands[0]),
                "Td" | "TD" if operands.len() == 2 => {
                    line_x += float(&operands[0]);
                    line_y += float(&operands[1]);
                    if op.operator == "TD" {
                        leading = -float(&operands[1]);
                    }
                    (x, y) = (line_x, line_y);
                }
                "Tm" if operands.len() == 6 => {
                    line_x = float(&operands[4]);
                    line_y = float(&operands[5]);
                    (x, y) = (line_x, line_y);
                }
                "T*" => {
                    line_y -= leading;
                    (x, y) = (line_x, line_y);
                }
                "Tj" | "'" | "TJ" => {
                    if op.operator == "'" {
                        line_y -= leading;
                        (x, y) = (line_x, line_y);
                    }
                    let text: String = operands
                        .iter()
                        .flat_map(|o| match o {
                            lopdf::Object::Array(parts) => parts.clone(),
                            other => vec![other.clone()],
                        })
                        .filter_map(|o| match o {
                            lopdf::Object::String(bytes, _) => Some(latin1(&bytes)),
                            _ => None,
                        })
                        .collect();
                    runs.push(Run {
                        page: n + 1,
                        x,
                        y,
                        size,
                        text,
                    });
                }
                _ => {}
            }
        }
    }
    Ok((sizes, runs))
}

/// WinAnsi text as Latin-1 (near enough for addresses and checks).
fn latin1(bytes: &[u8]) -> String {
    bytes.iter().map(|b| char::from(*b)).collect()
}

/// The lines of text on `page` whose baseline starts inside the area
/// `[left, top, right, bottom]` given in millimetres from the page's top left
/// corner (as Notify gives its areas), top to bottom.
pub fn text_in(
    runs: &[Run],
    page_height: f32,
    page: usize,
    [left, top, right, bottom]: [f32; 4],
) -> Vec<String> {
    const MM: f32 = 72.0 / 25.4;
    let mut inside: Vec<&Run> = runs
        .iter()
        .filter(|r| r.page == page)
        .filter(|r| {
            let from_top = (page_height - r.y) / MM;
            let from_left = r.x / MM;
            from_left >= left && from_left <= right && from_top >= top && from_top <= bottom
        })
        .collect();
    inside.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x.total_cmp(&b.x)));
    inside.iter().map(|r| r.text.trim().to_owned()).collect()
}
