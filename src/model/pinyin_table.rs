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

const TABLE: &[u8] = include_bytes!("pinyin_table.bin");

/// The first and last character of the dense part of the table.
pub const DENSE_FIRST: u32 = 0x4E00;
pub const DENSE_LAST: u32 = 0x9FFF;
/// Bytes a syllable takes in the table.
pub const SYLLABLE_WIDTH: usize = 6;

// Where the parts of the table are, worked out when compiling (a table
// too short fails the build here rather than a search at run time).
const fn u16_le(at: usize) -> usize {
    TABLE[at] as usize | (TABLE[at + 1] as usize) << 8
}
const SYLLABLES: usize = u16_le(0);
const OTHERS_COUNT_AT: usize = 2 + SYLLABLES * SYLLABLE_WIDTH;
const OTHERS: usize = u16_le(OTHERS_COUNT_AT);
const OTHERS_AT: usize = OTHERS_COUNT_AT + 2;
const DENSE_COUNT: usize = (DENSE_LAST - DENSE_FIRST + 1) as usize;
const LOW_AT: usize = OTHERS_AT + 4 * OTHERS;
const HIGH_AT: usize = LOW_AT + DENSE_COUNT;
const _: () = assert!(TABLE.len() == HIGH_AT + DENSE_COUNT.div_ceil(8));
/// The first and last of the other characters: most punctuation a text
/// holds (、。“” below, ，：（） above) is outside them, and is answered
/// without a search.
const OTHERS_FIRST: u32 = u16_le(OTHERS_AT) as u32;
const OTHERS_LAST: u32 = u16_le(OTHERS_AT + 4 * (OTHERS - 1)) as u32;

/// The reading of `c` in lowercase ASCII letters without tones (`ü` as
/// `v`), or `None` for a character the table has no reading for (every
/// non-Chinese character, and the rare ones said above).
pub fn reading(c: char) -> Option<&'static str> {
    let code = u32::from(c);
    let number = if (DENSE_FIRST..=DENSE_LAST).contains(&code) {
        dense((code - DENSE_FIRST) as usize)?
    } else if !(OTHERS_FIRST..=OTHERS_LAST).contains(&code) {
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

/// The syllable number of the `i`-th character of the dense part.
fn dense(i: usize) -> Option<usize> {
    let lo = usize::from(*TABLE.get(LOW_AT + i)?);
    let hi = usize::from((*TABLE.get(HIGH_AT + i / 8)? >> (i % 8)) & 1);
    Some(lo | hi << 8)
}

/// The syllable number of a character outside the dense part.
fn other(code: u32) -> Option<usize> {
    let (mut lo, mut hi) = (0, OTHERS);
    while lo < hi {
        let mid = (lo + hi) / 2;
        let c = u32::try_from(u16_at(OTHERS_AT + 4 * mid)?).ok()?;
        match c.cmp(&code) {
            std::cmp::Ordering::Less => lo = mid + 1,
            std::cmp::Ordering::Greater => hi = mid,
            std::cmp::Ordering::Equal => return u16_at(OTHERS_AT + 4 * mid + 2),
        }
    }
    None
}

/// The length of each syllable without its padding, worked out when
/// compiling: trimming it on every character made building the search
/// index five times slower than with the crate.
const SYLLABLE_LEN: [u8; SYLLABLES] = syllable_lengths();

const fn syllable_lengths() -> [u8; SYLLABLES] {
    let mut out = [0; SYLLABLES];
    let mut i = 0;
    while i < SYLLABLES {
        let at = 2 + i * SYLLABLE_WIDTH;
        let mut len = SYLLABLE_WIDTH;
        while len > 0 && TABLE[at + len - 1] == b' ' {
            len -= 1;
        }
        assert!(len > 0, "an empty syllable in the pinyin table");
        out[i] = len as u8;
        i += 1;
    }
    out
}

/// The syllables, padded, as text: checked once when compiling, so that
/// taking one out is a slice, not a check of its bytes.
const SYLLABLE_TEXT: &str = {
    let (head, _) = TABLE.split_at(2 + SYLLABLES * SYLLABLE_WIDTH);
    let (_, padded) = head.split_at(2);
    match std::str::from_utf8(padded) {
        Ok(text) => text,
        Err(_) => panic!("the syllables of the pinyin table are not text"),
    }
};

/// The `number`-th syllable (from 1), or `None` for 0.
fn syllable(number: usize) -> Option<&'static str> {
    let i = number.checked_sub(1)?;
    let at = i * SYLLABLE_WIDTH;
    SYLLABLE_TEXT.get(at..at + usize::from(*SYLLABLE_LEN.get(i)?))
}
