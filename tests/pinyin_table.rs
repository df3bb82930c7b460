//! The compact pinyin table of search (`src/model/pinyin_table.bin`) is
//! the `pinyin` crate's data, and search reads every character of the
//! app's texts as it did with the crate (issue 19).
//!
//! Written again by `LUOSHI_WRITE_PINYIN=1 cargo test --test pinyin_table`
//! (after a change of the crate's version). Native only: the crate is a
//! dev-dependency, never in the wasm.
#![cfg(not(target_arch = "wasm32"))]

use luoshi::model::pinyin_table::{reading, DENSE_FIRST, DENSE_LAST, SYLLABLE_WIDTH};
use pinyin::ToPinyin;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

const TABLE: &str = "src/model/pinyin_table.bin";

/// A letter of a toneless syllable as typed on a keyboard: `ü` as `v`,
/// `ê` as `e`; combining marks (in a few interjections) dropped. What
/// search did with the crate's readings.
fn typed(c: char) -> Option<char> {
    match c {
        'a'..='z' => Some(c),
        'ü' => Some('v'),
        'ê' => Some('e'),
        _ => None,
    }
}

/// The crate's reading of `c`, as search used it.
fn crate_reading(c: char) -> Option<String> {
    c.to_pinyin()
        .map(|p| p.plain().chars().filter_map(typed).collect())
}

/// The characters the table keeps: the dense block, and the rest of the
/// BMP outside CJK Extension A.
fn kept(code: u32) -> bool {
    (DENSE_FIRST..=DENSE_LAST).contains(&code)
        || (code <= 0xFFFF && !(0x3400..=0x4DBF).contains(&code))
}

/// The table, made from the crate.
fn make() -> Vec<u8> {
    let mut readings = BTreeMap::new();
    for code in 0..=0xFFFF_u32 {
        if let Some(c) = char::from_u32(code).filter(|_| kept(code)) {
            if let Some(r) = crate_reading(c) {
                assert!(!r.is_empty() && r.len() <= SYLLABLE_WIDTH, "{c}: {r}");
                readings.insert(code, r);
            }
        }
    }
    let syllables: Vec<&String> = readings
        .values()
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let number = |r: &String| {
        syllables
            .iter()
            .position(|s| *s == r)
            .map(|i| i + 1)
            .expect("listed")
    };
    let mut out = Vec::new();
    out.extend(
        u16::try_from(syllables.len())
            .expect("few syllables")
            .to_le_bytes(),
    );
    for s in &syllables {
        out.extend(format!("{s:<SYLLABLE_WIDTH$}").bytes());
    }
    let others: Vec<(&u32, &String)> = readings
        .iter()
        .filter(|(c, _)| !(DENSE_FIRST..=DENSE_LAST).contains(*c))
        .collect();
    out.extend(
        u16::try_from(others.len())
            .expect("few others")
            .to_le_bytes(),
    );
    for (code, r) in others {
        out.extend(u16::try_from(*code).expect("BMP").to_le_bytes());
        out.extend(
            u16::try_from(number(r))
                .expect("few syllables")
                .to_le_bytes(),
        );
    }
    let dense: Vec<usize> = (DENSE_FIRST..=DENSE_LAST)
        .map(|code| readings.get(&code).map_or(0, number))
        .collect();
    assert!(dense.iter().all(|&n| n < 512), "nine bits a character");
    out.extend(dense.iter().map(|&n| (n & 0xFF) as u8));
    out.extend(dense.chunks(8).map(|eight| {
        eight
            .iter()
            .enumerate()
            .fold(0u8, |byte, (i, &n)| byte | (((n >> 8) as u8) << i))
    }));
    out
}

#[test]
fn the_table_is_made_from_the_pinyin_crate() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(TABLE);
    let made = make();
    if std::env::var_os("LUOSHI_WRITE_PINYIN").is_some() {
        std::fs::write(&path, &made).expect("the table writes");
    }
    let stored = std::fs::read(&path).expect("the table reads");
    assert!(
        stored == made,
        "{TABLE} is not what the pinyin crate gives: LUOSHI_WRITE_PINYIN=1 cargo test --test pinyin_table"
    );
}

#[test]
fn every_kept_character_reads_as_the_crate_reads_it_and_only_rare_ones_lose_theirs() {
    let mut lost = 0;
    for code in 0..=0x10FFFF_u32 {
        let Some(c) = char::from_u32(code) else {
            continue;
        };
        let ours = reading(c).map(str::to_string);
        let theirs = crate_reading(c);
        if kept(code) {
            assert_eq!(ours, theirs, "U+{code:04X} {c}");
        } else {
            assert_eq!(ours, None, "U+{code:04X} {c}");
            // Only CJK Extension A and the planes beyond the BMP.
            assert!((0x3400..=0x4DBF).contains(&code) || code > 0xFFFF);
            lost += usize::from(theirs.is_some());
        }
    }
    // The rare and historic characters of the extension blocks.
    assert!(lost > 15_000, "{lost}");
    assert_eq!(reading('组'), Some("zu"));
    assert_eq!(reading('绿'), Some("lv"));
    assert_eq!(reading('〇'), Some("ling"));
    assert_eq!(reading('a'), None);
    assert_eq!(reading('，'), None);
}

/// Every character of the sample plan and the seed speech (the 2022
/// district committee work conference) reads as the crate reads it: search
/// by 全拼 and 首字母 finds in them exactly what it found before.
#[test]
fn the_app_texts_read_exactly_as_with_the_crate() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let speech = std::fs::read_to_string(
        root.join("tests/fixtures/text/speech-2022-district-committee.txt"),
    )
    .expect("the seed speech reads");
    let plan = serde_json::to_string(&luoshi::model::sample::sample_plan(2026))
        .expect("the sample plan writes");
    let mut chinese = 0;
    for text in [&speech, &plan] {
        for c in text.chars() {
            assert_eq!(reading(c).map(str::to_string), crate_reading(c), "{c}");
            chinese += usize::from(reading(c).is_some());
        }
    }
    assert!(chinese > 5_000, "{chinese}");
}
