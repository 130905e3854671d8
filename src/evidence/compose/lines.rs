//! Where in a compose file each key and list item is written.
//!
//! The YAML library gives the structure but no line numbers for values, so
//! this scanner walks the text once and records, for every block-style key
//! and sequence item, the path that leads to it (`services/web/ports/0`) and
//! its line. It only locates: what a value is always comes from the parsed
//! document, never from here. Flow collections (`ports: ["80:80"]`) have no
//! line per item; their key's line stands for them.

use std::collections::HashMap;

/// Paths to 1-based line numbers.
#[derive(Debug, Default)]
pub struct LineIndex {
    lines: HashMap<Vec<String>, u64>,
}

struct Frame {
    indent: usize,
    segment: String,
    item: bool,
}

impl LineIndex {
    pub fn scan(text: &str) -> LineIndex {
        let mut index = LineIndex::default();
        let mut stack: Vec<Frame> = Vec::new();
        let mut counters: HashMap<Vec<String>, usize> = HashMap::new();
        // Lines of a block scalar (`|`, `>`) indented deeper than this are text.
        let mut block_scalar: Option<usize> = None;
        for (number, raw) in text.lines().enumerate() {
            let line = number as u64 + 1;
            let content = raw.trim_start_matches(' ');
            let indent = raw.len() - content.len();
            let content = content.trim_end();
            if content.is_empty() || content.starts_with('#') {
                continue;
            }
            if let Some(limit) = block_scalar {
                if indent > limit {
                    continue;
                }
                block_scalar = None;
            }
            if content == "---" || content == "..." {
                stack.clear();
                continue;
            }
            let (mut indent, mut rest) = (indent, content);
            if rest == "-" || rest.starts_with("- ") {
                while stack
                    .last()
                    .is_some_and(|f| f.indent > indent || (f.indent == indent && f.item))
                {
                    stack.pop();
                }
                let parent = path_of(&stack);
                let counter = counters.entry(parent.clone()).or_default();
                let segment = counter.to_string();
                *counter += 1;
                let mut path = parent;
                path.push(segment.clone());
                index.lines.insert(path, line);
                stack.push(Frame {
                    indent,
                    segment,
                    item: true,
                });
                let after = rest[1..].trim_start_matches(' ');
                indent += rest.len() - after.len();
                rest = after;
                if rest.is_empty() {
                    continue;
                }
            } else {
                while stack.last().is_some_and(|f| f.indent >= indent) {
                    stack.pop();
                }
            }
            let Some((key, value)) = split_key(rest) else {
                continue;
            };
            let mut path = path_of(&stack);
            path.push(key.clone());
            counters.remove(&path);
            index.lines.entry(path).or_insert(line);
            if value.starts_with('|') || value.starts_with('>') {
                block_scalar = Some(indent);
            }
            stack.push(Frame {
                indent,
                segment: key,
                item: false,
            });
        }
        index
    }

    /// The line of `path`, or of its nearest written ancestor.
    pub fn line_of(&self, path: &[&str]) -> Option<u64> {
        (1..=path.len()).rev().find_map(|n| {
            let key: Vec<String> = path[..n].iter().map(|s| s.to_string()).collect();
            self.lines.get(&key).copied()
        })
    }

    /// The line of exactly `path`, if it is written in block style.
    pub fn exact(&self, path: &[&str]) -> Option<u64> {
        let key: Vec<String> = path.iter().map(|s| s.to_string()).collect();
        self.lines.get(&key).copied()
    }
}

fn path_of(stack: &[Frame]) -> Vec<String> {
    stack.iter().map(|f| f.segment.clone()).collect()
}

/// `key: value` or `key:` → the key unquoted, and the value's text.
fn split_key(content: &str) -> Option<(String, &str)> {
    let (key, rest) =
        if let Some(quote) = content.chars().next().filter(|c| *c == '"' || *c == '\'') {
            let end = content[1..].find(quote)? + 1;
            (&content[1..end], content[end + 1..].trim_start())
        } else {
            let colon = content
                .match_indices(':')
                .map(|(i, _)| i)
                .find(|&i| content[i + 1..].is_empty() || content[i + 1..].starts_with(' '))?;
            // A flow collection or a quoted scalar is a value, not a key.
            if content.starts_with(['[', '{']) {
                return None;
            }
            (content[..colon].trim_end(), &content[colon..])
        };
    let value = rest.strip_prefix(':')?;
    if !(value.is_empty() || value.starts_with(' ')) {
        return None;
    }
    Some((key.to_string(), value.trim_start()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_and_items_get_their_lines() {
        let text = "\
services:
  web:
    image: \"shop/web:1.0\"
    ports:
      - \"8080:80\"
      - target: 443
        published: 8443
    environment:
      DB_HOST: db
    healthcheck:
      test: [\"CMD\", \"curl\", \"-f\", \"http://localhost\"]
    command: |
      a: b
      c
  db:
    image: postgres
    depends_on:
    - cache
    environment:
    - A=1
    - B=2
";
        let index = LineIndex::scan(text);
        assert_eq!(index.exact(&["services", "web", "image"]), Some(3));
        assert_eq!(index.exact(&["services", "web", "ports", "0"]), Some(5));
        assert_eq!(index.exact(&["services", "web", "ports", "1"]), Some(6));
        assert_eq!(
            index.exact(&["services", "web", "ports", "1", "published"]),
            Some(7)
        );
        assert_eq!(
            index.exact(&["services", "web", "environment", "DB_HOST"]),
            Some(9)
        );
        assert_eq!(
            index.exact(&["services", "web", "healthcheck", "test"]),
            Some(11)
        );
        // Block scalar text is not a key.
        assert_eq!(index.exact(&["services", "web", "command", "a"]), None);
        assert_eq!(index.exact(&["services", "db"]), Some(15));
        assert_eq!(
            index.exact(&["services", "db", "depends_on", "0"]),
            Some(18)
        );
        assert_eq!(
            index.exact(&["services", "db", "environment", "1"]),
            Some(21)
        );
        // Flow items fall back to their key.
        assert_eq!(
            index.line_of(&["services", "web", "healthcheck", "test", "1"]),
            Some(11)
        );
    }
}
