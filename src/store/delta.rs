//! Differences between two copies of a text, for backups kept as reverse
//! deltas: an older copy of a plan is stored as the instructions that
//! rebuild it from a newer one ("copy these bytes of the newer copy, then
//! insert these"). As RCS keeps the newest revision whole and the older ones
//! as differences, twenty backups of a plan that grows through the year
//! then cost one full copy and twenty small deltas.
//!
//! How: a greedy block match, as in rsync and xdelta. The base is cut into
//! blocks of [`BLOCK`] bytes whose hashes are indexed; a rolling hash runs
//! over the target, and each block found in the base is extended both ways
//! as far as the bytes agree. One pass over each text, so the work is
//! linear in their sizes.
//!
//! Format: a sequence of instructions, each a tag byte then LEB128 numbers:
//! `0, len, bytes…` inserts `len` bytes; `1, offset, len` copies `len` bytes
//! of the base from `offset`. [`apply`] checks every instruction (a copy
//! outside the base, a length past the limit, a cut-off delta is an error,
//! never a panic), and the caller checks the result against the length and
//! [`fingerprint`] it stored beside the delta.

use std::collections::HashMap;
use std::fmt;

/// Bytes per indexed block of the base: shorter finds more of the small
/// common runs between reports, longer makes the index smaller. 32 bytes
/// is about ten Chinese characters.
const BLOCK: usize = 32;
/// Multiplier of the rolling (polynomial) hash.
const MUL: u64 = 0x0000_0100_0000_01B3;

const INSERT: u8 = 0;
const COPY: u8 = 1;

/// Why a delta could not be applied. Each means the stored delta or its
/// base is damaged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DeltaError {
    /// The delta ends inside an instruction.
    CutOff,
    /// An instruction other than insert or copy.
    BadTag(u8),
    /// A copy reaching outside the base.
    OutsideBase,
    /// The result would be longer than the limit.
    TooLarge,
}

impl fmt::Display for DeltaError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DeltaError::CutOff => write!(f, "差异数据不完整"),
            DeltaError::BadTag(t) => write!(f, "差异数据含无法识别的指令（{t}）"),
            DeltaError::OutsideBase => write!(f, "差异数据引用了基准备份之外的内容"),
            DeltaError::TooLarge => write!(f, "还原后的内容超出上限"),
        }
    }
}

/// The instructions that rebuild `target` from `base`.
#[must_use]
pub fn diff(base: &[u8], target: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    if base.len() < BLOCK || target.len() < BLOCK {
        insert(&mut out, target);
        return out;
    }
    let mut index: HashMap<u64, usize> = HashMap::with_capacity(base.len() / BLOCK);
    for start in (0..=base.len() - BLOCK).step_by(BLOCK) {
        index
            .entry(hash(&base[start..start + BLOCK]))
            .or_insert(start);
    }
    // MUL^(BLOCK-1): the weight of the byte that leaves the window.
    let top = (1..BLOCK).fold(1u64, |acc, _| acc.wrapping_mul(MUL));

    let mut pending = 0; // start of the bytes not yet written
    let mut p = 0;
    let mut h = hash(&target[..BLOCK]);
    while p + BLOCK <= target.len() {
        let found = index
            .get(&h)
            .copied()
            .filter(|&b| base[b..b + BLOCK] == target[p..p + BLOCK]);
        if let Some(b) = found {
            let (mut s, mut bs) = (p, b);
            while s > pending && bs > 0 && target[s - 1] == base[bs - 1] {
                s -= 1;
                bs -= 1;
            }
            let (mut e, mut be) = (p + BLOCK, b + BLOCK);
            while e < target.len() && be < base.len() && target[e] == base[be] {
                e += 1;
                be += 1;
            }
            insert(&mut out, &target[pending..s]);
            copy(&mut out, bs, e - s);
            pending = e;
            p = e;
            if p + BLOCK <= target.len() {
                h = hash(&target[p..p + BLOCK]);
            }
        } else {
            if p + BLOCK < target.len() {
                h = h
                    .wrapping_sub(u64::from(target[p]).wrapping_mul(top))
                    .wrapping_mul(MUL)
                    .wrapping_add(u64::from(target[p + BLOCK]));
            }
            p += 1;
        }
    }
    insert(&mut out, &target[pending..]);
    out
}

/// Rebuilds the target from `base` and the instructions `delta` made by
/// [`diff`], refusing to produce more than `limit` bytes.
///
/// # Errors
///
/// A [`DeltaError`] when the instructions are damaged.
pub fn apply(base: &[u8], delta: &[u8], limit: usize) -> Result<Vec<u8>, DeltaError> {
    let mut out = Vec::new();
    let mut at = 0;
    while at < delta.len() {
        let tag = delta[at];
        at += 1;
        match tag {
            INSERT => {
                let len = number(delta, &mut at)?;
                let end = at.checked_add(len).ok_or(DeltaError::CutOff)?;
                let bytes = delta.get(at..end).ok_or(DeltaError::CutOff)?;
                grow(&mut out, bytes, limit)?;
                at = end;
            }
            COPY => {
                let from = number(delta, &mut at)?;
                let len = number(delta, &mut at)?;
                let end = from.checked_add(len).ok_or(DeltaError::OutsideBase)?;
                let bytes = base.get(from..end).ok_or(DeltaError::OutsideBase)?;
                grow(&mut out, bytes, limit)?;
            }
            other => return Err(DeltaError::BadTag(other)),
        }
    }
    Ok(out)
}

/// A 64-bit FNV-1a hash of `bytes`: stored beside a delta so that a result
/// built on the wrong base is caught.
#[must_use]
pub fn fingerprint(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01B3)
    })
}

fn hash(block: &[u8]) -> u64 {
    block
        .iter()
        .fold(0u64, |h, &b| h.wrapping_mul(MUL).wrapping_add(u64::from(b)))
}

fn insert(out: &mut Vec<u8>, bytes: &[u8]) {
    if bytes.is_empty() {
        return;
    }
    out.push(INSERT);
    leb128(out, bytes.len());
    out.extend_from_slice(bytes);
}

fn copy(out: &mut Vec<u8>, from: usize, len: usize) {
    out.push(COPY);
    leb128(out, from);
    leb128(out, len);
}

fn leb128(out: &mut Vec<u8>, mut n: usize) {
    loop {
        // Truncation intended: the low seven bits.
        let byte = (n & 0x7f) as u8;
        n >>= 7;
        if n == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

/// Reads a LEB128 number at `*at`, moving past it.
fn number(delta: &[u8], at: &mut usize) -> Result<usize, DeltaError> {
    let mut n: usize = 0;
    let mut shift = 0;
    loop {
        let byte = *delta.get(*at).ok_or(DeltaError::CutOff)?;
        *at += 1;
        let part = usize::from(byte & 0x7f);
        if shift >= usize::BITS || (part << shift) >> shift != part {
            return Err(DeltaError::TooLarge);
        }
        n |= part << shift;
        if byte & 0x80 == 0 {
            return Ok(n);
        }
        shift += 7;
    }
}

fn grow(out: &mut Vec<u8>, bytes: &[u8], limit: usize) -> Result<(), DeltaError> {
    if out.len() + bytes.len() > limit {
        return Err(DeltaError::TooLarge);
    }
    out.extend_from_slice(bytes);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(base: &[u8], target: &[u8]) -> usize {
        let d = diff(base, target);
        assert_eq!(apply(base, &d, usize::MAX).as_deref(), Ok(target));
        d.len()
    }

    /// A deterministic stream of bytes (an LCG).
    fn noise(seed: u64, n: usize) -> Vec<u8> {
        let mut s = seed;
        (0..n)
            .map(|_| {
                s = s.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                (s >> 56) as u8
            })
            .collect()
    }

    #[test]
    fn rebuilds_short_empty_and_unrelated_texts() {
        round_trip(b"", b"");
        round_trip(b"", b"abc");
        round_trip(b"abc", b"");
        round_trip(&noise(1, 5000), &noise(2, 5000));
    }

    #[test]
    fn an_older_copy_with_less_in_it_is_a_few_copies() {
        let newer = noise(3, 100_000);
        let mut older = newer[..30_000].to_vec();
        older.extend_from_slice(&newer[31_000..80_000]);
        older.extend_from_slice(&newer[90_000..]);
        let size = round_trip(&newer, &older);
        assert!(size < 40, "{size} bytes of delta");
    }

    #[test]
    fn edits_anywhere_rebuild_exactly_and_cost_about_their_size() {
        for seed in 0..40u64 {
            let base = noise(seed, 20_000);
            let mut target = base.clone();
            let cuts = noise(seed + 100, 12);
            for c in cuts.chunks(3) {
                let at = usize::from(c[0]) * 70 + usize::from(c[1]);
                let at = at.min(target.len());
                match c[2] % 3 {
                    0 => target.splice(at..at, noise(seed, 40)),
                    1 => target.splice(at..(at + 50).min(target.len()), Vec::new()),
                    _ => target.splice(at..(at + 10).min(target.len()), noise(seed + 7, 10)),
                }
                .for_each(drop);
            }
            let size = round_trip(&base, &target);
            assert!(size < 2_000, "seed {seed}: {size} bytes for four edits");
        }
    }

    #[test]
    fn chinese_text_is_rebuilt_byte_for_byte() {
        let newer = "一、全面从严治党。牵头单位：区纪委监委；配合单位：区委组织部。".repeat(40);
        let older = newer.replacen("配合", "协同", 3);
        round_trip(newer.as_bytes(), older.as_bytes());
    }

    #[test]
    fn damaged_deltas_are_errors_not_panics() {
        let base = noise(9, 3000);
        let target = [&base[100..900], b"inserted", &base[1500..2900]].concat();
        let d = diff(&base, &target);
        for cut in 0..d.len() {
            let _ = apply(&base, &d[..cut], usize::MAX);
        }
        for i in 0..d.len() {
            let mut bad = d.clone();
            bad[i] ^= 0x5a;
            let _ = apply(&base, &bad, 10_000);
        }
        assert_eq!(apply(&base, &[7], 10), Err(DeltaError::BadTag(7)));
        assert_eq!(
            apply(&base, &[1, 0xff, 0x7f, 1], 10),
            Err(DeltaError::OutsideBase)
        );
        assert_eq!(apply(&base, &[0, 5, 1], 10), Err(DeltaError::CutOff));
        assert_eq!(
            apply(
                &base,
                &[1, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f],
                10
            ),
            Err(DeltaError::TooLarge)
        );
        assert_eq!(apply(&base, &d, 10), Err(DeltaError::TooLarge));
    }

    #[test]
    fn fingerprints_differ_for_near_texts() {
        assert_ne!(fingerprint(b"abc"), fingerprint(b"abd"));
        assert_eq!(fingerprint(b""), 0xcbf2_9ce4_8422_2325);
    }
}
