//! The 通报 and the 领导版 written as .docx (issue 21), read back two ways:
//! the package's XML (page, margins, fonts, styles, headings, the tables'
//! cells against the draft's numbers, page breaks, repeated header rows,
//! the page-number field), and LibreOffice Writer opening the file as an
//! office's copy would (its text; printed to PDF, its pages). The
//! LibreOffice checks are skipped, with a note, where `soffice` is absent.

use chrono::NaiveDate;
use luoshi::model::plan::Plan;
use luoshi::model::report::{draft, leader_sheets, Draft, PeriodKind, ReportPeriod};
use luoshi::model::sample::sample_plan;
use luoshi_report_docx::{figures_text, leaders_docx, report_docx, LEADER_HEADERS};
use std::io::{Cursor, Read};
use std::path::{Path, PathBuf};
use std::process::Command;

fn d(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a date")
}

fn november(plan: &Plan) -> Draft {
    let period = ReportPeriod::parse("2026-11").expect("a period");
    draft(
        plan,
        period,
        d("2026-11-30"),
        &plan.settings.report_next_steps,
    )
}

/// A part of the package, as text.
fn part(docx: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(Cursor::new(docx)).expect("a zip package");
    let mut file = zip
        .by_name(name)
        .unwrap_or_else(|_| panic!("no {name} in the package"));
    let mut text = String::new();
    file.read_to_string(&mut text).expect("UTF-8 XML");
    text
}

fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// The text of every `<w:t>` in `xml`, joined.
fn text_of(xml: &str) -> String {
    let mut out = String::new();
    let mut rest = xml;
    while let Some(at) = rest.find("<w:t") {
        rest = &rest[at + 4..];
        // `<w:t>` or `<w:t xml:space=…>`, not `<w:tbl>`, `<w:tc>`, `<w:tr>`…
        if !(rest.starts_with('>') || rest.starts_with(' ')) {
            continue;
        }
        let Some(open) = rest.find('>') else { break };
        if rest[..open].ends_with('/') {
            rest = &rest[open + 1..];
            continue;
        }
        let Some(close) = rest.find("</w:t>") else {
            break;
        };
        out.push_str(&unescape(&rest[open + 1..close]));
        rest = &rest[close..];
    }
    out
}

/// The pieces of `xml` between each `<{tag}` (open tag, attributes or
/// not) and its `</{tag}>`, not nested.
fn elements<'a>(xml: &'a str, tag: &str) -> Vec<&'a str> {
    let open = format!("<{tag}");
    let close = format!("</{tag}>");
    let mut out = Vec::new();
    let mut rest = xml;
    while let Some(at) = rest.find(&open) {
        let after = &rest[at + open.len()..];
        if !(after.starts_with('>') || after.starts_with(' ')) {
            rest = after;
            continue;
        }
        let Some(end) = after.find(&close) else { break };
        out.push(&rest[at..at + open.len() + end + close.len()]);
        rest = &after[end + close.len()..];
    }
    out
}

/// Each table of the document as rows of cell texts.
fn tables(document: &str) -> Vec<Vec<Vec<String>>> {
    elements(document, "w:tbl")
        .into_iter()
        .map(|t| {
            elements(t, "w:tr")
                .into_iter()
                .map(|r| elements(r, "w:tc").into_iter().map(text_of).collect())
                .collect()
        })
        .collect()
}

/// The paragraph (whole `<w:p>` element) whose text is `text`.
fn paragraph<'a>(document: &'a str, text: &str) -> &'a str {
    elements(document, "w:p")
        .into_iter()
        .find(|p| text_of(p) == text)
        .unwrap_or_else(|| panic!("no paragraph “{text}”"))
}

// ---- the package ----

#[test]
fn the_report_is_on_a4_with_the_official_margins_and_page_numbers() {
    let docx = report_docx(&november(&sample_plan(2026))).expect("written");
    let document = part(&docx, "word/document.xml");
    assert!(
        document.contains(r#"<w:pgSz w:w="11906" w:h="16838""#),
        "A4 portrait"
    );
    // 37, 26, 35 and 28 mm.
    let margins = elements(&document, "w:sectPr")
        .first()
        .map(|s| s.to_string())
        .unwrap_or_default();
    for want in [
        r#"w:top="2098""#,
        r#"w:right="1474""#,
        r#"w:bottom="1984""#,
        r#"w:left="1587""#,
    ] {
        assert!(margins.contains(want), "{want} in {margins}");
    }
    // Odd pages right, even pages left, "— PAGE —" in 宋体 四号.
    let settings = part(&docx, "word/settings.xml");
    assert!(settings.contains("evenAndOddHeaders"), "{settings}");
    assert!(margins.contains(r#"w:footerReference w:type="default""#));
    assert!(margins.contains(r#"w:footerReference w:type="even""#));
    for footer in ["word/footer1.xml", "word/footer2.xml"] {
        let xml = part(&docx, footer);
        assert!(xml.contains("<w:instrText>PAGE</w:instrText>"), "{xml}");
        assert!(xml.contains(r#"w:fldCharType="begin""#));
        assert_eq!(text_of(&xml), "— 1 —", "{footer}");
        assert!(xml.contains(r#"w:eastAsia="宋体""#) && xml.contains(r#"<w:sz w:val="28" />"#));
    }
    // Dated as judged, not 1970.
    let core = part(&docx, "docProps/core.xml");
    assert!(core.contains("2026-11-30T00:00:00Z"), "{core}");
    let right = part(&docx, "word/footer1.xml");
    let left = part(&docx, "word/footer2.xml");
    assert!(right.contains(r#"<w:jc w:val="right" />"#), "{right}");
    assert!(left.contains(r#"<w:jc w:val="left" />"#), "{left}");
}

#[test]
fn the_fonts_and_sizes_are_the_official_ones_and_never_embedded() {
    let docx = report_docx(&november(&sample_plan(2026))).expect("written");
    let styles = part(&docx, "word/styles.xml");
    // The defaults: 仿宋_GB2312 三号, fixed 28.95 pt lines.
    let defaults = elements(&styles, "w:docDefaults")[0];
    assert!(
        defaults.contains(r#"w:eastAsia="仿宋_GB2312""#),
        "{defaults}"
    );
    assert!(defaults.contains(r#"<w:sz w:val="32" />"#), "{defaults}");
    assert!(
        defaults.contains(r#"w:line="579" w:lineRule="exact""#)
            || defaults.contains(r#"w:lineRule="exact""#),
        "{defaults}"
    );
    let style = |id: &str| {
        elements(&styles, "w:style")
            .into_iter()
            .find(|s| s.contains(&format!(r#"w:styleId="{id}""#)))
            .unwrap_or_else(|| panic!("no style {id}"))
            .to_string()
    };
    let title = style("GwTitle");
    assert!(title.contains(r#"w:eastAsia="方正小标宋简体""#), "{title}");
    assert!(title.contains(r#"<w:sz w:val="44" />"#) && title.contains(r#"w:val="center""#));
    let heading = style("GwHeading1");
    assert!(heading.contains(r#"w:eastAsia="黑体""#), "{heading}");
    assert!(heading.contains(r#"w:firstLine="640""#), "{heading}");
    assert!(style("GwLead").contains(r#"w:eastAsia="楷体_GB2312""#));
    let body = style("GwBody");
    assert!(
        body.contains(r#"w:firstLine="640""#),
        "two characters: {body}"
    );
    assert!(style("GwCell").contains(r#"<w:sz w:val="21" />"#), "五号");
    // Named with what to use in their place, never embedded.
    let fonts = part(&docx, "word/fontTable.xml");
    for (font, alt) in [
        ("方正小标宋简体", "宋体"),
        ("仿宋_GB2312", "仿宋"),
        ("楷体_GB2312", "楷体"),
        ("黑体", "SimHei"),
    ] {
        assert!(
            fonts.contains(&format!(
                r#"<w:font w:name="{font}"><w:altName w:val="{alt}" /><w:charset w:val="86" />"#
            )),
            "{font}: {fonts}"
        );
    }
    assert!(!fonts.contains("embed"));
    let mut zip = zip::ZipArchive::new(Cursor::new(&docx)).expect("zip");
    let names: Vec<String> = (0..zip.len())
        .map(|i| zip.by_index(i).expect("entry").name().to_string())
        .collect();
    assert!(
        names.iter().all(|n| !n.starts_with("word/fonts/")),
        "{names:?}"
    );
}

#[test]
fn the_head_body_and_signature_are_laid_out_in_order() {
    let r = november(&sample_plan(2026));
    let docx = report_docx(&r).expect("written");
    let document = part(&docx, "word/document.xml");
    assert!(paragraph(&document, &r.title).contains(r#"w:val="GwTitle""#));
    assert!(paragraph(&document, &r.period_line).contains(r#"w:val="GwSubtitle""#));
    assert!(paragraph(&document, &r.addressees).contains(r#"w:val="GwFlush""#));
    assert!(paragraph(&document, &r.opening).contains(r#"w:val="GwBody""#));
    let body = r.body();
    assert_eq!(body.len(), 4, "四 parts with the default next steps");
    let mut at = 0;
    for section in &body {
        let heading = paragraph(&document, &section.heading);
        assert!(heading.contains(r#"w:val="GwHeading1""#), "{heading}");
        let found = document[at..]
            .find(heading)
            .unwrap_or_else(|| panic!("{} out of order", section.heading));
        at += found;
        for p in &section.paragraphs {
            let xml = paragraph(&document, &p.full());
            assert!(xml.contains(r#"w:val="GwBody""#));
            if !p.lead.is_empty() {
                // The lead is a run of its own in 楷体.
                let lead = elements(xml, "w:r")[0];
                assert!(lead.contains(r#"w:val="GwLead""#), "{lead}");
                assert_eq!(text_of(lead), p.lead);
            }
        }
    }
    let [first, second] = r.attachment_titles();
    assert!(document.contains(&format!("附件：1．{first}")));
    assert!(document.contains(&format!("2．{second}")));
    let issuer = paragraph(&document, &r.issuer);
    let date = paragraph(&document, &r.date_line);
    assert!(issuer.contains(r#"w:val="GwSignature""#) && date.contains(r#"w:val="GwSignature""#));
    // The date four characters in from the right.
    assert!(date.contains(r#"w:right="1280""#), "{date}");
    assert!(document.find(issuer) < document.find(date));
}

#[test]
fn each_attachment_starts_a_page_with_its_table_and_repeated_header() {
    let r = november(&sample_plan(2026));
    let docx = report_docx(&r).expect("written");
    let document = part(&docx, "word/document.xml");
    // 附件1 breaks the page; 附件2 starts the landscape section, so the
    // portrait one ends (a new-page section break) just before it.
    let mark1 = paragraph(&document, "附件1");
    assert!(mark1.contains("<w:pageBreakBefore"), "{mark1}");
    assert_eq!(
        document.matches("<w:pageBreakBefore").count(),
        1,
        "no other page breaks"
    );
    let paragraphs = elements(&document, "w:p");
    let at = paragraphs
        .iter()
        .position(|p| text_of(p) == "附件2")
        .expect("附件2");
    let before = paragraphs[at - 1];
    assert!(before.contains("<w:sectPr>"), "{before}");
    assert!(!before.contains("continuous"), "a new page: {before}");
    assert!(before.contains(r#"<w:pgSz w:w="11906" w:h="16838" />"#));
    let sections = elements(&document, "w:sectPr");
    assert_eq!(sections.len(), 2);
    assert!(
        sections[1].contains(r#"<w:pgSz w:w="16838" w:h="11906" w:orient="landscape" />"#),
        "{}",
        sections[1]
    );
    // Each table fills its page's text block: 156 mm, or 225 mm turned.
    let widths: Vec<&str> = elements(&document, "w:tbl")
        .into_iter()
        .filter_map(|t| t.split("<w:tblW w:w=\"").nth(1)?.split('"').next())
        .collect();
    assert_eq!(widths, ["8845", "12756"]);
    // Both sections number their pages with the same two footers.
    for s in &sections {
        assert!(s.contains(r#"w:footerReference w:type="default" r:id="rIdFooter1""#));
        assert!(s.contains(r#"w:footerReference w:type="even" r:id="rIdFooter2""#));
    }
    // Each attachment's title and table follow its mark.
    let [t1, t2] = r.attachment_titles();
    let mark1 = document.find(paragraph(&document, "附件1"));
    let mark2 = document.find(paragraph(&document, "附件2"));
    let title1 = document.find(paragraph(&document, t1));
    let title2 = document.find(paragraph(&document, t2));
    let tables: Vec<Option<usize>> = elements(&document, "w:tbl")
        .into_iter()
        .map(|t| document.find(t))
        .collect();
    assert!(mark1 < title1 && title1 < tables[0] && tables[0] < mark2);
    assert!(mark2 < title2 && title2 < tables[1]);
    // Two header rows for 附件1, one for 附件2, each repeated on every page.
    assert_eq!(document.matches("<w:tblHeader />").count(), 3);
    let rows = elements(&document, "w:tr");
    assert!(rows[0].contains("<w:tblHeader />") && rows[1].contains("<w:tblHeader />"));
    assert!(!rows[2].contains("<w:tblHeader />"));
    // Borders on every table.
    for t in elements(&document, "w:tbl") {
        assert!(t.contains("<w:tblBorders>") && t.contains(r#"<w:insideH w:val="single""#));
    }
}

#[test]
fn the_summary_table_holds_the_drafts_numbers() {
    let r = november(&sample_plan(2026));
    let docx = report_docx(&r).expect("written");
    let document = part(&docx, "word/document.xml");
    let all = tables(&document);
    assert_eq!(all.len(), 2);
    let summary = &all[0];
    // The header rows: the groups, then the columns under 已办结 and 办理中
    // (the merged cells below the others are empty).
    let groups: Vec<&str> = luoshi::model::report::SummaryTable::GROUPS
        .iter()
        .map(|(g, _)| *g)
        .collect();
    assert_eq!(summary[0], groups);
    let lower: Vec<&str> = summary[1].iter().map(String::as_str).collect();
    let mut want = vec!["", ""];
    want.extend(luoshi::model::report::SummaryTable::COLUMNS);
    want.extend(["", ""]);
    assert_eq!(lower, want);
    // A row per unit, then 合计, every count as in the draft.
    assert_eq!(summary.len(), 2 + r.summary.rows.len() + 1);
    assert!(!r.summary.rows.is_empty());
    for (i, row) in r.summary.rows.iter().enumerate() {
        let mut want = vec![(i + 1).to_string(), row.unit.clone()];
        want.extend(
            luoshi::model::report::SummaryTable::counts(row)
                .iter()
                .map(|n| n.to_string()),
        );
        assert_eq!(summary[2 + i], want, "{}", row.unit);
    }
    let mut total = vec!["合计".to_string()];
    total.extend(
        luoshi::model::report::SummaryTable::counts(&r.summary.total)
            .iter()
            .map(|n| n.to_string()),
    );
    assert_eq!(summary.last(), Some(&total));
    assert_eq!(r.summary.total.total(), r.figures().total);
}

#[test]
fn the_lagging_list_holds_the_drafts_rows_or_says_there_are_none() {
    let r = november(&sample_plan(2026));
    assert!(!r.lagging.rows.is_empty(), "the sample has lagging items");
    let docx = report_docx(&r).expect("written");
    let lagging = &tables(&part(&docx, "word/document.xml"))[1];
    assert_eq!(lagging[0], luoshi::model::report::LaggingList::HEADERS);
    assert_eq!(lagging.len(), 1 + r.lagging.rows.len());
    for (row, want) in lagging[1..].iter().zip(&r.lagging.rows) {
        assert_eq!(row, &want.cells().to_vec());
    }
    // An empty plan: the table says so across its width.
    let empty = november(&Plan::empty(2026));
    let docx = report_docx(&empty).expect("written");
    let document = part(&docx, "word/document.xml");
    let t = tables(&document);
    assert_eq!(t[1].len(), 2);
    assert_eq!(t[1][1], vec!["没有逾期或进度滞后的工作事项"]);
    assert!(document.contains(r#"<w:gridSpan w:val="8" />"#));
}

#[test]
fn text_from_the_plan_is_escaped_not_taken_for_markup() {
    let mut r = november(&sample_plan(2026));
    r.summary.rows[0].unit = "A&B <组> “引号”".into();
    r.title = "关于<通报>&测试".into();
    let docx = report_docx(&r).expect("written");
    let document = part(&docx, "word/document.xml");
    assert!(document.contains("A&amp;B &lt;组&gt; “引号”"));
    assert_eq!(tables(&document)[0][2][1], "A&B <组> “引号”");
    paragraph(&document, "关于<通报>&测试");
}

#[test]
fn the_leaders_edition_has_a_page_per_leader_with_their_items() {
    let p = sample_plan(2026);
    let sheets = leader_sheets(&p, d("2026-11-30"));
    assert!(sheets.len() >= 2);
    let docx = leaders_docx(&sheets).expect("written");
    let document = part(&docx, "word/document.xml");
    // Landscape A4, for the table's seven columns.
    assert!(document.contains(r#"<w:pgSz w:w="16838" w:h="11906" w:orient="landscape" />"#));
    assert_eq!(
        document.matches("<w:pageBreakBefore").count(),
        sheets.len() - 1,
        "every sheet after the first starts a page"
    );
    let t = tables(&document);
    assert_eq!(t.len(), sheets.len());
    for (sheet, table) in sheets.iter().zip(&t) {
        let title = paragraph(&document, &sheet.title);
        assert!(title.contains(r#"w:val="GwTitle""#));
        assert_eq!(title.contains("<w:pageBreakBefore"), sheet != &sheets[0]);
        paragraph(&document, &figures_text(&sheet.figures));
        assert_eq!(table[0], LEADER_HEADERS);
        assert_eq!(table.len(), 1 + sheet.items.len());
        for (row, item) in table[1..].iter().zip(&sheet.items) {
            assert_eq!(row[1], item.title);
            assert_eq!(row[2], item.lead_unit);
            assert_eq!(row[5], format!("{}%", item.progress));
        }
    }
    assert_eq!(document.matches("<w:tblHeader />").count(), sheets.len());
    // No leaders at all: a document that says so.
    let none = leaders_docx(&[]).expect("written");
    assert!(part(&none, "word/document.xml").contains("没有工作事项。"));
}

#[test]
fn the_draft_as_the_worker_receives_it_writes_the_same_document() {
    // The worker gets the draft as JSON; what it writes must not depend
    // on the trip.
    let r = november(&sample_plan(2026));
    let json = serde_json_roundtrip(&r);
    let a = part(&report_docx(&r).expect("written"), "word/document.xml");
    let b = part(&report_docx(&json).expect("written"), "word/document.xml");
    assert_eq!(text_of(&a), text_of(&b));
}

fn serde_json_roundtrip(r: &Draft) -> Draft {
    let text = serde_json::to_string(r).expect("serialised");
    serde_json::from_str(&text).expect("read back")
}

#[test]
fn a_quarterly_report_of_the_sample_is_written_too() {
    let p = sample_plan(2026);
    let period = ReportPeriod::containing(PeriodKind::Quarter, d("2026-09-30")).expect("Q3");
    let r = draft(&p, period, period.end(), &[]);
    let docx = report_docx(&r).expect("written");
    let document = part(&docx, "word/document.xml");
    assert!(document.contains("第三季度"));
    assert!(!document.contains("四、下步工作"), "no next steps given");
}

// ---- LibreOffice reads it ----

/// Runs LibreOffice on `file`, converting to `to` in `out`; `None` (with a
/// note) where it is not installed.
fn soffice(file: &Path, to: &str, out: &Path) -> Option<PathBuf> {
    if Command::new("soffice").arg("--version").output().is_err() {
        eprintln!("soffice not installed: skipping the LibreOffice check (apt-get install libreoffice-writer-nogui)");
        return None;
    }
    // A profile of its own, so tests running side by side do not wait
    // for one another's LibreOffice.
    let profile = out.join("profile");
    let status = Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--norestore", "--convert-to", to, "--outdir"])
        .arg(out)
        .arg(file)
        .output()
        .expect("soffice runs");
    let ext = to.split(':').next().unwrap_or(to);
    let made = out.join(file.with_extension(ext).file_name().expect("a name"));
    assert!(
        made.exists(),
        "LibreOffice did not convert {}: {}{}",
        file.display(),
        String::from_utf8_lossy(&status.stdout),
        String::from_utf8_lossy(&status.stderr)
    );
    Some(made)
}

fn scratch(name: &str) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("luoshi-report-docx-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a scratch folder");
    dir
}

fn pages(pdf: &Path) -> usize {
    let out = Command::new("pdfinfo")
        .arg(pdf)
        .output()
        .expect("pdfinfo runs (poppler-utils)");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("a page count")
}

/// Each page's width and height in points.
fn page_sizes(pdf: &Path) -> Vec<(f64, f64)> {
    let out = Command::new("pdfinfo")
        .args(["-f", "1", "-l", "999"])
        .arg(pdf)
        .output()
        .expect("pdfinfo runs");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter(|l| l.starts_with("Page ") && l.contains(" size:"))
        .filter_map(|l| {
            let dims = l.split("size:").nth(1)?;
            let mut it = dims.split_whitespace();
            let w = it.next()?.parse().ok()?;
            it.next(); // "x"
            let h = it.next()?.parse().ok()?;
            Some((w, h))
        })
        .collect()
}

#[test]
fn libreoffice_opens_the_report_with_its_text_and_pages() {
    let r = november(&sample_plan(2026));
    let dir = scratch("report");
    let file = dir.join("tongbao.docx");
    std::fs::write(&file, report_docx(&r).expect("written")).expect("saved");
    let Some(txt) = soffice(&file, "txt:Text", &dir) else {
        return;
    };
    let text = std::fs::read_to_string(&txt).expect("UTF-8 text");
    assert!(text.contains(&r.title), "{text}");
    assert!(
        text.contains(&r.overall.paragraphs[0].full()),
        "总体情况: {text}"
    );
    let unit = &r.summary.rows[0].unit;
    assert!(text.contains(unit.as_str()), "{unit}: {text}");
    assert!(text.contains(&r.lagging.rows[0].item.title), "附件2");
    let pdf = soffice(&file, "pdf", &dir).expect("converted");
    let n = pages(&pdf);
    assert!(n >= 3, "the body and two attachments: {n} pages");
    // The body and 附件1 portrait, 附件2 landscape.
    let sizes = page_sizes(&pdf);
    assert_eq!(sizes.len(), n);
    assert!(sizes[0].0 < sizes[0].1, "portrait: {sizes:?}");
    assert!(sizes[n - 1].0 > sizes[n - 1].1, "landscape: {sizes:?}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn libreoffice_opens_the_leaders_edition_with_a_page_per_leader() {
    let sheets = leader_sheets(&sample_plan(2026), d("2026-11-30"));
    let dir = scratch("leaders");
    let file = dir.join("lingdao.docx");
    std::fs::write(&file, leaders_docx(&sheets).expect("written")).expect("saved");
    let Some(pdf) = soffice(&file, "pdf", &dir) else {
        return;
    };
    let n = pages(&pdf);
    assert!(n >= sheets.len(), "{n} pages for {} leaders", sheets.len());
    let txt = soffice(&file, "txt:Text", &dir).expect("converted");
    let text = std::fs::read_to_string(&txt).expect("UTF-8 text");
    for s in &sheets {
        assert!(text.contains(&s.title), "{}", s.title);
    }
    let _ = std::fs::remove_dir_all(&dir);
}

// ---- what the end-to-end test sends the worker ----

/// tests/fixtures/report/: the sample plan's November 通报 and its 领导版 as
/// the page sends them to the worker, for tests/e2e/report_docx.test.mjs.
/// Written when missing or with LUOSHI_WRITE_FIXTURES=1; otherwise they must
/// still read as the current types, so a change to the draft's shape shows
/// here before it shows in the browser.
#[test]
fn the_end_to_end_fixtures_read_as_a_draft_and_leader_sheets() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/report");
    let plan = sample_plan(2026);
    let write = std::env::var_os("LUOSHI_WRITE_FIXTURES").is_some();
    let draft_path = dir.join("draft-2026-11.json");
    let sheets_path = dir.join("leaders-2026-11-30.json");
    if write || !draft_path.exists() {
        let text = serde_json::to_string(&november(&plan)).expect("serialised");
        std::fs::write(&draft_path, text).expect("fixture saved");
    }
    if write || !sheets_path.exists() {
        let sheets = leader_sheets(&plan, d("2026-11-30"));
        let text = serde_json::to_string(&sheets).expect("serialised");
        std::fs::write(&sheets_path, text).expect("fixture saved");
    }
    let draft: Draft = serde_json::from_str(
        &std::fs::read_to_string(&draft_path).expect("fixture"),
    )
    .expect("the fixture reads as the current Draft (LUOSHI_WRITE_FIXTURES=1 writes it anew)");
    assert_eq!(draft.title, "关于区委2026年工作要点落实情况的通报");
    let sheets: Vec<luoshi::model::report::LeaderSheet> =
        serde_json::from_str(&std::fs::read_to_string(&sheets_path).expect("fixture"))
            .expect("the fixture reads as the current LeaderSheet list");
    assert!(!sheets.is_empty());
    report_docx(&draft).expect("written");
    leaders_docx(&sheets).expect("written");
}
