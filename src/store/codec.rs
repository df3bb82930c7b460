//! Compact storage of text in localStorage.
//!
//! Why: a browser gives one origin roughly 5.24 million UTF-16 code units of
//! localStorage (see [`super::QUOTA_CHARS`]). A large plan is 3–5 million
//! characters of JSON, so a second, full copy of it (the recovery copy kept
//! before anything replaces damaged data) does not fit beside the plan
//! itself. JSON compresses well: deflate makes it about ten times smaller.
//!
//! How: [`pack`] deflates the UTF-8 bytes of the text (zlib, level 6)
//! and writes the compressed bytes 15 bits per character, mapping each 15-bit
//! value `v` to the character U+3400 + `v`. localStorage counts UTF-16 code
//! units and must hold valid strings, so every character is chosen to be one
//! code unit and never a surrogate: U+3400..=U+B3FF. That stores 15 bits in
//! each unit the quota counts, against 8 bits for Base64-style ASCII.
//!
//! Format: [`PACKED_PREFIX`], the decimal byte length of the compressed data,
//! `':'`, then the characters. The last character is padded with zero bits.
//! A JSON text can never start with the prefix, so a stored value without it
//! is plain text (written before compression existed) and [`unpack`] hands it
//! back unchanged.
//!
//! Corruption is caught by the strict checks on the encoding (range, exact
//! character count, zero padding), by zlib's Adler-32 checksum over the
//! text, and by the UTF-8 check: a copy that comes back is the text that
//! went in.

use std::borrow::Cow;
use std::fmt;

/// Marks a packed value. JSON starts with whitespace, `{`, `[`, `"`, a digit,
/// `-`, `t`, `f` or `n`, never with this.
pub const PACKED_PREFIX: &str = "luoshi-zlib-1:";

/// Deflate level used by [`pack`] (miniz scale 0–10): backups, written
/// once and kept, are packed small.
const LEVEL: u8 = 6;
/// Deflate level used by [`pack_fast`]: the plan itself, written by every
/// save while the user works, is packed quickly: half the time of
/// [`LEVEL`] for 5–10 % more space (measured on a 5,000-task plan: 22 ms
/// against 48 ms natively, 488 KB against 454 KB); level 1 took a quarter
/// of the time but up to 80 % more space.
pub const FAST_LEVEL: u8 = 3;
/// First character of the encoding alphabet.
const BASE: u32 = 0x3400;
/// Bits stored per character.
const BITS: u32 = 15;
/// Largest 15-bit value.
const MASK: u32 = (1 << BITS) - 1;
/// Largest text [`unpack`] will inflate to, in bytes: far above any plan,
/// low enough that a forged length cannot exhaust memory.
pub const MAX_UNPACKED_BYTES: usize = 256 * 1024 * 1024;

/// Why a packed value could not be unpacked. Every variant means the stored
/// copy is damaged (or was not written by [`pack`]); `Display` gives a
/// Chinese message for office staff.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CodecError {
    /// The length after the prefix is missing, not plain decimal digits, or
    /// not followed by `':'`.
    BadLength,
    /// Fewer characters than the stated length needs: the value was cut off.
    TooShort {
        /// Characters the stated length needs.
        expected: usize,
        /// Characters actually present.
        found: usize,
    },
    /// More characters than the stated length needs.
    TooLong {
        /// Characters the stated length needs.
        expected: usize,
    },
    /// A character outside U+3400..=U+B3FF.
    BadChar {
        /// Position of the character among the encoded characters, from 0.
        index: usize,
        /// The character found.
        found: char,
    },
    /// The unused bits of the last character are not zero.
    BadPadding,
    /// The compressed bytes are not a valid deflate stream.
    Inflate {
        /// What the inflater reported, in Chinese.
        reason: &'static str,
    },
    /// The text would inflate to more than [`MAX_UNPACKED_BYTES`].
    TooLarge,
    /// The inflated bytes are not valid UTF-8.
    NotUtf8 {
        /// Byte offset of the first invalid byte.
        valid_up_to: usize,
    },
}

impl CodecError {
    /// What is wrong, in Chinese, without saying what the data was.
    pub fn detail(&self) -> String {
        match self {
            CodecError::BadLength => "开头的长度标记缺失或格式不对".into(),
            CodecError::TooShort { expected, found } => {
                format!("数据不完整，应有 {expected} 个字符，只有 {found} 个，可能保存时被截断")
            }
            CodecError::TooLong { expected } => {
                format!("数据比长度标记多出内容，应只有 {expected} 个字符")
            }
            CodecError::BadChar { index, found } => format!(
                "第 {} 个字符（U+{:04X}）不是压缩数据能用的字符",
                index + 1,
                u32::from(*found)
            ),
            CodecError::BadPadding => "末尾的填充位不正确".into(),
            CodecError::Inflate { reason } => format!("压缩数据无法还原：{reason}"),
            CodecError::TooLarge => {
                format!("解压后超过 {} MB 上限", MAX_UNPACKED_BYTES / (1024 * 1024))
            }
            CodecError::NotUtf8 { valid_up_to } => {
                format!("解压结果不是有效文本，第 {valid_up_to} 字节起出错")
            }
        }
    }
}

impl fmt::Display for CodecError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "备份数据已损坏，无法解压（{}）", self.detail())
    }
}

impl std::error::Error for CodecError {}

/// True when `stored` was written by [`pack`] (starts with [`PACKED_PREFIX`]).
#[must_use]
pub fn is_packed(stored: &str) -> bool {
    stored.starts_with(PACKED_PREFIX)
}

/// Compresses `text` into the packed form described in the module docs.
/// [`unpack`] gives back exactly `text`.
#[must_use]
pub fn pack(text: &str) -> String {
    pack_at(text, LEVEL)
}

/// [`pack`], quicker and a little larger (see [`FAST_LEVEL`]); [`unpack`]
/// reads both.
#[must_use]
pub fn pack_fast(text: &str) -> String {
    pack_at(text, FAST_LEVEL)
}

/// Compresses bytes that are not text (a backup's delta) into the same
/// packed form; [`unpack_bytes`] gives them back.
#[must_use]
pub fn pack_bytes(bytes: &[u8]) -> String {
    pack_raw(bytes, LEVEL)
}

fn pack_at(text: &str, level: u8) -> String {
    pack_raw(text.as_bytes(), level)
}

fn pack_raw(raw: &[u8], level: u8) -> String {
    let bytes = miniz_oxide::deflate::compress_to_vec_zlib(raw, level);
    let len = bytes.len().to_string();
    let chars = chars_for(bytes.len()).unwrap_or(0);
    // Every character of the alphabet takes 3 bytes in UTF-8.
    let mut out = String::with_capacity(PACKED_PREFIX.len() + len.len() + 1 + chars * 3);
    out.push_str(PACKED_PREFIX);
    out.push_str(&len);
    out.push(':');

    let mut acc: u32 = 0;
    let mut nbits: u32 = 0;
    for &b in &bytes {
        acc = (acc << 8) | u32::from(b);
        nbits += 8;
        if nbits >= BITS {
            nbits -= BITS;
            out.push(symbol((acc >> nbits) & MASK));
            acc &= (1 << nbits) - 1;
        }
    }
    if nbits > 0 {
        out.push(symbol((acc << (BITS - nbits)) & MASK));
    }
    out
}

/// Gives back the text stored by [`pack`]. A value without
/// [`PACKED_PREFIX`] is plain text and is returned unchanged (borrowed).
/// Never panics on any input.
///
/// # Errors
///
/// A [`CodecError`] when a value with the prefix is damaged: a bad length,
/// a wrong number of characters, a character outside the alphabet, nonzero
/// padding, an invalid deflate stream, more than [`MAX_UNPACKED_BYTES`], or
/// bytes that are not UTF-8.
pub fn unpack(stored: &str) -> Result<Cow<'_, str>, CodecError> {
    if !is_packed(stored) {
        return Ok(Cow::Borrowed(stored));
    }
    String::from_utf8(unpack_bytes(stored)?)
        .map(Cow::Owned)
        .map_err(|e| CodecError::NotUtf8 {
            valid_up_to: e.utf8_error().valid_up_to(),
        })
}

/// Gives back the bytes stored by [`pack_bytes`] (or by [`pack`]).
///
/// # Errors
///
/// A [`CodecError`] as for [`unpack`] (but the bytes need not be UTF-8);
/// a value without [`PACKED_PREFIX`] is [`CodecError::BadLength`].
pub fn unpack_bytes(stored: &str) -> Result<Vec<u8>, CodecError> {
    let rest = stored
        .strip_prefix(PACKED_PREFIX)
        .ok_or(CodecError::BadLength)?;
    let (len, body) = rest.split_once(':').ok_or(CodecError::BadLength)?;
    let len = parse_len(len)?;
    let expected = chars_for(len).ok_or(CodecError::BadLength)?;
    // Each character takes at least one byte, so this check needs no count
    // and bounds the allocation below by the size of the input.
    if expected > body.len() {
        return Err(CodecError::TooShort {
            expected,
            found: body.chars().count(),
        });
    }

    let mut bytes = Vec::with_capacity(len);
    let mut acc: u32 = 0;
    let mut nbits: u32 = 0;
    let mut count = 0;
    for (index, c) in body.chars().enumerate() {
        if index >= expected {
            return Err(CodecError::TooLong { expected });
        }
        let v = u32::from(c).wrapping_sub(BASE);
        if v > MASK {
            return Err(CodecError::BadChar { index, found: c });
        }
        acc = (acc << BITS) | v;
        nbits += BITS;
        while nbits >= 8 && bytes.len() < len {
            nbits -= 8;
            // Truncation intended: the low 8 bits are the next byte.
            bytes.push((acc >> nbits) as u8);
        }
        acc &= (1 << nbits) - 1;
        count = index + 1;
    }
    if count < expected {
        return Err(CodecError::TooShort {
            expected,
            found: count,
        });
    }
    if acc != 0 {
        return Err(CodecError::BadPadding);
    }

    miniz_oxide::inflate::decompress_to_vec_zlib_with_limit(&bytes, MAX_UNPACKED_BYTES)
        .map_err(|e| inflate_error(e.status))
}

/// The character for a 15-bit value.
fn symbol(v: u32) -> char {
    // BASE + MASK = U+B3FF, below the surrogates (U+D800), so this never fails.
    char::from_u32(BASE + (v & MASK)).unwrap_or(char::REPLACEMENT_CHARACTER)
}

/// Characters needed for `len` bytes, or `None` on overflow.
fn chars_for(len: usize) -> Option<usize> {
    Some(len.checked_mul(8)?.div_ceil(BITS as usize))
}

/// Plain decimal digits only: no sign, no spaces, no leading zeros.
fn parse_len(s: &str) -> Result<usize, CodecError> {
    let canonical =
        !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) && (s == "0" || !s.starts_with('0'));
    if !canonical {
        return Err(CodecError::BadLength);
    }
    s.parse().map_err(|_| CodecError::BadLength)
}

fn inflate_error(status: miniz_oxide::inflate::TINFLStatus) -> CodecError {
    use miniz_oxide::inflate::TINFLStatus;
    match status {
        TINFLStatus::HasMoreOutput => CodecError::TooLarge,
        TINFLStatus::NeedsMoreInput | TINFLStatus::FailedCannotMakeProgress => {
            CodecError::Inflate {
                reason: "数据在中途结束",
            }
        }
        _ => CodecError::Inflate {
            reason: "数据内容无效",
        },
    }
}
