//! Writing a `WorkbookSpec` as .xlsx with rust_xlsxwriter.

use crate::{CellSpec, MergeSpec, SheetSpec, Style, Value, WorkbookSpec};
use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook, Worksheet};

fn format(style: Style) -> Format {
    let body = Format::new()
        .set_border(FormatBorder::Thin)
        .set_text_wrap()
        .set_font_size(10.5);
    match style {
        Style::Title => Format::new()
            .set_bold()
            .set_font_size(18)
            .set_align(FormatAlign::Center)
            .set_align(FormatAlign::VerticalCenter),
        Style::Subtitle => Format::new()
            .set_font_size(11)
            .set_align(FormatAlign::Left)
            .set_align(FormatAlign::VerticalCenter),
        Style::Header => body
            .set_bold()
            .set_background_color("D9E1F2")
            .set_align(FormatAlign::Center)
            .set_align(FormatAlign::VerticalCenter),
        Style::Body => body.set_align(FormatAlign::Top),
        Style::Center => body
            .set_align(FormatAlign::Center)
            .set_align(FormatAlign::VerticalCenter),
        Style::Group => body.set_align(FormatAlign::VerticalCenter),
        Style::Total => body
            .set_bold()
            .set_align(FormatAlign::Center)
            .set_align(FormatAlign::VerticalCenter),
        Style::Section => body
            .set_bold()
            .set_background_color("F2F2F2")
            .set_align(FormatAlign::VerticalCenter),
    }
}

fn put(ws: &mut Worksheet, c: &CellSpec) -> Result<(), String> {
    let f = format(c.style);
    match &c.value {
        Value::Text(s) => ws.write_string_with_format(c.row, c.col, s, &f),
        Value::Number(n) => ws.write_number_with_format(c.row, c.col, *n, &f),
    }
    .map(|_| ())
    .map_err(|e| e.to_string())
}

fn merge(ws: &mut Worksheet, m: &MergeSpec) -> Result<(), String> {
    let r = m.range;
    let f = format(m.style);
    let text = match &m.value {
        Value::Text(s) => s.clone(),
        Value::Number(n) => n.to_string(),
    };
    if r.first_row == r.last_row && r.first_col == r.last_col {
        return put(
            ws,
            &CellSpec {
                row: r.first_row,
                col: r.first_col,
                value: m.value.clone(),
                style: m.style,
            },
        );
    }
    ws.merge_range(r.first_row, r.first_col, r.last_row, r.last_col, &text, &f)
        .map(|_| ())
        .map_err(|e| e.to_string())?;
    if let Value::Number(n) = m.value {
        // A merged number stays a number.
        ws.write_number_with_format(r.first_row, r.first_col, n, &f)
            .map_err(|e| e.to_string())?;
    }
    Ok(())
}

fn sheet(wb: &mut Workbook, s: &SheetSpec) -> Result<(), String> {
    let ws = wb.add_worksheet();
    ws.set_name(&s.name).map_err(|e| e.to_string())?;
    for (i, w) in s.widths.iter().enumerate() {
        ws.set_column_width(i as u16, *w)
            .map_err(|e| e.to_string())?;
    }
    for col in &s.hidden {
        ws.set_column_hidden(*col).map_err(|e| e.to_string())?;
    }
    for (row, h) in &s.heights {
        ws.set_row_height(*row, *h).map_err(|e| e.to_string())?;
    }
    for c in &s.cells {
        put(ws, c)?;
    }
    for m in &s.merges {
        merge(ws, m)?;
    }
    if s.freeze_rows > 0 {
        ws.set_freeze_panes(s.freeze_rows, 0)
            .map_err(|e| e.to_string())?;
        ws.set_repeat_rows(0, s.freeze_rows - 1)
            .map_err(|e| e.to_string())?;
    }
    if s.landscape {
        ws.set_landscape();
        // As wide as one page, as long as it needs: the committee's copy
        // must not carry its last columns over to a second sheet.
        ws.set_print_fit_to_pages(1, 0);
    }
    // A4.
    ws.set_paper_size(9);
    Ok(())
}

/// The .xlsx bytes of `spec`.
pub fn write(spec: &WorkbookSpec) -> Result<Vec<u8>, String> {
    let mut wb = Workbook::new();
    for s in &spec.sheets {
        sheet(&mut wb, s)?;
    }
    wb.save_to_buffer().map_err(|e| e.to_string())
}
