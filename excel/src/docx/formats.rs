//! How Word writes a list level's count: w:numFmt's values (decimal,
//! chineseCounting, ideographTraditional, decimalEnclosedCircle …) and
//! Word 2010's custom formats ("001, 002, 003, ...").

/// How a level writes its count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(super) enum Format {
    #[default]
    Decimal,
    /// 01, 001: zero-padded to this many digits.
    Zero(usize),
    UpperRoman,
    LowerRoman,
    UpperLetter,
    LowerLetter,
    /// 一 二 … 十 十一 (chineseCounting, chineseCountingThousand …).
    Chinese,
    /// 一〇 (ideographDigital): digit by digit.
    ChineseDigits,
    /// 壹 贰 … 壹拾 (chineseLegalSimplified).
    ChineseLegal,
    /// 壹 貳 … (ideographLegalTraditional).
    ChineseLegalTraditional,
    /// 甲 乙 丙 … (ideographTraditional).
    Stems,
    /// 子 丑 寅 … (ideographZodiac).
    Branches,
    /// ① ② …
    Circled,
    /// ⑴ ⑵ …
    Paren,
    /// ⒈ ⒉ …
    FullStop,
    /// ㈠ ㈡ …
    ParenIdeograph,
    /// １ ２ …
    FullWidth,
    /// Nothing (the level's text only).
    None,
    /// A bullet: no number at all.
    Bullet,
}

impl Format {
    pub(super) fn of(value: &str) -> Option<Format> {
        Some(match value {
            "decimal" | "decimalHalfWidth" | "ordinal" | "cardinalText" | "ordinalText" => {
                Format::Decimal
            }
            "decimalZero" => Format::Zero(2),
            "upperRoman" => Format::UpperRoman,
            "lowerRoman" => Format::LowerRoman,
            "upperLetter" => Format::UpperLetter,
            "lowerLetter" => Format::LowerLetter,
            "chineseCounting"
            | "chineseCountingThousand"
            | "japaneseCounting"
            | "taiwaneseCounting"
            | "taiwaneseCountingThousand"
            | "japaneseLegal" => Format::Chinese,
            "ideographDigital" | "taiwaneseDigital" | "japaneseDigitalTenThousand" => {
                Format::ChineseDigits
            }
            "chineseLegalSimplified" => Format::ChineseLegal,
            "ideographLegalTraditional" => Format::ChineseLegalTraditional,
            "ideographTraditional" => Format::Stems,
            "ideographZodiac" | "ideographZodiacTraditional" => Format::Branches,
            "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" => Format::Circled,
            "decimalEnclosedParen" => Format::Paren,
            "decimalEnclosedFullstop" => Format::FullStop,
            "ideographEnclosedCircle" => Format::ParenIdeograph,
            "decimalFullWidth" | "decimalFullWidth2" => Format::FullWidth,
            "none" => Format::None,
            "bullet" => Format::Bullet,
            _ => return None,
        })
    }

    /// Word 2010's w:numFmt w:val="custom" w:format="01, 02, 03, ...":
    /// its first sample says the format, where one is recognised.
    pub(super) fn custom(format: &str) -> Option<Format> {
        let first = format.split(',').next()?.trim();
        if first.len() >= 2 && first.bytes().all(|b| b == b'0') {
            return None;
        }
        if first.len() >= 2
            && first.ends_with('1')
            && first[..first.len() - 1].bytes().all(|b| b == b'0')
        {
            return Some(Format::Zero(first.len()));
        }
        match first {
            "1" => Some(Format::Decimal),
            "一" => Some(Format::Chinese),
            "壹" => Some(Format::ChineseLegal),
            "①" => Some(Format::Circled),
            _ => None,
        }
    }

    pub(super) fn write(self, n: u32) -> String {
        let from = |first: u32, count: u32| {
            (1..=count)
                .contains(&n)
                .then(|| char::from_u32(first + n - 1))
                .flatten()
        };
        match self {
            Format::Decimal => n.to_string(),
            Format::Zero(w) => format!("{n:0w$}"),
            Format::UpperRoman => roman(n),
            Format::LowerRoman => roman(n).to_lowercase(),
            Format::UpperLetter => letters(n),
            Format::LowerLetter => letters(n).to_lowercase(),
            Format::Chinese => chinese(n, &CN_DIGITS, ["十", "百", "千", "万"]),
            Format::ChineseDigits => n
                .to_string()
                .bytes()
                .map(|b| CN_ZERO_DIGITS[(b - b'0') as usize])
                .collect(),
            Format::ChineseLegal => chinese_legal(n, &LEGAL, ["拾", "佰", "仟", "万"]),
            Format::ChineseLegalTraditional => {
                chinese_legal(n, &LEGAL_TRADITIONAL, ["拾", "佰", "仟", "萬"])
            }
            Format::Stems => STEMS[((n.max(1) - 1) % 10) as usize].to_string(),
            Format::Branches => BRANCHES[((n.max(1) - 1) % 12) as usize].to_string(),
            Format::Circled => from(0x2460, 20)
                .or_else(|| {
                    (21..=35)
                        .contains(&n)
                        .then(|| char::from_u32(0x3251 + n - 21))
                        .flatten()
                })
                .or_else(|| {
                    (36..=50)
                        .contains(&n)
                        .then(|| char::from_u32(0x32B1 + n - 36))
                        .flatten()
                })
                .map_or_else(|| n.to_string(), String::from),
            Format::Paren => from(0x2474, 20).map_or_else(|| format!("({n})"), String::from),
            Format::FullStop => from(0x2488, 20).map_or_else(|| format!("{n}."), String::from),
            Format::ParenIdeograph => from(0x3220, 10).map_or_else(
                || format!("({})", chinese(n, &CN_DIGITS, ["十", "百", "千", "万"])),
                String::from,
            ),
            Format::FullWidth => n
                .to_string()
                .chars()
                .filter_map(|c| char::from_u32(c as u32 - '0' as u32 + '０' as u32))
                .collect(),
            Format::None | Format::Bullet => String::new(),
        }
    }
}

/// Counting writes a zero inside a number as 零 (一百零一) …
const CN_DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
/// … and digit by digit as 〇 (一〇).
const CN_ZERO_DIGITS: [&str; 10] = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
const LEGAL: [&str; 10] = ["零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"];
const LEGAL_TRADITIONAL: [&str; 10] = ["零", "壹", "貳", "參", "肆", "伍", "陸", "柒", "捌", "玖"];
const STEMS: [&str; 10] = ["甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"];
const BRANCHES: [&str; 12] = [
    "子", "丑", "寅", "卯", "辰", "巳", "午", "未", "申", "酉", "戌", "亥",
];

/// 1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 101 → 一百零一 (to 99,999;
/// beyond that digit by digit).
fn chinese(n: u32, digits: &[&str; 10], units: [&str; 4]) -> String {
    if n >= 100_000 || n == 0 {
        return Format::ChineseDigits.write(n);
    }
    let s = chinese_legal(n, digits, units);
    // 一十 → 十 at the front (十一, not 一十一).
    match s.strip_prefix(digits[1]) {
        Some(rest) if (10..20).contains(&n) => rest.to_string(),
        _ => s,
    }
}

/// The full form, 一十一 / 壹拾壹 (legal numbers keep the leading one).
fn chinese_legal(n: u32, digits: &[&str; 10], units: [&str; 4]) -> String {
    if n == 0 || n >= 100_000 {
        return n
            .to_string()
            .bytes()
            .map(|b| digits[(b - b'0') as usize])
            .collect();
    }
    let place = [10_000, 1_000, 100, 10, 1];
    let unit = [units[3], units[2], units[1], units[0], ""];
    let mut out = String::new();
    let mut zero = false;
    for (p, u) in place.iter().zip(unit) {
        let d = (n / p) % 10;
        if d == 0 {
            zero = !out.is_empty();
            continue;
        }
        if zero {
            out.push_str(digits[0]);
            zero = false;
        }
        out.push_str(digits[d as usize]);
        out.push_str(u);
    }
    out
}

fn roman(mut n: u32) -> String {
    if n == 0 || n >= 4000 {
        return n.to_string();
    }
    let table = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (v, s) in table {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    out
}

/// A … Z, AA … ZZ, AAA … as Word counts letters.
fn letters(n: u32) -> String {
    if n == 0 {
        return String::new();
    }
    let letter = char::from(b'A' + ((n - 1) % 26) as u8);
    // Word repeats the letter past Z; a silly count is not repeated a
    // million times.
    let times = ((n - 1) / 26 + 1).min(20) as usize;
    std::iter::repeat_n(letter, times).collect()
}
