//! The toneless pinyin reading of a Chinese character, from a compact table
//! made from the `pinyin` crate (`pinyin_table.bin`, written and checked by
//! `tests/pinyin_table.rs`).
//!
//! The crate's own table covers some 42,000 characters across every CJK
//! block, two bytes each, with a string per tone variant: about 110 KB of
//! the app's wasm and 60 KB of its brotli download (issue 19). This one
//! keeps what the office's texts are written in: the CJK Unified
//! Ideographs block (U+4E00–U+9FFF, every character of GB 2312 and GBK),
//! plus the few other characters of the Basic Multilingual Plane the crate
//! reads (〇, and GB 18030's characters in the private use area). Readings
//! are stored as typed on a keyboard (`ü` as `v`, `ê` as `e`), one of 414
//! syllables, nine bits a character. The rare and historic characters of
//! the extension blocks (U+3400–U+4DBF and beyond the BMP) have no reading
//! here: they are found by the character itself, not by pinyin.
//!
//! Layout of the table (little-endian): the number of syllables `n` (u16),
//! then `n` syllables of six bytes each, right-padded with spaces; the
//! number of other characters `m` (u16), then `m` pairs (code point u16,
//! syllable number u16) in code point order; then, for U+4E00..=U+9FFF,
//! the low eight bits of each character's syllable number, then the ninth
//! bits, eight characters a byte. Syllable number 0 means no reading;
//! number `k` is the `k`-th syllable.

static TABLE: &[u8] = include_bytes!("pinyin_table.bin");

/// The first and last character of the dense part of the table.
pub const DENSE_FIRST: u32 = 0x4E00;
pub const DENSE_LAST: u32 = 0x9FFF;
/// Bytes a syllable takes in the table.
pub const SYLLABLE_WIDTH: usize = 6;

/// The reading of `c` in lowercase ASCII letters without tones (`ü` as
/// `v`), or `None` for a character the table has no reading for (every
/// non-Chinese character, and the rare ones said above).
pub fn reading(c: char) -> Option<&'static str> {
    let code = u32::from(c);
    let number = if (DENSE_FIRST..=DENSE_LAST).contains(&code) {
        dense(usize::try_from(code - DENSE_FIRST).ok()?)?
    } else if code > 0xFFFF {
        return None;
    } else {
        other(code)?
    };
    syllable(number)
}

fn u16_at(at: usize) -> Option<usize> {
    let b = TABLE.get(at..at + 2)?;
    Some(usize::from(u16::from_le_bytes([b[0], b[1]])))
}

/// Where the list of other characters starts, and how many there are.
fn others() -> Option<(usize, usize)> {
    let at = 2 + u16_at(0)? * SYLLABLE_WIDTH;
    Some((at + 2, u16_at(at)?))
}

/// The syllable number of the `i`-th character of the dense part.
fn dense(i: usize) -> Option<usize> {
    let (at, m) = others()?;
    let low = at + 4 * m;
    let count = (DENSE_LAST - DENSE_FIRST + 1) as usize;
    let high = low + count;
    let lo = usize::from(*TABLE.get(low + i)?);
    let hi = usize::from((*TABLE.get(high + i / 8)? >> (i % 8)) & 1);
    Some(lo | hi << 8)
}

/// The syllable number of a character outside the dense part.
fn other(code: u32) -> Option<usize> {
    let (at, m) = others()?;
    let (mut lo, mut hi) = (0, m);
    while lo < hi {
        let mid = (lo + hi) / 2;
        let c = u32::try_from(u16_at(at + 4 * mid)?).ok()?;
        match c.cmp(&code) {
            std::cmp::Ordering::Less => lo = mid + 1,
            std::cmp::Ordering::Greater => hi = mid,
            std::cmp::Ordering::Equal => return u16_at(at + 4 * mid + 2),
        }
    }
    None
}

/// The `number`-th syllable (from 1), or `None` for 0.
fn syllable(number: usize) -> Option<&'static str> {
    let at = 2 + number.checked_sub(1)? * SYLLABLE_WIDTH;
    let bytes = TABLE.get(at..at + SYLLABLE_WIDTH)?;
    let text = std::str::from_utf8(bytes).ok()?.trim_end_matches(' ');
    (!text.is_empty()).then_some(text)
}
