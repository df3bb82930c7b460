//! The page of an official document (GB/T 9704-2012 as far as docx-rs
//! writes it): A4, the standard margins, the fonts and sizes, the
//! paragraph styles the office sees in Word's and WPS's style list, and the
//! page number "— 1 —" in the footer (odd pages right, even pages left,
//! one character in from the edge of the text block).
//!
//! Lengths are in twips (1/20 pt; 1 mm = 56.7 twips), font sizes in half
//! points, as Word stores them.

use docx_rs::{
    AlignmentType, Docx, FieldCharType, Footer, InstrPAGE, InstrText, LineSpacing, LineSpacingType,
    PageMargin, PageOrientationType, PageSize, Paragraph, Run, RunFonts, SectionProperty,
    SpecialIndentType, Style, StyleType,
};

/// A4 in twips (210 × 297 mm).
pub const PAGE_WIDTH: u32 = 11906;
pub const PAGE_HEIGHT: u32 = 16838;
/// Margins: top 37 mm, bottom 35 mm, left 28 mm, right 26 mm, which leave
/// the standard 156 × 225 mm text block.
pub const MARGIN_TOP: i32 = 2098;
pub const MARGIN_BOTTOM: i32 = 1984;
pub const MARGIN_LEFT: i32 = 1587;
pub const MARGIN_RIGHT: i32 = 1474;
/// The footer's distance from the page's bottom edge: 22 mm puts the page
/// number's top about 7 mm below the text block, as the standard asks.
pub const FOOTER: i32 = 1247;
pub const HEADER: i32 = 851;
/// The text block's width (156 mm), which the tables fill.
pub const TEXT_WIDTH: usize = (PAGE_WIDTH as i32 - MARGIN_LEFT - MARGIN_RIGHT) as usize;
/// On a landscape page (a wide table, GB/T 9704-2012 10): the portrait
/// page turned so its binding edge is at the top, the text block the same
/// 225 × 156 mm lying down; the footer nearer the edge, as the bottom
/// margin is now the narrow one.
pub const LANDSCAPE_TEXT_WIDTH: usize = (PAGE_HEIGHT as i32 - MARGIN_BOTTOM - MARGIN_TOP) as usize;
const LANDSCAPE_FOOTER: i32 = 680;

/// 二号 (22 pt), 三号 (16 pt), 四号 (14 pt), 五号 (10.5 pt), in half
/// points.
pub const SIZE_2: usize = 44;
pub const SIZE_3: usize = 32;
pub const SIZE_4: usize = 28;
pub const SIZE_5: usize = 21;

/// One character of 三号 body text, for indents counted in characters.
pub const CHAR: i32 = 320;
/// The body's fixed line spacing: 28.95 pt, the standard's 22 lines in the
/// 225 mm text block.
pub const LINE: i32 = 579;

/// The fonts, by the names Word and WPS know them; never embedded. Each is
/// listed in the font table with the name of the font a computer without
/// it should use (see `package::font_table`).
pub const TITLE_FONT: &str = "方正小标宋简体";
pub const BODY_FONT: &str = "仿宋_GB2312";
pub const HEADING_FONT: &str = "黑体";
pub const LEAD_FONT: &str = "楷体_GB2312";
pub const NUMBER_FONT: &str = "宋体";

/// The paragraph and character styles, by id.
pub mod style {
    /// The body: 仿宋 三号, first line indented two characters, justified.
    pub const BODY: &str = "GwBody";
    /// 标题: 方正小标宋简体 二号, centred.
    pub const TITLE: &str = "GwTitle";
    /// Under the title: "（2026年11月）" in 楷体, centred.
    pub const SUBTITLE: &str = "GwSubtitle";
    /// 主送 and other lines flush left.
    pub const FLUSH: &str = "GwFlush";
    /// 一、 headings: 黑体, indented two characters, an outline level so
    /// Word's navigation pane lists them.
    pub const HEADING: &str = "GwHeading1";
    /// The run-in （一） leads: 楷体 (a character style).
    pub const LEAD: &str = "GwLead";
    /// 附件1 at the top of an attachment: 黑体, flush left.
    pub const ATTACHMENT_MARK: &str = "GwAttachmentMark";
    /// 落款 and the date: right-aligned.
    pub const SIGNATURE: &str = "GwSignature";
    /// Table cells: 仿宋 五号, single spacing.
    pub const CELL: &str = "GwCell";
    /// Table header cells: 黑体 五号, centred.
    pub const HEAD_CELL: &str = "GwHeadCell";
    /// The page number in the footer: 宋体 四号.
    pub const PAGE_NUMBER: &str = "GwPageNumber";
}

/// All four slots named alike, with the east-Asian hint so punctuation
/// such as “”、— takes the Chinese font too.
pub fn fonts(name: &str) -> RunFonts {
    RunFonts::new()
        .ascii(name)
        .hi_ansi(name)
        .east_asia(name)
        .cs(name)
        .hint("eastAsia")
}

fn exact(line: i32) -> LineSpacing {
    LineSpacing::new()
        .line_rule(LineSpacingType::Exact)
        .line(line)
        .before(0)
        .after(0)
}

fn single() -> LineSpacing {
    LineSpacing::new()
        .line_rule(LineSpacingType::Auto)
        .line(240)
        .before(0)
        .after(0)
}

fn paragraph_style(id: &str, name: &str) -> Style {
    Style::new(id, StyleType::Paragraph)
        .name(name)
        .based_on("Normal")
        .next(style::BODY)
        .q_format(true)
}

/// The styles. The document defaults are 仿宋 三号 with fixed 28.95 pt
/// lines (docx-rs writes its own empty Normal); the body style adds the
/// two-character first-line indent and justification; the rest differ from
/// the defaults only where they must.
fn styles(docx: Docx) -> Docx {
    let indented = |s: Style| {
        s.indent(
            None,
            Some(SpecialIndentType::FirstLine(2 * CHAR)),
            None,
            None,
        )
    };
    docx.default_fonts(fonts(BODY_FONT))
        .default_size(SIZE_3)
        .default_line_spacing(exact(LINE))
        .add_style(indented(
            paragraph_style(style::BODY, "公文正文").align(AlignmentType::Both),
        ))
        .add_style(
            paragraph_style(style::TITLE, "公文标题")
                .fonts(fonts(TITLE_FONT))
                .size(SIZE_2)
                .align(AlignmentType::Center)
                // Two lines of 二号 take a little more than the body's.
                .line_spacing(exact(700)),
        )
        .add_style(
            paragraph_style(style::SUBTITLE, "公文副标题")
                .fonts(fonts(LEAD_FONT))
                .align(AlignmentType::Center),
        )
        .add_style(paragraph_style(style::FLUSH, "顶格正文").align(AlignmentType::Both))
        .add_style(indented(
            paragraph_style(style::HEADING, "一级标题")
                .fonts(fonts(HEADING_FONT))
                .outline_lvl(0),
        ))
        .add_style(
            Style::new(style::LEAD, StyleType::Character)
                .name("二级标题（段首）")
                .fonts(fonts(LEAD_FONT))
                .q_format(true),
        )
        .add_style(paragraph_style(style::ATTACHMENT_MARK, "附件标识").fonts(fonts(HEADING_FONT)))
        .add_style(paragraph_style(style::SIGNATURE, "落款").align(AlignmentType::Right))
        .add_style(
            paragraph_style(style::CELL, "表格文字")
                .size(SIZE_5)
                .align(AlignmentType::Left)
                .line_spacing(single()),
        )
        .add_style(
            paragraph_style(style::HEAD_CELL, "表头文字")
                .fonts(fonts(HEADING_FONT))
                .size(SIZE_5)
                .align(AlignmentType::Center)
                .line_spacing(single()),
        )
        .add_style(
            paragraph_style(style::PAGE_NUMBER, "页码")
                .fonts(fonts(NUMBER_FONT))
                .size(SIZE_4)
                .line_spacing(single()),
        )
}

/// "— 1 —" with the number a PAGE field (Word and WPS fill it in on each
/// page), set one 四号 character in from the edge the number sits at.
fn page_number(align: AlignmentType) -> Paragraph {
    let one = 280;
    let (left, right) = match align {
        AlignmentType::Left => (one, 0),
        _ => (0, one),
    };
    let run = || Run::new().fonts(fonts(NUMBER_FONT)).size(SIZE_4);
    Paragraph::new()
        .style(style::PAGE_NUMBER)
        .align(align)
        .indent(Some(left), None, Some(right), None)
        .add_run(run().add_text("— "))
        .add_run(
            run()
                .add_field_char(FieldCharType::Begin, false)
                .add_instr_text(InstrText::PAGE(InstrPAGE::new()))
                .add_field_char(FieldCharType::Separate, false)
                .add_text("1")
                .add_field_char(FieldCharType::End, false),
        )
        .add_run(run().add_text(" —"))
}

fn portrait_margins() -> PageMargin {
    PageMargin::new()
        .top(MARGIN_TOP)
        .bottom(MARGIN_BOTTOM)
        .left(MARGIN_LEFT)
        .right(MARGIN_RIGHT)
        .header(HEADER)
        .footer(FOOTER)
        .gutter(0)
}

fn odd_footer() -> Footer {
    Footer::new().add_paragraph(page_number(AlignmentType::Right))
}

fn even_footer() -> Footer {
    Footer::new().add_paragraph(page_number(AlignmentType::Left))
}

/// The footers' relationship ids as docx-rs names the document's first
/// and second footer (`Docx::footer`, then `Docx::even_footer` in
/// `blank`): an earlier section refers to the same two footers by them.
const ODD_FOOTER_ID: &str = "rIdFooter1";
const EVEN_FOOTER_ID: &str = "rIdFooter2";

/// An empty document with the official page: A4, margins, styles, and
/// page numbers right on odd pages and left on even ones.
pub fn blank() -> Docx {
    let docx = Docx::new()
        .page_size(PAGE_WIDTH, PAGE_HEIGHT)
        .page_margin(portrait_margins());
    styles(docx).footer(odd_footer()).even_footer(even_footer())
}

/// Ends the portrait pages so far (a section) with an empty line: what
/// follows starts a new page, landscape once `landscape` has turned the
/// document's last section. The section shows the same page numbers.
/// (docx-rs's own sections lose an even-page footer given beside an odd
/// one, hence the section's properties on a paragraph.)
pub fn end_portrait_section() -> Paragraph {
    Paragraph::new().style(style::CELL).section_property(
        SectionProperty::new()
            .page_size(PageSize::new().size(PAGE_WIDTH, PAGE_HEIGHT))
            .page_margin(portrait_margins())
            .footer(odd_footer(), ODD_FOOTER_ID)
            .even_footer(even_footer(), EVEN_FOOTER_ID),
    )
}

/// Turns the document's last section (from the last `end_portrait_section`
/// on) to landscape.
pub fn landscape(docx: Docx) -> Docx {
    docx.page_size(PAGE_HEIGHT, PAGE_WIDTH)
        .page_orient(PageOrientationType::Landscape)
        .page_margin(
            PageMargin::new()
                .top(MARGIN_LEFT)
                .bottom(MARGIN_RIGHT)
                .left(MARGIN_BOTTOM)
                .right(MARGIN_TOP)
                .header(HEADER)
                .footer(LANDSCAPE_FOOTER)
                .gutter(0),
        )
}

/// A paragraph of `style` holding `text`.
pub fn styled(style: &str, text: &str) -> Paragraph {
    Paragraph::new()
        .style(style)
        .add_run(Run::new().add_text(text))
}

/// An empty line of body text.
pub fn blank_line() -> Paragraph {
    Paragraph::new().style(style::FLUSH)
}

/// How wide `text` prints, in half characters: CJK and full-width forms
/// take two, ASCII one. Enough to place the 落款 over its date.
pub fn half_widths(text: &str) -> i32 {
    text.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum()
}
