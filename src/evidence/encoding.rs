//! What a text file's bytes are: UTF-8 with `\n` or `\r\n` line ends (what
//! the log scan reads), UTF-16 with a byte-order mark (Windows tools, some
//! PowerShell redirections), lines ended by a lone `\r` (old Mac tools,
//! progress output), or binary.
//!
//! Files of the second and third kind are converted once, streaming, into a
//! private temporary directory ([`Scratch`]) so the scan reads every log the
//! same way; the report still cites the original file.

use std::fs::File;
use std::io::{self, BufWriter, Read, Write};
use std::path::{Path, PathBuf};

const BUFFER: usize = 256 * 1024;
const SNIFF: usize = 8 * 1024;

/// How a text file is laid out, from its first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// UTF-8 (or ASCII) with `\n` line ends: read as it is.
    Lines,
    Utf16Le,
    Utf16Be,
    /// Lines ended by `\r` alone.
    CarriageReturns,
}

impl Layout {
    pub fn of(head: &[u8]) -> Layout {
        if head.starts_with(&[0xff, 0xfe]) {
            Layout::Utf16Le
        } else if head.starts_with(&[0xfe, 0xff]) {
            Layout::Utf16Be
        } else if head.contains(&b'\r') && !head.contains(&b'\n') {
            Layout::CarriageReturns
        } else {
            Layout::Lines
        }
    }
}

/// Whether a file's first bytes are binary rather than text. A text log
/// with a few NUL bytes (a truncated write, a padded rotation) is text: only
/// a real share of NULs or other control bytes makes a file binary.
pub fn looks_binary(head: &[u8]) -> bool {
    if matches!(Layout::of(head), Layout::Utf16Le | Layout::Utf16Be) {
        return false;
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x1b | 0x0c))
        .count();
    controls * 10 > head.len()
}

/// A file's head as UTF-8: UTF-16 decoded, anything else unchanged.
pub fn decoded_head(head: Vec<u8>) -> Vec<u8> {
    match Layout::of(&head) {
        Layout::Utf16Le | Layout::Utf16Be => {
            let mut out = Vec::with_capacity(head.len());
            let mut decoder = Utf16Decoder::new(Layout::of(&head));
            decoder.push(&head[2..], &mut out);
            out
        }
        Layout::Lines | Layout::CarriageReturns => head,
    }
}

/// The private directory converted copies of logs live in, removed when
/// the evidence that reads them is dropped.
#[derive(Debug, Default)]
pub struct Scratch {
    dir: Option<tempfile::TempDir>,
    converted: usize,
}

impl Scratch {
    /// The path the scan should read for the log at `path`: the file
    /// itself, or a UTF-8, `\n`-separated copy of it.
    pub fn readable(&mut self, path: &Path) -> io::Result<PathBuf> {
        let mut head = Vec::with_capacity(SNIFF);
        File::open(path)?
            .take(SNIFF as u64)
            .read_to_end(&mut head)?;
        let layout = Layout::of(&head);
        if layout == Layout::Lines {
            return Ok(path.to_path_buf());
        }
        if self.dir.is_none() {
            self.dir = Some(tempfile::Builder::new().prefix("coroner-").tempdir()?);
        }
        self.converted += 1;
        let copy = self
            .dir
            .as_ref()
            .expect("created above")
            .path()
            .join(format!("{}.log", self.converted));
        convert(path, &copy, layout)?;
        Ok(copy)
    }

    pub fn into_dir(self) -> Option<tempfile::TempDir> {
        self.dir
    }
}

fn convert(from: &Path, to: &Path, layout: Layout) -> io::Result<()> {
    let mut input = File::open(from)?;
    let mut output = BufWriter::with_capacity(BUFFER, File::create(to)?);
    let mut buffer = vec![0u8; BUFFER];
    let mut decoded = Vec::with_capacity(BUFFER * 2);
    let mut decoder = Utf16Decoder::new(layout);
    let mut first = true;
    loop {
        let n = input.read(&mut buffer)?;
        if n == 0 {
            break;
        }
        let mut chunk = &buffer[..n];
        if first && matches!(layout, Layout::Utf16Le | Layout::Utf16Be) && chunk.len() >= 2 {
            chunk = &chunk[2..];
        }
        first = false;
        match layout {
            Layout::CarriageReturns => {
                decoded.clear();
                decoded.extend(chunk.iter().map(|&b| if b == b'\r' { b'\n' } else { b }));
                output.write_all(&decoded)?;
            }
            Layout::Utf16Le | Layout::Utf16Be => {
                decoded.clear();
                decoder.push(chunk, &mut decoded);
                output.write_all(&decoded)?;
            }
            Layout::Lines => output.write_all(chunk)?,
        }
    }
    output.flush()
}

/// Decodes UTF-16 in pieces: a byte or a surrogate split between two
/// buffers is kept for the next one; unpaired surrogates become U+FFFD.
struct Utf16Decoder {
    big_endian: bool,
    odd_byte: Option<u8>,
    high_surrogate: Option<u16>,
}

impl Utf16Decoder {
    fn new(layout: Layout) -> Self {
        Utf16Decoder {
            big_endian: layout == Layout::Utf16Be,
            odd_byte: None,
            high_surrogate: None,
        }
    }

    fn push(&mut self, bytes: &[u8], out: &mut Vec<u8>) {
        let mut units = Vec::with_capacity(bytes.len() / 2 + 1);
        let mut rest = bytes;
        if let Some(first) = self.odd_byte.take() {
            if let Some((&second, tail)) = rest.split_first() {
                units.push(self.unit(first, second));
                rest = tail;
            } else {
                self.odd_byte = Some(first);
            }
        }
        let mut pairs = rest.chunks_exact(2);
        for pair in pairs.by_ref() {
            units.push(self.unit(pair[0], pair[1]));
        }
        if let [last] = pairs.remainder() {
            self.odd_byte = Some(*last);
        }
        let mut text = String::with_capacity(units.len());
        for unit in units {
            match (self.high_surrogate.take(), unit) {
                (None, 0xD800..=0xDBFF) => self.high_surrogate = Some(unit),
                (Some(high), 0xDC00..=0xDFFF) => {
                    let c =
                        0x10000 + ((u32::from(high) - 0xD800) << 10) + (u32::from(unit) - 0xDC00);
                    text.push(char::from_u32(c).unwrap_or('\u{fffd}'));
                }
                (Some(_), 0xD800..=0xDBFF) => {
                    text.push('\u{fffd}');
                    self.high_surrogate = Some(unit);
                }
                (Some(_), _) => {
                    text.push('\u{fffd}');
                    text.push(char::from_u32(u32::from(unit)).unwrap_or('\u{fffd}'));
                }
                (None, _) => text.push(char::from_u32(u32::from(unit)).unwrap_or('\u{fffd}')),
            }
        }
        out.extend_from_slice(text.as_bytes());
    }

    fn unit(&self, a: u8, b: u8) -> u16 {
        if self.big_endian {
            u16::from_be_bytes([a, b])
        } else {
            u16::from_le_bytes([a, b])
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16le(text: &str) -> Vec<u8> {
        let mut bytes = vec![0xff, 0xfe];
        for unit in text.encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        bytes
    }

    #[test]
    fn utf16_and_lone_cr_logs_become_lines() {
        let dir = tempfile::tempdir().unwrap();
        let text = "2026-11-27T18:31:41Z Error: connect ECONNREFUSED 10.0.0.5:5432 é😀\r\nnext\r\n";
        let wide = dir.path().join("wide.log");
        std::fs::write(&wide, utf16le(text)).unwrap();
        let cr = dir.path().join("cr.log");
        std::fs::write(&cr, b"one\rtwo\rthree").unwrap();
        let plain = dir.path().join("plain.log");
        std::fs::write(&plain, b"one\ntwo\n").unwrap();
        let mut scratch = Scratch::default();
        let read = |p: PathBuf| std::fs::read_to_string(p).unwrap();
        assert_eq!(read(scratch.readable(&wide).unwrap()), text);
        assert_eq!(read(scratch.readable(&cr).unwrap()), "one\ntwo\nthree");
        assert_eq!(scratch.readable(&plain).unwrap(), plain);
    }

    #[test]
    fn a_split_surrogate_pair_survives_any_buffer_boundary() {
        let bytes = utf16le("a😀b");
        for split in 2..bytes.len() {
            let mut decoder = Utf16Decoder::new(Layout::Utf16Le);
            let mut out = Vec::new();
            decoder.push(&bytes[2..split], &mut out);
            decoder.push(&bytes[split..], &mut out);
            assert_eq!(String::from_utf8(out).unwrap(), "a😀b", "split at {split}");
        }
    }

    #[test]
    fn a_few_nul_bytes_do_not_make_a_log_binary() {
        let mut log = b"2026-11-27 line one\n".repeat(50);
        log.extend_from_slice(&[0, 0, 0]);
        assert!(!looks_binary(&log));
        assert!(looks_binary(&[0u8, 1, 2, 3, 0, 0, 5, 6]));
        assert!(!looks_binary(&utf16le("hello")));
    }
}
