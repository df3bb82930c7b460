//! Word documents (.docx) read by the worker's `luoshi_excel::docx` and
//! then by the 工作要点 reader (`format::breakdown`): documents built here
//! with the zip crate in the styles real ones use — typed numbers, Word's
//! automatic numbering (一、 （一） 1. as list levels, in paragraphs and
//! through styles, restarting and continuing), a task table with merged
//! cells, tracked changes — each checked as text and as the proposed tree;
//! a document saved by LibreOffice; files that are not .docx (old Word and
//! WPS, encrypted, Excel, damaged, a zip bomb) refused with their message;
//! and random, truncated and corrupted bytes read without panicking; a
//! chosen file told by its bytes and name (.docx, text in UTF-8, UTF-16
//! or GB18030, or refused); the answers' JSON read back as the page does.

#![cfg(not(target_arch = "wasm32"))]

use luoshi::format::breakdown::{read_breakdown, to_plan, Proposal};
use luoshi::format::json::from_text;
use luoshi::model::plan::{Plan, Unit, UnitKind};
use luoshi_excel::docx::{docx_text, file_text, DocxError, MAX_TEXT};
use std::io::{Cursor, Write};
use std::path::PathBuf;
use zip::write::SimpleFileOptions;

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// A .docx of `body` (the XML inside w:body), with `numbering` and
/// `styles` parts when given (the XML inside their root elements).
fn docx(body: &str, numbering: Option<&str>, styles: Option<&str>) -> Vec<u8> {
    let mut parts = vec![
        (
            "[Content_Types].xml",
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#
                .to_string(),
        ),
        (
            "_rels/.rels",
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#
                .to_string(),
        ),
        (
            "word/document.xml",
            format!(
                r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="{W}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" mc:Ignorable="w14"><w:body>{body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>"#
            ),
        ),
    ];
    let mut rels = String::new();
    if let Some(n) = numbering {
        parts.push((
            "word/numbering.xml",
            format!(
                r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering xmlns:w="{W}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml">{n}</w:numbering>"#
            ),
        ));
        rels.push_str(r#"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>"#);
    }
    if let Some(s) = styles {
        parts.push((
            "word/styles.xml",
            format!(
                r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="{W}">{s}</w:styles>"#
            ),
        ));
        rels.push_str(r#"<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#);
    }
    parts.push((
        "word/_rels/document.xml.rels",
        format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>"#
        ),
    ));
    zip_of(
        &parts
            .iter()
            .map(|(n, t)| (*n, t.as_bytes()))
            .collect::<Vec<_>>(),
    )
}

fn zip_of(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, bytes) in parts {
        out.start_file(*name, SimpleFileOptions::default())
            .expect("start part");
        out.write_all(bytes).expect("write part");
    }
    out.finish().expect("finish zip").into_inner()
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// A run of text.
fn r(text: &str) -> String {
    format!(
        r#"<w:r><w:t xml:space="preserve">{}</w:t></w:r>"#,
        esc(text)
    )
}

/// A paragraph of one run.
fn p(text: &str) -> String {
    format!("<w:p>{}</w:p>", r(text))
}

/// A paragraph in list `num` at level `ilvl`.
fn li(num: u32, ilvl: u32, text: &str) -> String {
    format!(
        r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num}"/></w:numPr></w:pPr>{}</w:p>"#,
        r(text)
    )
}

/// A paragraph of style `style`.
fn styled(style: &str, text: &str) -> String {
    format!(
        r#"<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr>{}</w:p>"#,
        r(text)
    )
}

/// A level of an abstract list.
fn lvl(ilvl: u32, fmt: &str, text: &str, extra: &str) -> String {
    format!(
        r#"<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>{extra}<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="420" w:hanging="420"/></w:pPr></w:lvl>"#
    )
}

/// The three levels a 工作要点 numbers: 一、 （一） 1.
fn three_levels(id: u32, extra: [&str; 3]) -> String {
    format!(
        r#"<w:abstractNum w:abstractNumId="{id}"><w:multiLevelType w:val="multilevel"/>{}{}{}</w:abstractNum>"#,
        lvl(0, "chineseCounting", "%1、", extra[0]),
        lvl(1, "chineseCounting", "（%2）", extra[1]),
        lvl(2, "decimal", "%3.", extra[2]),
    )
}

fn num(id: u32, abs: u32, overrides: &str) -> String {
    format!(r#"<w:num w:numId="{id}"><w:abstractNumId w:val="{abs}"/>{overrides}</w:num>"#)
}

/// A table cell with `props` (tcPr content) and paragraphs.
fn tc(props: &str, paragraphs: &[&str]) -> String {
    let body: String = paragraphs.iter().map(|t| p(t)).collect();
    let body = if body.is_empty() {
        "<w:p/>".to_string()
    } else {
        body
    };
    format!("<w:tc><w:tcPr>{props}</w:tcPr>{body}</w:tc>")
}

fn tr(cells: &[String]) -> String {
    format!("<w:tr>{}</w:tr>", cells.concat())
}

fn tbl(rows: &[String]) -> String {
    format!(
        r#"<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol/></w:tblGrid>{}</w:tbl>"#,
        rows.concat()
    )
}

fn text(bytes: &[u8]) -> String {
    docx_text(bytes).unwrap_or_else(|e| panic!("not read: {e}"))
}

fn unit(id: &str, name: &str, short: &str) -> Unit {
    Unit {
        id: id.into(),
        name: name.into(),
        short_name: short.into(),
        kind: UnitKind::PartyDepartment,
        leader: String::new(),
    }
}

fn registry() -> Vec<Unit> {
    vec![
        unit("zzb", "区委组织部", "组织部"),
        unit("xcb", "区委宣传部", "宣传部"),
        unit("bgs", "区委办公室", "区委办"),
        unit("rsj", "区人力资源和社会保障局", "区人社局"),
    ]
}

fn propose(text: &str) -> Proposal {
    read_breakdown(text, &registry(), 2026).unwrap_or_else(|e| panic!("{e}:\n{text}"))
}

/// One line per entry: indent by depth, level, number, title, lead unit
/// (new ones marked +), deadline.
fn render(p: &Proposal) -> String {
    let mut depth = vec![0usize; p.nodes.len()];
    let mut out = String::new();
    for (i, n) in p.nodes.iter().enumerate() {
        depth[i] = n.parent.map_or(0, |p| depth[p] + 1);
        let mut line = format!(
            "{}{} {} {}",
            "  ".repeat(depth[i]),
            n.level.key(),
            n.number,
            n.title
        );
        if let Some(l) = &n.lead {
            line.push_str(&format!(
                " | 牵头={}{}",
                if l.new { "+" } else { "" },
                if l.new { &l.written } else { &l.unit_id }
            ));
        }
        if !n.support.is_empty() {
            let s: Vec<&str> = n.support.iter().map(|u| u.written.as_str()).collect();
            line.push_str(&format!(" | 配合={}", s.join(",")));
        }
        if let Some(d) = n.due {
            line.push_str(&format!(" | 时限={d}"));
        }
        out.push_str(&line);
        out.push('\n');
    }
    out
}

#[test]
fn typed_numbers_read_as_written() {
    let body = [
        p("中共××区委2026年工作要点"),
        "<w:p/>".to_string(),
        p("2026年全区工作的总体要求是：坚持稳中求进。"),
        p("一、党的建设"),
        p("（一）加强党的政治建设"),
        // Text split over runs, a tab and an escaped character.
        format!(
            "<w:p>{}{}<w:r><w:tab/></w:r>{}</w:p>",
            r("1. 深入学习"),
            r("贯彻党的二十大精神"),
            r("（区委组织部牵头，区委宣传部配合，3月底前完成）")
        ),
        p("2. 严格执行重大事项请示报告制度（区委办公室牵头，12月底前）"),
        p("二、民生保障"),
        p("（二）稳定和扩大就业"),
        p("3. 开展就业援助月活动（区人社局牵头，2月底前）"),
        p("中共××区委办公室"),
        p("2026年1月10日"),
    ]
    .concat();
    let t = text(&docx(&body, None, None));
    assert_eq!(
        t,
        "中共××区委2026年工作要点\n\n2026年全区工作的总体要求是：坚持稳中求进。\n一、党的建设\n（一）加强党的政治建设\n1. 深入学习贯彻党的二十大精神\t（区委组织部牵头，区委宣传部配合，3月底前完成）\n2. 严格执行重大事项请示报告制度（区委办公室牵头，12月底前）\n二、民生保障\n（二）稳定和扩大就业\n3. 开展就业援助月活动（区人社局牵头，2月底前）\n中共××区委办公室\n2026年1月10日"
    );
    let p = propose(&t);
    assert_eq!(
        (p.title.as_str(), p.year),
        ("中共××区委2026年工作要点", 2026)
    );
    assert_eq!(p.issuer, "中共××区委办公室");
    assert_eq!(
        render(&p),
        "\
area 一 党的建设
  group （一） 加强党的政治建设
    item 1 深入学习贯彻党的二十大精神 | 牵头=zzb | 配合=区委宣传部 | 时限=2026-03-31
    item 2 严格执行重大事项请示报告制度 | 牵头=bgs | 时限=2026-12-31
area 二 民生保障
  group （二） 稳定和扩大就业
    item 3 开展就业援助月活动 | 牵头=rsj | 时限=2026-02-28
"
    );
}

/// Word's numbering for a 工作要点: list 1 over levels 一、 （一） 1.
fn auto_numbered(extra: [&str; 3]) -> Vec<u8> {
    let numbering = format!("{}{}", three_levels(0, extra), num(1, 0, ""));
    let body = [
        p("中共××区委2026年工作要点"),
        li(1, 0, "党的建设"),
        li(1, 1, "加强党的政治建设"),
        li(
            1,
            2,
            "深入学习贯彻党的二十大精神（区委组织部牵头，3月底前）",
        ),
        li(
            1,
            2,
            "严格执行重大事项请示报告制度（区委办公室牵头，12月底前）",
        ),
        li(1, 1, "加强基层组织建设"),
        li(
            1,
            2,
            "开展软弱涣散基层党组织整顿（区委组织部牵头，9月底前）",
        ),
        li(1, 0, "民生保障"),
        li(1, 1, "稳定和扩大就业"),
        li(1, 2, "开展就业援助月活动（区人社局牵头，2月底前）"),
        p("中共××区委办公室"),
    ]
    .concat();
    docx(&body, Some(&numbering), None)
}

#[test]
fn word_numbering_is_written_before_each_paragraph() {
    let t = text(&auto_numbered(["", "", ""]));
    // Lower levels start again when a higher one advances (Word's
    // default): （一） under each 一、, 1. under each （一）.
    assert_eq!(
        t,
        "中共××区委2026年工作要点\n一、 党的建设\n（一） 加强党的政治建设\n1. 深入学习贯彻党的二十大精神（区委组织部牵头，3月底前）\n2. 严格执行重大事项请示报告制度（区委办公室牵头，12月底前）\n（二） 加强基层组织建设\n1. 开展软弱涣散基层党组织整顿（区委组织部牵头，9月底前）\n二、 民生保障\n（一） 稳定和扩大就业\n1. 开展就业援助月活动（区人社局牵头，2月底前）\n中共××区委办公室"
    );
    assert_eq!(
        render(&propose(&t)),
        "\
area 一 党的建设
  group （一） 加强党的政治建设
    item 1 深入学习贯彻党的二十大精神 | 牵头=zzb | 时限=2026-03-31
    item 2 严格执行重大事项请示报告制度 | 牵头=bgs | 时限=2026-12-31
  group （二） 加强基层组织建设
    item 1 开展软弱涣散基层党组织整顿 | 牵头=zzb | 时限=2026-09-30
area 二 民生保障
  group （一） 稳定和扩大就业
    item 1 开展就业援助月活动 | 牵头=rsj | 时限=2026-02-28
"
    );
}

#[test]
fn levels_that_never_restart_count_through_the_document() {
    // Real 工作要点 often number （一） and 1. on through the sections:
    // w:lvlRestart 0 on those levels; no suffix after the number.
    let never = r#"<w:lvlRestart w:val="0"/><w:suff w:val="nothing"/>"#;
    let t = text(&auto_numbered([
        r#"<w:suff w:val="nothing"/>"#,
        never,
        never,
    ]));
    let lines: Vec<&str> = t.lines().collect();
    assert_eq!(
        lines[1..10],
        [
            "一、党的建设",
            "（一）加强党的政治建设",
            "1.深入学习贯彻党的二十大精神（区委组织部牵头，3月底前）",
            "2.严格执行重大事项请示报告制度（区委办公室牵头，12月底前）",
            "（二）加强基层组织建设",
            "3.开展软弱涣散基层党组织整顿（区委组织部牵头，9月底前）",
            "二、民生保障",
            "（三）稳定和扩大就业",
            "4.开展就业援助月活动（区人社局牵头，2月底前）",
        ]
    );
    let p = propose(&t);
    assert_eq!(p.counts().work_items, 4);
    assert_eq!(p.counts().groups, 3);
}

#[test]
fn lists_sharing_a_definition_count_on_unless_one_restarts() {
    // Lists 1 and 2 share abstract list 0: Word counts on from one to the
    // other; list 3 restarts level 3 (w:startOverride).
    let numbering = format!(
        "{}{}{}{}",
        three_levels(0, ["", "", ""]),
        num(1, 0, ""),
        num(2, 0, ""),
        num(
            3,
            0,
            r#"<w:lvlOverride w:ilvl="2"><w:startOverride w:val="1"/></w:lvlOverride>"#
        )
    );
    let body = [
        li(1, 2, "甲"),
        li(1, 2, "乙"),
        p("说明文字"),
        li(2, 2, "丙"),
        li(3, 2, "丁"),
        li(3, 2, "戊"),
        // numId 0 takes a paragraph out of numbering.
        li(0, 2, "己"),
    ]
    .concat();
    assert_eq!(
        text(&docx(&body, Some(&numbering), None)),
        "1. 甲\n2. 乙\n说明文字\n3. 丙\n1. 丁\n2. 戊\n己"
    );
}

#[test]
fn the_formats_chinese_documents_use() {
    let fmt = |id: u32, fmt: &str, text: &str, start: u32| {
        format!(
            r#"<w:abstractNum w:abstractNumId="{id}"><w:lvl w:ilvl="0"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/></w:lvl></w:abstractNum>"#
        )
    };
    let kinds = [
        ("chineseCounting", "%1、", 9),
        ("chineseCountingThousand", "（%1）", 10),
        ("chineseCounting", "%1、", 20),
        ("chineseCountingThousand", "%1、", 101),
        ("ideographTraditional", "%1、", 1),
        ("decimalEnclosedCircle", "%1", 1),
        ("decimalEnclosedParen", "%1", 2),
        ("decimalEnclosedFullstop", "%1", 3),
        ("ideographEnclosedCircle", "%1", 1),
        ("chineseLegalSimplified", "%1、", 11),
        ("decimalZero", "%1.", 7),
        ("upperRoman", "%1.", 14),
        ("lowerLetter", "%1)", 28),
        ("decimalFullWidth", "%1．", 12),
        ("bullet", "", 1),
    ];
    let mut numbering = String::new();
    let mut body = String::new();
    for (i, (f, t, start)) in kinds.iter().enumerate() {
        let i = i as u32 + 1;
        numbering.push_str(&fmt(i, f, t, *start));
        body.push_str(&li(i, 0, "文字"));
    }
    for i in 1..=kinds.len() as u32 {
        numbering.push_str(&num(i, i, ""));
    }
    // Word 2010's custom format, with its fallback.
    numbering.push_str(r#"<w:abstractNum w:abstractNumId="99"><w:lvl w:ilvl="0"><w:start w:val="3"/><mc:AlternateContent><mc:Choice Requires="w14"><w:numFmt w:val="custom" w:format="001, 002, 003, ..."/></mc:Choice><mc:Fallback><w:numFmt w:val="decimal"/></mc:Fallback></mc:AlternateContent><w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:num w:numId="99"><w:abstractNumId w:val="99"/></w:num>"#);
    body.push_str(&li(99, 0, "文字"));
    let got = text(&docx(&body, Some(&numbering), None));
    let numbers: Vec<&str> = got
        .lines()
        .map(|l| l.trim_end_matches("文字").trim_end())
        .collect();
    assert_eq!(
        numbers,
        [
            "九、",
            "（十）",
            "二十、",
            "一百零一、",
            "甲、",
            "①",
            "⑵",
            "⒊",
            "㈠",
            "壹拾壹、",
            "07.",
            "XIV.",
            "bb)",
            "１２．",
            "",
            "003."
        ]
    );
}

#[test]
fn enclosed_numbers_are_items_to_the_reader() {
    let t = "2026年工作要点\n一、党建\n㈠加强政治建设\n⒈深入学习（区委组织部牵头，3月底前）\n⑴组织专题轮训（区委组织部牵头，2月底前）\n";
    assert_eq!(
        render(&propose(t)),
        "\
area 一 党建
  group ㈠ 加强政治建设
    item ⒈ 深入学习 | 牵头=zzb | 时限=2026-03-31
      item ⑴ 组织专题轮训 | 牵头=zzb | 时限=2026-02-28
"
    );
}

#[test]
fn numbering_through_paragraph_styles() {
    // 标题 1 carries list 5 at level 1 (一、), 标题 2 inherits it through
    // w:basedOn and takes level 2 from the list's w:pStyle, 要点 item
    // style carries its level in the style.
    let numbering = format!(
        r#"<w:abstractNum w:abstractNumId="5"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:pStyle w:val="Heading1"/><w:lvlText w:val="%1、"/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:pStyle w:val="Heading2"/><w:lvlText w:val="（%2）"/></w:lvl><w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl></w:abstractNum>{}"#,
        num(5, 5, "")
    );
    let styles = r#"<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="5"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Heading1"/><w:pPr><w:pPrChange w:id="1" w:author="x" w:date="2026-01-01T00:00:00Z"><w:pPr><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr></w:pPrChange></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Item"><w:name w:val="要点事项"/><w:pPr><w:numPr><w:ilvl w:val="2"/><w:numId w:val="5"/></w:numPr></w:pPr></w:style>"#;
    let body = [
        p("2026年区委工作要点"),
        styled("Heading1", "党的建设"),
        styled("Heading2", "加强党的政治建设"),
        styled("Item", "深入学习（区委组织部牵头，3月底前）"),
        styled("Item", "严格执行请示报告制度（区委办公室牵头）"),
        styled("Heading1", "民生保障"),
        styled("Item", "开展就业援助（区人社局牵头，2月底前）"),
    ]
    .concat();
    let t = text(&docx(&body, Some(&numbering), Some(styles)));
    assert_eq!(
        t,
        "2026年区委工作要点\n一、 党的建设\n（一） 加强党的政治建设\n1. 深入学习（区委组织部牵头，3月底前）\n2. 严格执行请示报告制度（区委办公室牵头）\n二、 民生保障\n1. 开展就业援助（区人社局牵头，2月底前）"
    );
    assert_eq!(
        render(&propose(&t)),
        "\
area 一 党的建设
  group （一） 加强党的政治建设
    item 1 深入学习 | 牵头=zzb | 时限=2026-03-31
    item 2 严格执行请示报告制度 | 牵头=bgs
area 二 民生保障
  item 1 开展就业援助 | 牵头=rsj | 时限=2026-02-28
"
    );
}

#[test]
fn a_task_table_with_numbered_and_merged_cells() {
    // 序号 numbered by Word ("%1."), a section row across the table, a
    // 重点任务 and a 完成时限 merged down over two rows, two units in
    // one cell on separate paragraphs.
    let numbering = format!(
        "{}{}",
        r#"<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>"#,
        num(1, 0, "")
    );
    let numbered = |_: ()| tc("", &[]).replace("<w:p/>", &li(1, 0, ""));
    let header = tr(&[
        tc("", &["序号"]),
        tc("", &["重点任务"]),
        tc("", &["具体措施"]),
        tc("", &["牵头单位"]),
        tc("", &["完成时限"]),
    ]);
    let section = tr(&[tc(r#"<w:gridSpan w:val="5"/>"#, &["一、党的建设"])]);
    let row1 = tr(&[
        numbered(()),
        tc(r#"<w:vMerge w:val="restart"/>"#, &["加强政治建设"]),
        tc("", &["深入学习贯彻党的二十大精神"]),
        tc("", &["区委组织部", "区委宣传部"]),
        tc(r#"<w:vMerge w:val="restart"/>"#, &["6月底前"]),
    ]);
    let row2 = tr(&[
        numbered(()),
        tc(r#"<w:vMerge/>"#, &[]),
        tc("", &["严格执行请示报告制度"]),
        tc("", &["区委办公室"]),
        tc(r#"<w:vMerge/>"#, &[]),
    ]);
    let row3 = tr(&[
        numbered(()),
        tc("", &["稳定就业"]),
        tc("", &["开展就业援助月活动"]),
        tc("", &["区人社局"]),
        tc("", &["2月底前"]),
    ]);
    let body = [
        p("2026年区委工作要点任务分解表"),
        tbl(&[header, section, row1, row2, row3]),
        p("中共××区委办公室"),
    ]
    .concat();
    let t = text(&docx(&body, Some(&numbering), None));
    assert_eq!(
        t,
        "2026年区委工作要点任务分解表\n序号\t重点任务\t具体措施\t牵头单位\t完成时限\n一、党的建设\t\t\t\t\n1.\t加强政治建设\t深入学习贯彻党的二十大精神\t区委组织部 区委宣传部\t6月底前\n2.\t加强政治建设\t严格执行请示报告制度\t区委办公室\t6月底前\n3.\t稳定就业\t开展就业援助月活动\t区人社局\t2月底前\n\n中共××区委办公室"
    );
    let p = propose(&t);
    assert_eq!(
        render(&p),
        "\
area 一 党的建设
  group （一） 加强政治建设
    item 1 深入学习贯彻党的二十大精神 | 牵头=zzb | 配合=区委宣传部 | 时限=2026-06-30
    item 2 严格执行请示报告制度 | 牵头=bgs | 时限=2026-06-30
  group （二） 稳定就业
    item 3 开展就业援助月活动 | 牵头=rsj | 时限=2026-02-28
"
    );
    assert_eq!(p.issuer, "中共××区委办公室");
}

#[test]
fn a_table_without_a_number_column_numbers_its_rows() {
    let header = tr(&[
        tc("", &["重点任务"]),
        tc("", &["牵头单位"]),
        tc("", &["完成时限"]),
    ]);
    let rows: Vec<String> = [
        ("深入学习贯彻党的二十大精神", "区委组织部", "3月底前"),
        ("开展就业援助月活动", "区人社局", "2月底前"),
    ]
    .iter()
    .map(|(a, b, c)| tr(&[tc("", &[a]), tc("", &[b]), tc("", &[c])]))
    .collect();
    let body = [p("2026年工作要点"), tbl(&[vec![header], rows].concat())].concat();
    let p = propose(&text(&docx(&body, None, None)));
    assert_eq!(
        render(&p),
        "\
item 1 深入学习贯彻党的二十大精神 | 牵头=zzb | 时限=2026-03-31
item 2 开展就业援助月活动 | 牵头=rsj | 时限=2026-02-28
"
    );
}

#[test]
fn nested_tables_and_text_boxes_stay_in_their_cell() {
    let inner = tbl(&[
        tr(&[tc("", &["区委组织部"]), tc("", &["区委宣传部"])]),
        tr(&[tc("", &["区委办公室"]), tc("", &[])]),
    ]);
    let outer = tbl(&[tr(&[
        tc("", &["1."]),
        format!("<w:tc>{}{inner}<w:p/></w:tc>", p("单位：")),
    ])]);
    // A text box (drawing, with its VML fallback, which must not repeat).
    let boxed = format!(
        r#"<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><w:txbxContent>{}</w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>{}</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>{}</w:p>"#,
        p("框内文字"),
        p("框内文字"),
        r("框外文字")
    );
    assert_eq!(
        text(&docx(&(outer + &boxed), None, None)),
        "1.\t单位： 区委组织部 区委宣传部 区委办公室\n\n框内文字\n框外文字"
    );
}

#[test]
fn tracked_changes_read_as_accepted() {
    let numbering = format!("{}{}", three_levels(0, ["", "", ""]), num(1, 0, ""));
    let del = |t: &str| {
        format!(
            r#"<w:del w:id="1" w:author="张三" w:date="2026-01-05T10:00:00Z"><w:r><w:delText>{t}</w:delText></w:r></w:del>"#
        )
    };
    let ins = |t: &str| {
        format!(
            r#"<w:ins w:id="2" w:author="张三" w:date="2026-01-05T10:00:00Z">{}</w:ins>"#,
            r(t)
        )
    };
    let mark_deleted =
        r#"<w:rPr><w:del w:id="3" w:author="张三" w:date="2026-01-05T10:00:00Z"/></w:rPr>"#;
    let body = [
        p("2026年区委工作要点"),
        li(1, 0, "党的建设"),
        li(1, 1, "加强党的政治建设"),
        // Deleted and inserted words in one item.
        format!(
            r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="2"/><w:numId w:val="1"/></w:numPr></w:pPr>{}{}{}{}</w:p>"#,
            r("深入学习贯彻党的二十大精神（"),
            del("区委宣传部"),
            ins("区委组织部"),
            r("牵头，3月底前）")
        ),
        // A whole numbered item deleted: its number is not used.
        format!(
            r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="2"/><w:numId w:val="1"/></w:numPr>{mark_deleted}</w:pPr>{}</w:p>"#,
            del("删去的事项（区委办公室牵头）")
        ),
        // A paragraph split in two by mistake and joined again.
        format!(
            r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="2"/><w:numId w:val="1"/></w:numPr>{mark_deleted}</w:pPr>{}</w:p>"#,
            r("严格执行重大事项")
        ),
        format!(
            r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="2"/><w:numId w:val="1"/></w:numPr></w:pPr>{}</w:p>"#,
            r("请示报告制度（区委办公室牵头，12月底前）")
        ),
        // Moved text: read where it went, not where it was; earlier
        // numbering in a property change is not applied; hidden text
        // and field codes are not shown.
        format!(
            r#"<w:p><w:pPr><w:pPrChange w:id="4" w:author="李四" w:date="2026-01-05T10:00:00Z"><w:pPr><w:numPr><w:ilvl w:val="2"/><w:numId w:val="1"/></w:numPr></w:pPr></w:pPrChange></w:pPr><w:moveFrom w:id="5" w:author="李四" w:date="2026-01-05T10:00:00Z">{}</w:moveFrom>{}<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>{}<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>"#,
            r("移走的话"),
            r("说明文字"),
            r("（第1页）")
        ),
        format!(
            r#"<w:p><w:moveTo w:id="6" w:author="李四" w:date="2026-01-05T10:00:00Z">{}</w:moveTo></w:p>"#,
            r("移走的话")
        ),
    ]
    .concat();
    let t = text(&docx(&body, Some(&numbering), None));
    assert_eq!(
        t,
        "2026年区委工作要点\n一、 党的建设\n（一） 加强党的政治建设\n1. 深入学习贯彻党的二十大精神（区委组织部牵头，3月底前）\n2. 严格执行重大事项请示报告制度（区委办公室牵头，12月底前）\n说明文字（第1页）\n移走的话"
    );
    assert_eq!(
        render(&propose(&t)),
        "\
area 一 党的建设
  group （一） 加强党的政治建设
    item 1 深入学习贯彻党的二十大精神 | 牵头=zzb | 时限=2026-03-31
    item 2 严格执行重大事项请示报告制度 | 牵头=bgs | 时限=2026-12-31
"
    );
}

fn fixture(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn old_word_wps_and_encrypted_files_are_refused_with_what_to_do() {
    let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    ole.extend(std::iter::repeat_n(0u8, 1024));
    assert_eq!(docx_text(&ole), Err(DocxError::OldFormat));
    assert_eq!(
        DocxError::OldFormat.to_string(),
        "这是旧版 Word（.doc）或 WPS（.wps）格式，请在 Word 或 WPS 中“另存为” .docx 后再选择"
    );
    let mut encrypted = ole.clone();
    encrypted.extend(
        "EncryptedPackage"
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes()),
    );
    assert_eq!(docx_text(&encrypted), Err(DocxError::Encrypted));
    assert!(DocxError::Encrypted.to_string().contains("打开密码"));
}

#[test]
fn files_that_are_not_word_documents_say_so() {
    let not_zip = docx_text("2026年工作要点\n一、党建".as_bytes()).unwrap_err();
    assert_eq!(not_zip, DocxError::NotZip);
    assert!(not_zip.to_string().starts_with("不是有效的 .docx 文件"));
    let empty = zip_of(&[("readme.txt", b"hello")]);
    let e = docx_text(&empty).unwrap_err();
    assert_eq!(e, DocxError::NoDocument);
    assert!(e.to_string().starts_with("不是有效的 .docx 文件"));
    let workbook = zip_of(&[("xl/workbook.xml", b"<workbook/>")]);
    assert_eq!(docx_text(&workbook), Err(DocxError::Spreadsheet));
    let real_workbook = fixture("xlsx/messy-ledger.xlsx");
    assert_eq!(docx_text(&real_workbook), Err(DocxError::Spreadsheet));
    // Damaged XML: a closing tag that does not match.
    let damaged = zip_of(&[(
        "word/document.xml",
        format!(r#"<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>甲</w:t></w:p></w:body></w:document>"#).as_bytes(),
    )]);
    let e = docx_text(&damaged).unwrap_err();
    assert!(
        matches!(e, DocxError::Damaged { ref part, .. } if part == "word/document.xml"),
        "{e:?}"
    );
    assert!(e.to_string().starts_with("文档内容已损坏"), "{e}");
    // Not UTF-8.
    let latin = zip_of(&[(
        "word/document.xml",
        b"<w:document>\xff\xfe\xfd</w:document>",
    )]);
    assert!(matches!(docx_text(&latin), Err(DocxError::Damaged { .. })));
    // UTF-16 with its mark is XML too.
    let xml = format!(
        r#"<?xml version="1.0" encoding="UTF-16"?><w:document xmlns:w="{W}"><w:body>{}</w:body></w:document>"#,
        p("一、党建")
    );
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(xml.encode_utf16().flat_map(|u| u.to_le_bytes()))
        .collect();
    assert_eq!(text(&zip_of(&[("word/document.xml", &utf16)])), "一、党建");
}

#[test]
fn the_main_part_is_found_through_the_package_relationships() {
    let doc = format!(
        r#"<w:document xmlns:w="{W}"><w:body>{}</w:body></w:document>"#,
        p("正文")
    );
    let rels = r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/word/document2.xml"/></Relationships>"#;
    let bytes = zip_of(&[
        ("_rels/.rels", rels.as_bytes()),
        ("word/document2.xml", doc.as_bytes()),
    ]);
    assert_eq!(text(&bytes), "正文");
}

#[test]
fn a_zip_bomb_is_not_unpacked() {
    // 65 MB of spaces inside the body deflate to about 64 KB.
    let mut doc = format!(r#"<w:document xmlns:w="{W}"><w:body>"#).into_bytes();
    doc.resize(65 * 1024 * 1024, b' ');
    doc.extend_from_slice(b"</w:body></w:document>");
    let bytes = zip_of(&[("word/document.xml", &doc)]);
    assert!(bytes.len() < 1024 * 1024, "{} bytes", bytes.len());
    let e = docx_text(&bytes).unwrap_err();
    assert!(matches!(e, DocxError::TooLarge { .. }), "{e:?}");
    assert!(e.to_string().contains("超过 64 MB"), "{e}");
}

/// xorshift: reproducible noise without a dependency.
struct Noise(u64);

impl Noise {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

#[test]
fn random_truncated_and_corrupted_bytes_never_panic() {
    let good = auto_numbered(["", "", ""]);
    let mut noise = Noise(0x9E37_79B9_7F4A_7C15);
    // Random bytes, some starting as a zip or an OLE file.
    for i in 0..300 {
        let len = (noise.next() % 4096) as usize;
        let mut bytes: Vec<u8> = (0..len).map(|_| noise.next() as u8).collect();
        let head: &[u8] = match i % 3 {
            0 => b"PK\x03\x04",
            1 => &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1],
            _ => b"",
        };
        bytes.splice(0..0, head.iter().copied());
        let _ = docx_text(&bytes);
    }
    // Every cut of a real document.
    for cut in (0..good.len()).step_by(7) {
        let _ = docx_text(&good[..cut]);
    }
    // Flipped bytes (damaged compressed data, bad checksums, headers).
    for _ in 0..500 {
        let mut bytes = good.clone();
        for _ in 0..1 + noise.next() % 4 {
            let at = (noise.next() as usize) % bytes.len();
            bytes[at] ^= 1 << (noise.next() % 8);
        }
        let _ = docx_text(&bytes);
    }
    // Cut and mangled XML inside a sound zip.
    let body = [li(1, 0, "党建"), li(1, 2, "甲（区委组织部牵头）")].concat();
    let xml = format!(r#"<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>"#);
    let numbering = format!(
        r#"<w:numbering xmlns:w="{W}">{}{}</w:numbering>"#,
        three_levels(0, ["", "", ""]),
        num(1, 0, "")
    );
    // (Cut anywhere, a character's bytes included.)
    let (xml, numbering) = (xml.as_bytes(), numbering.as_bytes());
    for cut in 0..xml.len() {
        let _ = docx_text(&zip_of(&[
            ("word/document.xml", &xml[..cut]),
            ("word/numbering.xml", numbering),
        ]));
        if cut % 5 == 0 {
            let _ = docx_text(&zip_of(&[
                ("word/document.xml", xml),
                ("word/numbering.xml", &numbering[..cut.min(numbering.len())]),
            ]));
        }
    }
    // Silly values: huge spans, starts and levels, a style cycle.
    let silly_numbering = format!(
        r#"<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="4294967295"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1%9%%"/></w:lvl><w:lvl w:ilvl="99"/></w:abstractNum>{}<w:num w:numId="2"><w:abstractNumId w:val="7"/></w:num><w:abstractNum w:abstractNumId="7"><w:numStyleLink w:val="L"/></w:abstractNum>"#,
        num(1, 0, "")
    );
    let silly_styles = r#"<w:style w:type="paragraph" w:styleId="A"><w:basedOn w:val="B"/></w:style><w:style w:type="paragraph" w:styleId="B"><w:basedOn w:val="A"/></w:style><w:style w:type="numbering" w:styleId="L"><w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style>"#;
    let silly_body = [
        li(1, 0, "甲"),
        li(1, 0, "乙"),
        li(2, 0, "丙"),
        li(1, 40, "丁"),
        styled("A", "戊"),
        tbl(&[tr(&[
            tc(r#"<w:gridSpan w:val="99999999"/>"#, &["宽"]),
            tc(r#"<w:vMerge/>"#, &[]),
        ])]),
        "<w:tr><w:tc><w:p/></w:tc></w:tr><w:tc/>".to_string(),
    ]
    .concat();
    let t = text(&docx(
        &silly_body,
        Some(&silly_numbering),
        Some(silly_styles),
    ));
    assert!(t.starts_with("4294967295"), "{t}");
    assert!(t.lines().count() >= 5, "{t}");
}

#[test]
fn documents_saved_by_libreoffice() {
    // tests/fixtures/breakdown/README.md says how they were made.
    let expected = "\
area 一 党的建设
  group （一） 加强党的政治建设
    item 1 深入学习贯彻党的二十大精神 | 牵头=zzb | 配合=区委宣传部 | 时限=2026-03-31
    item 2 严格执行重大事项请示报告制度 | 牵头=bgs | 时限=2026-12-31
";
    let typed = text(&fixture("breakdown/libreoffice-typed-2026.docx"));
    let p = propose(&typed);
    assert_eq!(
        (p.title.as_str(), p.year),
        ("中共××区委2026年工作要点", 2026)
    );
    assert!(render(&p).starts_with(expected), "{}", render(&p));
    assert_eq!(p.counts().work_items, 3);
    let numbered = text(&fixture("breakdown/libreoffice-numbered-2026.docx"));
    let p = propose(&numbered);
    assert!(
        numbered.contains("\n一、党的建设\n（一）加强党的政治建设\n1.深入学习"),
        "{numbered}"
    );
    assert!(render(&p).starts_with(expected), "{}", render(&p));
    assert_eq!(
        (p.counts().areas, p.counts().groups, p.counts().work_items),
        (2, 3, 4)
    );
    assert_eq!(p.issuer, "中共××区委办公室");
}

#[test]
fn a_chosen_file_is_read_for_what_it_is() {
    let doc = auto_numbered(["", "", ""]);
    assert_eq!(file_text(&doc, "2026年工作要点.docx"), docx_text(&doc));
    // A .docx renamed .txt is still read as one.
    assert_eq!(file_text(&doc, "要点.txt"), docx_text(&doc));
    // Text: UTF-8 (with or without its mark), UTF-16 with its mark, and
    // GB18030/GBK as Chinese Windows' Notepad and WPS save it.
    assert_eq!(
        file_text("一、党建".as_bytes(), "a.txt").as_deref(),
        Ok("一、党建")
    );
    assert_eq!(
        file_text(b"\xEF\xBB\xBF\xE4\xB8\x80\xE3\x80\x81", "a.txt").as_deref(),
        Ok("一、")
    );
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain("一、党建".encode_utf16().flat_map(|u| u.to_le_bytes()))
        .collect();
    assert_eq!(file_text(&utf16, "a.txt").as_deref(), Ok("一、党建"));
    let gbk = [0xD2, 0xBB, 0xA1, 0xA2, 0xB5, 0xB3, 0xBD, 0xA8];
    assert_eq!(file_text(&gbk, "a.txt").as_deref(), Ok("一、党建"));
    assert_eq!(
        file_text(b"\xFF\xFF\x41", "a.txt"),
        Err(DocxError::Undecodable)
    );
    assert!(DocxError::Undecodable.to_string().contains("UTF-8"));
    // Refused by their bytes, whatever the name…
    let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    ole.resize(512, 0);
    assert_eq!(file_text(&ole, "要点.wps"), Err(DocxError::OldFormat));
    assert_eq!(file_text(&ole, "要点.txt"), Err(DocxError::OldFormat));
    assert_eq!(
        file_text(b"{\\rtf1\\ansi ...}", "要点.doc"),
        Err(DocxError::Rtf)
    );
    assert_eq!(file_text(b"%PDF-1.7\n...", "要点.pdf"), Err(DocxError::Pdf));
    assert_eq!(
        file_text(b"GIF89a\x00\x01", "图.gif"),
        Err(DocxError::NotText)
    );
    // … or by their name.
    assert_eq!(
        file_text(b"plain words", "要点.doc"),
        Err(DocxError::OldFormat)
    );
    assert_eq!(
        file_text(b"plain words", "要点.WPS"),
        Err(DocxError::OldFormat)
    );
    assert_eq!(
        file_text(b"plain words", "要点.docx"),
        Err(DocxError::NotZip)
    );
    let big = vec![b'a'; MAX_TEXT + 1];
    assert_eq!(file_text(&big, "a.txt"), Err(DocxError::TextTooLarge));
}

#[test]
fn the_proposal_and_the_plan_travel_as_json_the_page_reads() {
    // What the worker answers is read by the page's one typed reader.
    let proposal = propose(&text(&auto_numbered(["", "", ""])));
    let json = serde_json::to_string(&proposal).expect("writes");
    let (back, unknown): (Proposal, bool) = from_text(&json).expect("reads");
    assert_eq!((back, unknown), (proposal.clone(), false));
    let plan = to_plan(&proposal, &registry(), "2026-12-07T09:00:00Z");
    let json = serde_json::to_string(&plan).expect("writes");
    let (back, unknown): (Plan, bool) = from_text(&json).expect("reads");
    assert_eq!((back, unknown), (plan.clone(), false));
    // 3 要点 and 4 work items.
    assert_eq!(plan.tasks.len(), 7);
    assert_eq!(plan.areas.len(), 2);
}

#[test]
fn a_long_document_reads_in_linear_time() {
    // 20,000 numbered paragraphs and a 2,000-row table, a few MB of XML.
    let numbering = format!("{}{}", three_levels(0, ["", "", ""]), num(1, 0, ""));
    let mut body = String::new();
    for i in 0..20_000 {
        body.push_str(&li(
            1,
            [0, 1, 2, 2][i % 4],
            "深入学习贯彻党的二十大精神（区委组织部牵头，3月底前）",
        ));
    }
    let rows: Vec<String> = (0..2_000)
        .map(|_| tr(&[tc("", &["1"]), tc("", &["任务"]), tc("", &["区委组织部"])]))
        .collect();
    body.push_str(&tbl(&rows));
    let bytes = docx(&body, Some(&numbering), None);
    let started = std::time::Instant::now();
    let t = text(&bytes);
    let took = started.elapsed();
    assert_eq!(t.lines().count(), 20_000 + 2_000);
    assert!(t.contains("\n五千、 "), "the 5,000th section");
    // Generous for a debug build on a shared machine; linear work takes
    // a fraction of it.
    assert!(took.as_secs_f64() < 5.0, "{took:?}");
    eprintln!("{} bytes of XML read in {took:?}", body.len());
}
