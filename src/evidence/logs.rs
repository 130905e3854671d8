//! Log files and the streaming reader that searches them.
//!
//! Logs are never loaded whole. [`search`] reads a file in large buffers, runs
//! a literal multi-pattern prefilter over each buffer, and hands only the
//! lines that contain a candidate to the caller, as ripgrep does. Nothing is
//! allocated per line; line numbers are counted with `memchr` as the search
//! moves forward, so a file is touched once.

use std::fs::File;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use aho_corasick::AhoCorasick;
use serde::Serialize;

/// What wrote a log file; decides how its lines are read and linked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum LogKind {
    /// `docker logs --timestamps` of one container.
    Docker,
    /// nginx `error.log` (or nginx's stderr).
    NginxError,
    /// nginx access log (`combined` or a format starting like it).
    NginxAccess,
    /// Anything else with text lines: syslog, application logs.
    Plain,
}

#[derive(Debug, Clone, Serialize)]
pub struct LogSource {
    #[serde(skip)]
    pub path: PathBuf,
    /// Bundle-relative path, as quoted in reports.
    pub display: String,
    pub kind: LogKind,
    /// The container the log belongs to, or the file stem of a loose log.
    pub service: String,
    pub bytes: u64,
    /// A `docker compose logs` paste: each line names its service in a
    /// `name  | ` prefix ([`compose_prefix`]).
    pub compose_prefixed: bool,
    /// The engine whose host the log comes from, in a bundle of several engines.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub engine: Option<String>,
    /// How far that engine's clock ran ahead of the collector's, when it
    /// is corrected: subtracted from every timestamp read in the log.
    #[serde(skip)]
    pub clock_shift: chrono::TimeDelta,
}

/// A `docker compose logs` prefix: `web_1  | text` → (`web_1`, `text`).
pub fn compose_prefix(line: &str) -> Option<(&str, &str)> {
    let (name, rest) = line.split_once('|')?;
    let name = name.trim_end();
    let valid = !name.is_empty()
        && name.len() <= 64
        && name.as_bytes()[0].is_ascii_alphanumeric()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'))
        // `INFO | message` is a log level column, not a service.
        && !matches!(
            name.to_ascii_uppercase().as_str(),
            "INFO" | "WARN" | "WARNING" | "ERROR" | "DEBUG" | "TRACE" | "FATAL" | "CRITICAL"
                | "NOTICE"
        );
    valid.then(|| (name, rest.strip_prefix(' ').unwrap_or(rest)))
}

/// Whether the start of a file reads as a `docker compose logs` paste: most
/// of its first lines carry a service prefix or are compose's own status lines.
pub fn looks_compose_prefixed(head: &str) -> bool {
    let lines: Vec<&str> = head
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(20)
        .collect();
    let prefixed = lines.iter().filter(|l| compose_prefix(l).is_some()).count();
    let compose_own = lines.iter().filter(|l| is_compose_status(l)).count();
    let compose = prefixed + compose_own;
    // A one-line paste counts when it is all compose's.
    prefixed >= 1 && (compose == lines.len() || (compose >= 2 && compose * 10 >= lines.len() * 6))
}

/// A line compose prints itself, without a prefix: `web-1 exited with code
/// 127`, `web_1 exited with code 255 (restarting)`, `Attaching to db_1, web_1`.
fn is_compose_status(line: &str) -> bool {
    let line = line.trim();
    if line.starts_with("Attaching to ") {
        return true;
    }
    line.split_once(" exited with code ")
        .is_some_and(|(name, code)| {
            !name.is_empty()
                && !name.contains(' ')
                && code.bytes().next().is_some_and(|b| b.is_ascii_digit())
        })
}

/// Lines longer than this are cut for matching and quoting; the rest of the line is skipped.
pub const MAX_LINE: usize = 64 * 1024;
const BUFFER: usize = 256 * 1024;
/// Complete lines kept in front of each new read, so a match can see what came before it.
pub const CONTEXT_LINES: usize = 3;

/// A line that contains at least one prefilter candidate.
pub struct CandidateLine<'a> {
    /// 1-based line number in the file.
    pub number: u64,
    /// The line without its line ending (CR LF or LF), possibly cut at [`MAX_LINE`].
    pub bytes: &'a [u8],
    /// Up to [`CONTEXT_LINES`] preceding lines, oldest first.
    pub before: [&'a [u8]; CONTEXT_LINES],
}

/// Totals for one file, gathered while searching it.
#[derive(Debug, Clone, Default)]
pub struct FileStats {
    pub lines: u64,
    pub bytes: u64,
    pub first_line: Vec<u8>,
    pub last_line: Vec<u8>,
    /// The last [`TAIL_LINES`] non-empty lines, oldest first: what a process
    /// printed last.
    pub tail: Vec<Vec<u8>>,
    /// The last bytes of the file, as asked for with `keep_last` (the bytes
    /// of it that fall in the searched range).
    pub last_bytes: Vec<u8>,
    /// Where in the file [`FileStats::last_bytes`] starts.
    pub last_bytes_from: u64,
}

/// Lines kept in [`FileStats::tail`].
pub const TAIL_LINES: usize = 3;

/// Streams `path` and calls `on_candidate` for every line in which `prefilter` matches.
pub fn search(
    path: &Path,
    prefilter: &AhoCorasick,
    on_candidate: impl FnMut(&CandidateLine<'_>),
) -> io::Result<FileStats> {
    search_range(
        path,
        0..u64::MAX,
        0,
        &mut Vec::new(),
        prefilter,
        on_candidate,
    )
}

/// Context read in front of a part that does not start the file: as much as
/// the sequential search carries between buffers.
const SEED_CONTEXT: u64 = 4 * 1024;

/// Like [`search`], over the bytes `range` of the file only; `range.start`
/// must be 0 or the start of a line ([`split_at_lines`]). Line numbers and
/// [`FileStats`] count from the start of the range; the lines before it are
/// still seen as context. The bytes of the last `keep_last` bytes of the
/// file that the range reads are kept in [`FileStats::last_bytes`], so that
/// nothing has to read them again. `buf` is the read buffer, reused by the
/// caller from one search to the next.
pub fn search_range(
    path: &Path,
    range: std::ops::Range<u64>,
    keep_last: u64,
    buf: &mut Vec<u8>,
    prefilter: &AhoCorasick,
    mut on_candidate: impl FnMut(&CandidateLine<'_>),
) -> io::Result<FileStats> {
    use std::io::{Seek, SeekFrom};
    let mut file = File::open(path)?;
    let keep_from = match keep_last {
        0 => u64::MAX,
        n => file.metadata()?.len().saturating_sub(n),
    };
    let mut offset = range.start;
    // The caller's buffer, reused from one search to the next.
    buf.resize(BUFFER + MAX_LINE, 0);
    let mut stats = FileStats::default();
    // buf[..keep] holds context lines carried over, buf[keep..filled] unread data.
    let mut keep = 0usize;
    if range.start > 0 {
        let seed_from = range.start.saturating_sub(SEED_CONTEXT);
        file.seek(SeekFrom::Start(seed_from))?;
        let seed = (range.start - seed_from) as usize;
        file.read_exact(&mut buf[..seed])?;
        // Only whole lines are context.
        let first_break = memchr::memchr(b'\n', &buf[..seed]).map_or(seed, |i| i + 1);
        let whole = if seed_from == 0 { 0 } else { first_break };
        buf.copy_within(whole..seed, 0);
        keep = seed - whole;
    }
    let mut file = file.take(range.end.saturating_sub(range.start));
    let mut filled = keep;
    let mut line_number = 0u64;
    let mut skipping_long_tail = false;
    let mut ends_with_newline = true;
    let mut eof = false;
    while !eof {
        let n = read_some(&mut file, &mut buf[filled..])?;
        if offset + n as u64 > keep_from {
            let from = offset.max(keep_from);
            if stats.last_bytes.is_empty() {
                stats.last_bytes_from = from;
            }
            let skip = (from - offset) as usize;
            stats
                .last_bytes
                .extend_from_slice(&buf[filled + skip..filled + n]);
        }
        offset += n as u64;
        if n == 0 {
            eof = true;
        } else {
            ends_with_newline = buf[filled + n - 1] == b'\n';
        }
        stats.bytes += n as u64;
        filled += n;
        // Only complete lines are searched; at EOF the last line needs no newline.
        let end = if eof {
            filled
        } else {
            match memchr::memrchr(b'\n', &buf[keep..filled]) {
                Some(i) => keep + i + 1,
                None if filled - keep >= MAX_LINE => {
                    // One line longer than the window: search its head, drop the rest.
                    filled
                }
                None => continue,
            }
        };
        let mut pos = keep;
        if skipping_long_tail {
            match memchr::memchr(b'\n', &buf[pos..end]) {
                Some(i) => {
                    pos += i + 1;
                    line_number += 1;
                    skipping_long_tail = false;
                }
                None => pos = end,
            }
        }
        let region_start = pos;
        let mut counted_to = pos;
        while pos < end {
            let Some(m) = prefilter.find(&buf[pos..end]) else {
                break;
            };
            let hit = pos + m.start();
            let line_start = memchr::memrchr(b'\n', &buf[region_start..hit])
                .map_or(region_start, |i| region_start + i + 1);
            let line_end = memchr::memchr(b'\n', &buf[hit..end]).map_or(end, |i| hit + i);
            line_number += memchr::memchr_iter(b'\n', &buf[counted_to..line_start]).count() as u64;
            counted_to = line_start;
            // Matches past the cut of an overlong line are not reported.
            if hit - line_start < MAX_LINE {
                let line = trim_line_end(&buf[line_start..line_end.min(line_start + MAX_LINE)]);
                let before = preceding_lines(&buf[..line_start]);
                on_candidate(&CandidateLine {
                    number: line_number + 1,
                    bytes: line,
                    before,
                });
            }
            if line_end >= end {
                break;
            }
            pos = line_end + 1;
        }
        line_number += memchr::memchr_iter(b'\n', &buf[counted_to..end]).count() as u64;
        if stats.first_line.is_empty() && end > region_start {
            stats.first_line = first_line(&buf[region_start..end]).to_vec();
        }
        if let Some(last) = last_line(&buf[region_start..end]) {
            stats.last_line.clear();
            stats.last_line.extend_from_slice(last);
        }
        keep_tail(&mut stats.tail, &buf[region_start..end]);
        if end == filled && !eof && memchr::memrchr(b'\n', &buf[keep..filled]).is_none() {
            skipping_long_tail = true;
        }
        // Carry the last few complete lines and the unfinished one to the front.
        let carry_from = context_start(&buf[..end], CONTEXT_LINES).min(end);
        buf.copy_within(carry_from..filled, 0);
        keep = end - carry_from;
        filled -= carry_from;
    }
    if stats.bytes > 0 && !ends_with_newline {
        line_number += 1;
    }
    stats.lines = line_number;
    Ok(stats)
}

/// Cuts a file of `len` bytes into about `parts` ranges that start at line starts.
pub fn split_at_lines(path: &Path, len: u64, parts: u64) -> io::Result<Vec<std::ops::Range<u64>>> {
    use std::io::{Seek, SeekFrom};
    let mut file = File::open(path)?;
    let mut starts = vec![0u64];
    let mut probe = vec![0u8; MAX_LINE];
    for i in 1..parts.max(1) {
        let at = len * i / parts;
        if at <= *starts.last().expect("starts at 0") {
            continue;
        }
        file.seek(SeekFrom::Start(at))?;
        let n = read_some(&mut file, &mut probe)?;
        // A line longer than the probe: leave this cut out.
        if let Some(i) = memchr::memchr(b'\n', &probe[..n]) {
            let start = at + i as u64 + 1;
            if start < len {
                starts.push(start);
            }
        }
    }
    starts.dedup();
    let mut ranges: Vec<std::ops::Range<u64>> = starts.windows(2).map(|w| w[0]..w[1]).collect();
    ranges.push(*starts.last().expect("starts at 0")..u64::MAX);
    Ok(ranges)
}

fn read_some(file: &mut impl Read, into: &mut [u8]) -> io::Result<usize> {
    let want = into.len().min(BUFFER);
    loop {
        match file.read(&mut into[..want]) {
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            other => return other,
        }
    }
}

fn trim_line_end(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    line.strip_suffix(b"\r").unwrap_or(line)
}

/// The up-to-three lines that end right before `upto` (which is a line start).
fn preceding_lines(upto: &[u8]) -> [&[u8]; CONTEXT_LINES] {
    let mut out: [&[u8]; CONTEXT_LINES] = [&[]; CONTEXT_LINES];
    let mut end = upto.len();
    for slot in (0..CONTEXT_LINES).rev() {
        if end == 0 {
            break;
        }
        let body_end = end - 1; // skip the '\n' that ends the previous line
        let start = memchr::memrchr(b'\n', &upto[..body_end]).map_or(0, |i| i + 1);
        let line = trim_line_end(&upto[start..body_end]);
        out[slot] = &line[..line.len().min(512)];
        end = start;
    }
    out
}

/// Where the last `count` complete lines of `data` begin.
fn context_start(data: &[u8], count: usize) -> usize {
    let mut start = data.len();
    for _ in 0..count {
        if start == 0 {
            break;
        }
        start = memchr::memrchr(b'\n', &data[..start - 1]).map_or(0, |i| i + 1);
    }
    // Never carry more than a few KiB of context.
    start.max(data.len().saturating_sub(4 * 1024))
}

fn first_line(data: &[u8]) -> &[u8] {
    let end = memchr::memchr(b'\n', data).unwrap_or(data.len());
    trim_line_end(&data[..end.min(MAX_LINE)])
}

/// Updates `tail` with the last non-empty lines of `data`, which follows
/// what `tail` saw.
fn keep_tail(tail: &mut Vec<Vec<u8>>, data: &[u8]) {
    let mut fresh: Vec<&[u8]> = Vec::with_capacity(TAIL_LINES);
    let mut end = data.len();
    while fresh.len() < TAIL_LINES && end > 0 {
        let start = memchr::memrchr(b'\n', &data[..end - 1]).map_or(0, |i| i + 1);
        let line = trim_line_end(&data[start..end]);
        if !line.iter().all(u8::is_ascii_whitespace) {
            fresh.push(&line[..line.len().min(MAX_LINE)]);
        }
        end = start;
    }
    if fresh.is_empty() {
        return;
    }
    let keep = TAIL_LINES - fresh.len();
    let drop = tail.len().saturating_sub(keep);
    tail.drain(..drop);
    tail.extend(fresh.into_iter().rev().map(<[u8]>::to_vec));
}

fn last_line(data: &[u8]) -> Option<&[u8]> {
    let data = data.strip_suffix(b"\n").unwrap_or(data);
    if data.is_empty() {
        return None;
    }
    let start = memchr::memrchr(b'\n', data).map_or(0, |i| i + 1);
    Some(trim_line_end(
        &data[start..data.len().min(start + MAX_LINE)],
    ))
}

/// Turns raw line bytes into display text: invalid UTF-8 replaced, ANSI
/// colour sequences and other control characters removed.
pub fn clean_text(bytes: &[u8]) -> String {
    clean(bytes).into_owned()
}

/// [`clean_text`], borrowing the line when it is already clean (printable
/// ASCII and tabs, the common case), so the scan allocates nothing for it.
pub fn clean(bytes: &[u8]) -> std::borrow::Cow<'_, str> {
    if bytes
        .iter()
        .all(|&b| (0x20..0x7f).contains(&b) || b == b'\t')
    {
        // Printable ASCII is valid UTF-8.
        return std::borrow::Cow::Borrowed(std::str::from_utf8(bytes).expect("ASCII"));
    }
    let text = String::from_utf8_lossy(bytes);
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            // CSI: ESC [ params final-byte
            if chars.peek() == Some(&'[') {
                chars.next();
                for c in chars.by_ref() {
                    if ('@'..='~').contains(&c) {
                        break;
                    }
                }
            }
            continue;
        }
        if c == '\t' || !c.is_control() {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn run(content: &[u8], needles: &[&str]) -> (Vec<(u64, String, Vec<String>)>, FileStats) {
        let mut f = tempfile::NamedTempFile::new().unwrap();
        f.write_all(content).unwrap();
        let ac = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(needles)
            .unwrap();
        let mut out = Vec::new();
        let stats = search(f.path(), &ac, |c| {
            out.push((
                c.number,
                clean_text(c.bytes),
                c.before.iter().map(|b| clean_text(b)).collect(),
            ))
        })
        .unwrap();
        (out, stats)
    }

    #[test]
    fn keeps_the_last_non_empty_lines_across_buffers() {
        let tail = |stats: &FileStats| -> Vec<String> {
            stats.tail.iter().map(|l| clean_text(l)).collect()
        };
        let (_, stats) = run(b"a\nb\n\nc\r\nd\n\n", &["zzzz"]);
        assert_eq!(tail(&stats), ["b", "c", "d"]);
        // The last buffer holds one line: the two before come from earlier buffers.
        let mut big = "x\n".repeat(BUFFER);
        big.push_str("second to last\nlast");
        let (_, stats) = run(big.as_bytes(), &["zzzz"]);
        assert_eq!(tail(&stats), ["x", "second to last", "last"]);
        let (_, stats) = run(b"only\n", &["zzzz"]);
        assert_eq!(tail(&stats), ["only"]);
    }

    #[test]
    fn finds_candidate_lines_with_numbers_and_context() {
        let (hits, stats) = run(
            b"a\r\nb\nTraceback\nModuleNotFoundError: x\r\nz\nno newline error",
            &["modulenotfound", "ERROR"],
        );
        assert_eq!(
            hits,
            vec![
                (
                    4,
                    "ModuleNotFoundError: x".to_string(),
                    vec!["a".into(), "b".into(), "Traceback".into()]
                ),
                (
                    6,
                    "no newline error".to_string(),
                    vec![
                        "Traceback".into(),
                        "ModuleNotFoundError: x".into(),
                        "z".into()
                    ]
                ),
            ]
        );
        assert_eq!(stats.lines, 6);
        assert_eq!(stats.first_line, b"a");
        assert_eq!(stats.last_line, b"no newline error");
    }

    #[test]
    fn line_numbers_stay_right_across_buffer_refills() {
        let mut content = Vec::new();
        for i in 0..200_000 {
            if i % 50_000 == 7 {
                writeln!(content, "line {i} FATAL").unwrap();
            } else {
                writeln!(content, "line {i} fine and long enough to fill buffers").unwrap();
            }
        }
        let (hits, stats) = run(&content, &["fatal"]);
        let numbers: Vec<u64> = hits.iter().map(|h| h.0).collect();
        assert_eq!(numbers, vec![8, 50_008, 100_008, 150_008]);
        assert_eq!(hits[1].1, "line 50007 FATAL");
        assert_eq!(stats.lines, 200_000);
    }

    #[test]
    fn survives_very_long_lines_and_invalid_utf8() {
        let mut content = vec![b'x'; 5 * MAX_LINE];
        content.extend_from_slice(b" ERROR tail\nnext \xff\xfe ERROR \x1b[31mred\x1b[0m\n");
        let (hits, stats) = run(&content, &["error"]);
        // The match past the cut of the long line is not reported; the next line is.
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].0, 2);
        assert_eq!(hits[0].1, "next \u{fffd}\u{fffd} ERROR red");
        assert_eq!(stats.lines, 2);
    }
}
