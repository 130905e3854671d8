//! Line-by-line reading of structured text files (events, listeners,
//! probes, monitoring histories) in bounded memory: a line longer than the
//! limit is cut, its rest skipped without being held, and the cut reported.

use std::fs::File;
use std::io::{self, BufRead, BufReader};
use std::path::Path;

/// The longest line a structured file may have; longer ones are cut.
pub const MAX_LINE_BYTES: usize = 64 * 1024;

const BUFFER_BYTES: usize = 256 * 1024;

/// One line as read: its number (from 1), its text, and whether it was cut.
pub struct Line<'a> {
    pub number: u64,
    pub text: &'a str,
    pub cut: bool,
}

/// Calls `f` for every line of the file at `path`, `\r\n` and `\n` ends
/// removed, invalid UTF-8 replaced. Memory stays under `max` plus a buffer,
/// whatever the file holds.
pub fn for_each_line(path: &Path, max: usize, mut f: impl FnMut(Line<'_>)) -> io::Result<()> {
    let mut reader = BufReader::with_capacity(BUFFER_BYTES, File::open(path)?);
    let mut current: Vec<u8> = Vec::new();
    let mut cut = false;
    let mut number = 0u64;
    let mut emit = |current: &mut Vec<u8>, cut: &mut bool| {
        number += 1;
        if current.last() == Some(&b'\r') {
            current.pop();
        }
        let text = String::from_utf8_lossy(current);
        f(Line {
            number,
            text: &text,
            cut: *cut,
        });
        current.clear();
        *cut = false;
    };
    loop {
        let buffer = reader.fill_buf()?;
        if buffer.is_empty() {
            break;
        }
        let (chunk, ends_line) = match memchr::memchr(b'\n', buffer) {
            Some(i) => (&buffer[..i], true),
            None => (buffer, false),
        };
        let room = max.saturating_sub(current.len());
        if chunk.len() > room {
            current.extend_from_slice(&chunk[..room]);
            cut = true;
        } else {
            current.extend_from_slice(chunk);
        }
        let consumed = chunk.len() + usize::from(ends_line);
        reader.consume(consumed);
        if ends_line {
            emit(&mut current, &mut cut);
        }
    }
    if !current.is_empty() || cut {
        emit(&mut current, &mut cut);
    }
    Ok(())
}

/// Reads a whole structured file (an inspect document, `bundle.json`) when
/// it is at most `max` bytes; a bigger one is refused before it is read.
pub fn read_capped(path: &Path, max: u64) -> Result<String, String> {
    let size = std::fs::metadata(path)
        .map_err(|e| format!("cannot read: {e}"))?
        .len();
    if size > max {
        return Err(format!(
            "{size} bytes: too big for this kind of file (at most {max} bytes are read; see docs/security.md)"
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read: {e}"))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn long_lines_are_cut_and_the_next_line_survives() {
        let mut f = tempfile::NamedTempFile::new().unwrap();
        let long = "x".repeat(1_000_000);
        write!(f, "first\r\n{long}\nlast").unwrap();
        let mut seen = Vec::new();
        for_each_line(f.path(), 10, |l| {
            seen.push((l.number, l.text.to_string(), l.cut))
        })
        .unwrap();
        assert_eq!(
            seen,
            [
                (1, "first".to_string(), false),
                (2, "x".repeat(10), true),
                (3, "last".to_string(), false)
            ]
        );
    }

    #[test]
    fn big_files_are_refused_before_reading() {
        let mut f = tempfile::NamedTempFile::new().unwrap();
        f.write_all(&[b'a'; 100]).unwrap();
        assert!(read_capped(f.path(), 99)
            .unwrap_err()
            .starts_with("100 bytes"));
        assert_eq!(read_capped(f.path(), 100).unwrap().len(), 100);
    }
}
