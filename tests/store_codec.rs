//! The localStorage codec: packed text comes back byte for byte, plain text
//! passes through, and damaged packed text is refused with a Chinese message
//! instead of a panic.

use luoshi::store::codec::{is_packed, pack, unpack, CodecError, PACKED_PREFIX};
use std::borrow::Cow;

const FIRST: u32 = 0x3400;
const LAST: u32 = 0xB3FF;

fn utf16_units(text: &str) -> usize {
    text.encode_utf16().count()
}

fn round_trip(text: &str) -> String {
    let packed = pack(text);
    assert!(is_packed(&packed));
    let back = unpack(&packed).expect("packed text unpacks");
    assert!(matches!(back, Cow::Owned(_)));
    assert_eq!(back, text);
    packed
}

/// The encoded characters of a packed value (after `prefix len ':'`).
fn body(packed: &str) -> &str {
    let rest = packed.strip_prefix(PACKED_PREFIX).expect("prefix");
    rest.split_once(':').expect("length").1
}

/// An independent 15-bit encoder, written from the format description, to
/// build packed values from arbitrary bytes.
fn encode(bytes: &[u8]) -> String {
    let bits: Vec<u8> = bytes
        .iter()
        .flat_map(|b| (0..8).rev().map(move |i| (b >> i) & 1))
        .collect();
    let mut out = format!("{PACKED_PREFIX}{}:", bytes.len());
    for chunk in bits.chunks(15) {
        let mut v = 0u32;
        for i in 0..15 {
            v = (v << 1) | u32::from(chunk.get(i).copied().unwrap_or(0));
        }
        out.push(char::from_u32(FIRST + v).expect("in range"));
    }
    out
}

/// Deterministic pseudo-random numbers (xorshift), so the large text is
/// varied like real data rather than one string repeated.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 >> 16) as usize
    }
    fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[self.next() % from.len()]
    }
}

/// A plan-like JSON of several million characters: 5,000 tasks with Chinese
/// titles, units, leaders and progress notes, varying ids and dates.
fn large_json() -> String {
    const VERBS: &[&str] = &[
        "深入推进",
        "全面落实",
        "持续深化",
        "加快建设",
        "统筹推进",
        "扎实开展",
        "着力提升",
        "健全完善",
    ];
    const OBJECTS: &[&str] = &[
        "老旧小区改造",
        "营商环境优化",
        "基层治理体系",
        "生态环境保护",
        "城市更新行动",
        "数字政府建设",
        "安全生产专项整治",
        "乡村振兴示范带",
        "教育资源均衡配置",
        "养老服务体系",
    ];
    const UNITS: &[&str] = &[
        "区发展改革委",
        "区住房城乡建设委",
        "区生态环境局",
        "区民政局",
        "区教委",
        "区应急管理局",
        "区政务服务局",
        "区农业农村局",
    ];
    const LEADERS: &[&str] = &["王建国", "李晓梅", "张志强", "刘海燕", "陈立新", "赵文静"];
    const NOTES: &[&str] = &[
        "已完成前期调研，形成工作方案并报区政府审定。",
        "召开专题推进会，明确责任分工和时间节点。",
        "受资金拨付进度影响，部分工程延期，正在协调解决。",
        "完成年度目标的阶段性任务，群众满意度明显提升。",
        "开展督查检查，发现问题已全部整改到位。",
        "与街道、社区建立联动机制，每周调度一次。",
    ];

    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut out = String::from("{\"format\":\"luoshi-plan\",\"version\":1,\"tasks\":[");
    for i in 0..5000 {
        if i > 0 {
            out.push(',');
        }
        let mut updates = String::new();
        for u in 0..(1 + rng.next() % 4) {
            if u > 0 {
                updates.push(',');
            }
            updates.push_str(&format!(
                "{{\"date\":\"2026-{:02}-{:02}\",\"percent\":{},\"note\":\"{}{}\"}}",
                1 + rng.next() % 12,
                1 + rng.next() % 28,
                rng.next() % 101,
                rng.pick(NOTES),
                rng.pick(NOTES),
            ));
        }
        out.push_str(&format!(
            "{{\"id\":\"{:08x}-{:04x}-4{:03x}-{:04x}\",\"parent\":{},\"order\":{i},\
             \"title\":\"{}{}，{}{}\",\"unit\":\"{}\",\"leader\":\"{}\",\
             \"start\":\"2026-{:02}-01\",\"due\":\"2026-{:02}-28\",\"closed\":null,\
             \"updates\":[{updates}]}}",
            rng.next() as u32,
            rng.next() as u16,
            rng.next() % 0x1000,
            rng.next() as u16,
            if i % 7 == 0 {
                "null".to_string()
            } else {
                format!("\"t{}\"", i - i % 7)
            },
            rng.pick(VERBS),
            rng.pick(OBJECTS),
            rng.pick(VERBS),
            rng.pick(OBJECTS),
            rng.pick(UNITS),
            rng.pick(LEADERS),
            1 + rng.next() % 6,
            7 + rng.next() % 6,
        ));
    }
    out.push_str("]}");
    out
}

fn assert_chinese_error(stored: &str) -> CodecError {
    let err = unpack(stored).expect_err("damaged packed text is refused");
    let message = err.to_string();
    assert!(
        message.starts_with("备份数据已损坏，无法解压（"),
        "message: {message}"
    );
    err
}

#[test]
fn round_trips_small_texts() {
    for text in [
        "",
        "a",
        "{}",
        "plain ASCII text, with \"quotes\" and \\ backslashes\n",
        "落实区委年度工作要点：深入推进老旧小区改造。",
        "emoji 🎉 and a surrogate pair 𠀀, mixed 中文 and English",
        "\u{0}\u{7f}\u{80}\u{ffff}\u{10ffff}",
    ] {
        round_trip(text);
    }
}

#[test]
fn round_trips_every_length_up_to_a_few_chars_of_padding() {
    // Compressed lengths around every remainder of 15 bits, so every padding
    // width is exercised.
    let mut text = String::new();
    for i in 0..200u32 {
        text.push(char::from_u32(0x4E00 + (i * 7919) % 0x5000).unwrap_or('x'));
        round_trip(&text);
    }
}

#[test]
fn large_json_round_trips_and_shrinks_more_than_five_times() {
    let text = large_json();
    assert!(text.chars().count() > 2_000_000, "{}", text.chars().count());
    let packed = round_trip(&text);
    assert!(
        utf16_units(&packed) * 5 < utf16_units(&text),
        "packed {} units, original {} units",
        utf16_units(&packed),
        utf16_units(&text)
    );
}

#[test]
fn packed_form_matches_the_format() {
    let text = "落实 luoshi 落实 luoshi 落实";
    let packed = pack(text);
    let compressed = miniz_oxide::deflate::compress_to_vec_zlib(text.as_bytes(), 6);
    assert_eq!(packed, encode(&compressed));
    assert!(packed.starts_with(&format!("{PACKED_PREFIX}{}:", compressed.len())));
}

#[test]
fn every_packed_char_is_one_non_surrogate_utf16_unit() {
    for text in [String::new(), "任务".repeat(1000), large_json()] {
        let packed = pack(&text);
        let chars = body(&packed);
        assert!(chars
            .chars()
            .all(|c| (FIRST..=LAST).contains(&u32::from(c))));
        assert_eq!(utf16_units(chars), chars.chars().count());
    }
}

#[test]
fn plain_text_passes_through_borrowed() {
    for text in [
        "",
        "{\"format\":\"luoshi-plan\"}",
        "不是压缩数据",
        "luoshi-zlib-1",
        " luoshi-zlib-1:5:",
    ] {
        assert!(!is_packed(text));
        let out = unpack(text).expect("plain text");
        assert!(matches!(out, Cow::Borrowed(_)));
        assert_eq!(out, text);
    }
}

#[test]
fn truncated_chars_are_refused() {
    let packed = pack(&"各街道按月报送进展情况。".repeat(50));
    let cut: String = {
        let n = packed.chars().count();
        packed.chars().take(n - 1).collect()
    };
    assert!(matches!(
        assert_chinese_error(&cut),
        CodecError::TooShort { .. }
    ));
    // Cut down to the prefix and length alone.
    let bare = format!("{PACKED_PREFIX}{}:", body(&packed).len());
    assert!(matches!(
        assert_chinese_error(&bare),
        CodecError::TooShort { .. }
    ));
}

#[test]
fn wrong_length_is_refused() {
    let text = "各街道按月报送进展情况。".repeat(50);
    let packed = pack(&text);
    let chars = body(&packed);
    let len = miniz_oxide::deflate::compress_to_vec_zlib(text.as_bytes(), 6).len();
    for wrong in [0, len / 2, len - 2, len + 2, len * 2, usize::MAX / 8] {
        let stored = format!("{PACKED_PREFIX}{wrong}:{chars}");
        assert_chinese_error(&stored);
    }
    // Overflowing, signed, padded or empty lengths.
    for wrong in [
        "99999999999999999999999999".to_string(),
        format!("+{len}"),
        format!("0{len}"),
        format!(" {len}"),
        String::new(),
    ] {
        let stored = format!("{PACKED_PREFIX}{wrong}:{chars}");
        assert_eq!(assert_chinese_error(&stored), CodecError::BadLength);
    }
}

#[test]
fn char_out_of_range_is_refused() {
    let packed = pack(&"区委工作要点".repeat(20));
    for bad in ['a', '\u{33FF}', '\u{B400}', '中', '😀'] {
        let mut chars: Vec<char> = body(&packed).chars().collect();
        chars[3] = bad;
        let prefix_len = packed.len() - body(&packed).len();
        let stored = format!(
            "{}{}",
            &packed[..prefix_len],
            chars.iter().collect::<String>()
        );
        let err = assert_chinese_error(&stored);
        if bad != '中' {
            // '中' (U+4E2D) is in range: it decodes, then fails to inflate
            // or to match the original (checked below) instead.
            assert_eq!(
                err,
                CodecError::BadChar {
                    index: 3,
                    found: bad
                }
            );
        }
    }
}

#[test]
fn garbage_after_prefix_is_refused() {
    for garbage in [
        PACKED_PREFIX.to_string(),
        format!("{PACKED_PREFIX}abc"),
        format!("{PACKED_PREFIX}abc:def"),
        format!("{PACKED_PREFIX}12"),
        format!("{PACKED_PREFIX}{{\"tasks\":[]}}"),
        format!("{PACKED_PREFIX}3:xyz"),
        format!("{PACKED_PREFIX}2:\u{3400}\u{3400}"),
    ] {
        assert_chinese_error(&garbage);
    }
    // Well-formed encoding of bytes that are no deflate stream.
    let not_deflate = encode(&[0xFF; 40]);
    assert!(matches!(
        assert_chinese_error(&not_deflate),
        CodecError::Inflate { .. }
    ));
    // A stream cut short inside the encoding.
    let compressed = miniz_oxide::deflate::compress_to_vec_zlib("任务".repeat(300).as_bytes(), 6);
    let cut = encode(&compressed[..compressed.len() / 2]);
    assert!(matches!(
        assert_chinese_error(&cut),
        CodecError::Inflate { .. }
    ));
}

#[test]
fn nonzero_padding_is_refused() {
    // 1 byte takes 8 of the 15 bits; the other 7 must be zero.
    let compressed = miniz_oxide::deflate::compress_to_vec_zlib(b"", 6);
    let good = encode(&compressed);
    assert_eq!(unpack(&good).expect("empty"), "");
    let mut chars: Vec<char> = body(&good).chars().collect();
    let last = chars.len() - 1;
    chars[last] = char::from_u32(u32::from(chars[last]) | 1).expect("in range");
    let stored = format!(
        "{PACKED_PREFIX}{}:{}",
        compressed.len(),
        chars.iter().collect::<String>()
    );
    assert_eq!(assert_chinese_error(&stored), CodecError::BadPadding);
}

#[test]
fn invalid_utf8_after_inflating_is_refused() {
    let compressed = miniz_oxide::deflate::compress_to_vec_zlib(b"ok \xE4\xB8 \xFF\xFE", 6);
    let stored = encode(&compressed);
    assert!(matches!(
        assert_chinese_error(&stored),
        CodecError::NotUtf8 { valid_up_to: 3 }
    ));
}

#[test]
fn flipped_chars_never_panic() {
    // Every single-char change of a small packed value either fails with a
    // Chinese message or (rarely, deflate has no checksum) decodes to text.
    let text = "深入推进老旧小区改造，完成年度目标。".repeat(8);
    let packed = pack(&text);
    let prefix_len = packed.len() - body(&packed).len();
    let chars: Vec<char> = body(&packed).chars().collect();
    for i in 0..chars.len() {
        for delta in [1u32, 0x100, 0x4000] {
            let mut changed = chars.clone();
            let v = (u32::from(changed[i]) - FIRST) ^ delta;
            changed[i] = char::from_u32(FIRST + (v & 0x7FFF)).expect("in range");
            let stored = format!(
                "{}{}",
                &packed[..prefix_len],
                changed.iter().collect::<String>()
            );
            if let Err(e) = unpack(&stored) {
                assert!(e.to_string().starts_with("备份数据已损坏"));
            }
        }
    }
}
