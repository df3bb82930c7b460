//! How a paragraph of a 工作要点 begins: a section (一、), a 要点
//! ((一) / （一） / ㈠), a numbered item (1. / 1、 / 1． / ⒈) or a
//! bracketed item ((1) / （1） / ① / ⑴: Word's numbering writes the
//! enclosed forms), or plain text. Only the first few characters are
//! looked at, so classifying a paragraph costs nothing beyond its start.

/// What a paragraph's opening says it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Mark {
    /// 一、 (a section: an area, or a preamble/closing part)
    Section,
    /// （一） (一) ㈠: a 要点
    Group,
    /// 1. 1、 1． ⒈: a work item
    Item,
    /// （1） (1) ① ⑴: a work item, nested under the last `Item` if any
    Sub,
    /// No number: preamble, closing, or a continuation paragraph.
    Text,
}

/// A paragraph split into its number (as written) and the text after it.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Opening<'a> {
    pub mark: Mark,
    pub number: &'a str,
    pub rest: &'a str,
}

const CN_DIGITS: &str = "〇零一二三四五六七八九";

/// 一 … 九十九 as a number (the forms used for section and 要点 numbers).
pub(super) fn cn_number(s: &str) -> Option<u32> {
    let digit = |c: char| match c {
        '〇' | '零' => Some(0),
        _ => CN_DIGITS.chars().position(|d| d == c).map(|p| p as u32 - 1),
    };
    let chars: Vec<char> = s.chars().take(4).collect();
    if s.chars().count() > 3 {
        return None;
    }
    match chars.as_slice() {
        ['十'] => Some(10),
        ['十', b] => Some(10 + digit(*b)?),
        [a, '十'] => Some(digit(*a)? * 10),
        [a, '十', b] => Some(digit(*a)? * 10 + digit(*b)?),
        [a] => digit(*a).filter(|n| *n > 0),
        _ => None,
    }
}

fn is_cn_numeral(c: char) -> bool {
    "一二三四五六七八九十".contains(c)
}

/// The byte length of the leading run of characters satisfying `f`, at
/// most `max` characters.
fn run(s: &str, max: usize, f: impl Fn(char) -> bool) -> usize {
    let mut end = 0;
    for (n, (i, c)) in s.char_indices().enumerate() {
        if n >= max || !f(c) {
            return i;
        }
        end = i + c.len_utf8();
    }
    end
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// Reads the opening of one paragraph (already trimmed).
pub(super) fn opening(line: &str) -> Opening<'_> {
    let text = Opening {
        mark: Mark::Text,
        number: "",
        rest: line,
    };
    let first = match line.chars().next() {
        Some(c) => c,
        None => return text,
    };
    let found = |mark, number_end: usize, rest_start: usize| Opening {
        mark,
        number: &line[..number_end],
        rest: line[rest_start..].trim(),
    };
    // 一、
    if is_cn_numeral(first) {
        let n = run(line, 3, is_cn_numeral);
        let after = &line[n..];
        if after.starts_with('、') && cn_number(&line[..n]).is_some() {
            return found(Mark::Section, n, n + '、'.len_utf8());
        }
        return text;
    }
    // （一） (一) （1） (1)
    if first == '（' || first == '(' {
        let inner = &line[first.len_utf8()..];
        let n_cn = run(inner, 3, is_cn_numeral);
        let n_dg = run(inner, 3, is_digit);
        let (n, mark) = if n_cn > 0 {
            (n_cn, Mark::Group)
        } else if n_dg > 0 {
            (n_dg, Mark::Sub)
        } else {
            return text;
        };
        let close = &inner[n..];
        let close_len = if close.starts_with('）') {
            '）'.len_utf8()
        } else if close.starts_with(')') {
            1
        } else {
            return text;
        };
        if mark == Mark::Group && cn_number(&inner[..n]).is_none() {
            return text;
        }
        let end = first.len_utf8() + n + close_len;
        return found(mark, end, end);
    }
    // ① … ⑳, and ⑴ … ⒇ (Word's decimalEnclosedParen numbering)
    if ('\u{2460}'..='\u{2473}').contains(&first) || ('\u{2474}'..='\u{2487}').contains(&first) {
        return found(Mark::Sub, first.len_utf8(), first.len_utf8());
    }
    // ⒈ … ⒛ (decimalEnclosedFullstop): a numbered item
    if ('\u{2488}'..='\u{249B}').contains(&first) {
        return found(Mark::Item, first.len_utf8(), first.len_utf8());
    }
    // ㈠ … ㈩ (ideographEnclosedCircle): a 要点 like （一）
    if ('\u{3220}'..='\u{3229}').contains(&first) {
        return found(Mark::Group, first.len_utf8(), first.len_utf8());
    }
    // 1. 1、 1．
    if is_digit(first) {
        let n = run(line, 3, is_digit);
        let after = &line[n..];
        for sep in ['.', '．', '、'] {
            if let Some(rest) = after.strip_prefix(sep) {
                // "1.5亿元" and "2.1" are numbers, not item numbers.
                if rest.chars().next().is_some_and(is_digit) {
                    return text;
                }
                return found(Mark::Item, n, n + sep.len_utf8());
            }
        }
    }
    text
}

/// A year written in a title or date: "2023年" or "二〇二三年".
pub(super) fn year_in(text: &str) -> Option<i32> {
    let chars: Vec<char> = text.chars().collect();
    for (i, c) in chars.iter().enumerate() {
        if *c != '年' || i < 4 {
            continue;
        }
        let digits = &chars[i - 4..i];
        let value = digits.iter().try_fold(0i32, |acc, d| {
            let v = if d.is_ascii_digit() {
                d.to_digit(10)? as i32
            } else if *d == '〇' || *d == '零' || *d == 'Ｏ' || *d == 'O' {
                0
            } else {
                CN_DIGITS.chars().position(|x| x == *d)? as i32 - 1
            };
            Some(acc * 10 + v)
        });
        // A fifth digit before the four would make it not a year.
        let before = i
            .checked_sub(5)
            .and_then(|j| chars.get(j))
            .is_some_and(|c| c.is_ascii_digit());
        if let Some(y) = value.filter(|y| (1950..=2200).contains(y)) {
            if !before {
                return Some(y);
            }
        }
    }
    None
}
