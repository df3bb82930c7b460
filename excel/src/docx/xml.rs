//! Reading a part's XML with quick-xml: its events simplified to what the
//! readers need (an element opened, with its namespace and local name; an
//! element closed; text), the part's bytes as text, and the package's
//! relationships.

use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;
use quick_xml::reader::NsReader;
use std::borrow::Cow;

/// The namespaces that matter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Ns {
    /// WordprocessingML (transitional or strict).
    W,
    /// Markup compatibility (mc:AlternateContent).
    Mc,
    Other,
}

fn ns_of(r: &ResolveResult<'_>) -> Ns {
    match r {
        ResolveResult::Bound(ns) => match ns.as_ref() {
            "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
            | "http://purl.oclc.org/ooxml/wordprocessingml/main" => Ns::W,
            "http://schemas.openxmlformats.org/markup-compatibility/2006" => Ns::Mc,
            _ => Ns::Other,
        },
        _ => Ns::Other,
    }
}

/// What a part says, one step at a time.
pub(super) enum Ev<'a, 'x> {
    /// An element opened (an empty element is opened and closed at once).
    Open {
        ns: Ns,
        name: &'a str,
        el: &'a BytesStart<'x>,
    },
    Close,
    Text(Cow<'a, str>),
}

/// The value of the attribute whose local name is `local` (w:val, w:id …:
/// the prefix is not looked at).
pub(super) fn attr(el: &BytesStart<'_>, local: &str) -> Option<String> {
    el.attributes()
        .with_checks(false)
        .flatten()
        .find(|a| a.key.local_name().as_ref() == local)
        .map(
            |a| match a.normalized_value(quick_xml::XmlVersion::Implicit1_0) {
                Ok(v) => v.into_owned(),
                Err(_) => a.value.into_owned(),
            },
        )
}

/// An attribute read as a number.
pub(super) fn attr_num(el: &BytesStart<'_>, local: &str) -> Option<i64> {
    attr(el, local).and_then(|v| v.trim().parse().ok())
}

/// An on/off property (<w:vanish/>, <w:isLgl w:val="0"/>).
pub(super) fn on(el: &BytesStart<'_>) -> bool {
    !matches!(
        attr(el, "val").as_deref(),
        Some("0" | "false" | "off" | "none")
    )
}

/// Walks `xml`, calling `f` with each step; the error is the byte where
/// the XML stopped being well-formed.
pub(super) fn walk(xml: &str, mut f: impl FnMut(Ev<'_, '_>)) -> Result<(), u64> {
    let mut reader = NsReader::from_str(xml);
    loop {
        let (ns, event) = match reader.read_resolved_event() {
            Ok((r, e)) => (ns_of(&r), e),
            Err(_) => return Err(reader.error_position()),
        };
        match event {
            Event::Start(el) => f(Ev::Open {
                ns,
                name: el.local_name().into_inner(),
                el: &el,
            }),
            Event::Empty(el) => {
                f(Ev::Open {
                    ns,
                    name: el.local_name().into_inner(),
                    el: &el,
                });
                f(Ev::Close);
            }
            Event::End(_) => f(Ev::Close),
            Event::Text(t) => f(Ev::Text(t.xml10_content())),
            Event::CData(t) => f(Ev::Text(t.xml10_content())),
            Event::GeneralRef(r) => {
                let named = match &*r {
                    "amp" => Some('&'),
                    "lt" => Some('<'),
                    "gt" => Some('>'),
                    "quot" => Some('"'),
                    "apos" => Some('\''),
                    _ => None,
                };
                let resolved = match named {
                    Some(c) => Ok(Some(c)),
                    None => r.resolve_char_ref(),
                };
                match resolved {
                    Ok(Some(c)) => f(Ev::Text(Cow::Owned(c.to_string()))),
                    Ok(None) => {}
                    Err(_) => return Err(reader.buffer_position()),
                }
            }
            Event::Eof => return Ok(()),
            _ => {}
        }
    }
}

/// A part's bytes as text: UTF-8 (a byte-order mark dropped) or UTF-16
/// with its mark, as XML allows; the error is the first bad byte.
pub(super) fn decode(bytes: Vec<u8>) -> Result<String, u64> {
    let utf16 = |rest: &[u8], le: bool| -> Result<String, u64> {
        let units = rest.chunks(2).map(|c| match (c, le) {
            ([a, b], true) => u16::from_le_bytes([*a, *b]),
            ([a, b], false) => u16::from_be_bytes([*a, *b]),
            _ => 0xFFFD,
        });
        char::decode_utf16(units)
            .enumerate()
            .map(|(i, c)| c.map_err(|_| 2 + 2 * i as u64))
            .collect()
    };
    match bytes.as_slice() {
        [0xFF, 0xFE, rest @ ..] => utf16(rest, true),
        [0xFE, 0xFF, rest @ ..] => utf16(rest, false),
        _ => {
            let skip = if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
                3
            } else {
                0
            };
            let mut bytes = bytes;
            bytes.drain(..skip);
            String::from_utf8(bytes).map_err(|e| (e.utf8_error().valid_up_to() + skip) as u64)
        }
    }
}

/// The relationships of a .rels part: (type, target part), internal
/// targets only, resolved against `source` (the part they belong to; ""
/// for the package).
pub(super) fn relationships(xml: &str, source: &str) -> Vec<(String, String)> {
    let dir = source.rsplit_once('/').map_or("", |(d, _)| d);
    let mut out = Vec::new();
    // A damaged .rels leaves the defaults in force.
    let _ = walk(xml, |ev| {
        let Ev::Open { name, el, .. } = ev else {
            return;
        };
        if name != "Relationship" || attr(el, "TargetMode").as_deref() == Some("External") {
            return;
        }
        if let (Some(kind), Some(target)) = (attr(el, "Type"), attr(el, "Target")) {
            out.push((kind, resolve(dir, &target)));
        }
    });
    out
}

/// A relationship's target as a part name: "/word/document.xml" is from
/// the root, "numbering.xml" and "../media/x" from `dir`.
fn resolve(dir: &str, target: &str) -> String {
    let (mut parts, rest): (Vec<&str>, &str) = match target.strip_prefix('/') {
        Some(rest) => (Vec::new(), rest),
        None => (dir.split('/').filter(|s| !s.is_empty()).collect(), target),
    };
    for seg in rest.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    parts.join("/")
}
