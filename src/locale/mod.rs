//! The languages reports are written in.
//!
//! Every sentence, heading and label a report shows is a message of a
//! Fluent catalogue (`locales/<lang>/*.ftl`, <https://projectfluent.org>):
//! the analyzer produces [`Text`]s (a message id and named arguments) and
//! this module turns them into words, with the language's plurals, numbers,
//! dates and typography. A language is a directory and nothing else:
//! `locales/<lang>/` is compiled in, and `--locales DIR` adds the
//! `DIR/<lang>/` directories of a build that does not have them.
//!
//! The English wording of the rule catalogue stays in `rules/*.toml`, beside
//! the patterns it explains; other languages translate it in
//! `locales/<lang>/rules/<family>.ftl`, one message per rule id with a
//! `.title` and a `.remediation`.
//!
//! This module owns loading catalogues, choosing the language and formatting
//! values. It must not decide what to say: that is the analyzer's job.

mod format;
mod inventory;
mod text;

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, LazyLock, Mutex, RwLock};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

pub use format::NumberStyle;
pub use inventory::Inventory;
pub use text::{Arg, Text};

mod builtin {
    include!(concat!(env!("OUT_DIR"), "/builtin_locales.rs"));
}

/// The language a report is written in when none is asked for.
pub const DEFAULT: &str = "en";

#[derive(Debug, thiserror::Error)]
pub enum LocaleError {
    #[error("unknown language {asked:?}; coroner speaks {}", supported.join(", "))]
    Unknown {
        asked: String,
        supported: Vec<String>,
    },
    #[error("{file}:{line}: {message}")]
    Invalid {
        file: String,
        line: usize,
        message: String,
    },
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// One `.ftl` file of a language: where it comes from and its text.
#[derive(Clone)]
struct Source {
    file: String,
    text: Arc<str>,
}

/// Languages added at run time with `--locales`, by tag.
static ADDED: LazyLock<RwLock<BTreeMap<String, Vec<Source>>>> = LazyLock::new(Default::default);
/// Localizers built so far, by tag.
static BUILT: LazyLock<Mutex<BTreeMap<String, Arc<Localizer>>>> = LazyLock::new(Default::default);

/// Every language coroner can write, compiled in or added, sorted.
pub fn supported() -> Vec<String> {
    let mut tags: Vec<String> = builtin::LOCALES
        .iter()
        .map(|(tag, _)| tag.to_string())
        .collect();
    tags.extend(ADDED.read().expect("locale registry").keys().cloned());
    tags.sort();
    tags.dedup();
    tags
}

/// Adds the languages of `dir`: each sub-directory is a language tag
/// holding `.ftl` files (nested directories are read too). A language
/// coroner already has is replaced file by file: a file with the same
/// relative path replaces the compiled-in one.
pub fn add_dir(dir: &Path) -> Result<Vec<String>, LocaleError> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| LocaleError::Io { path, source }
    };
    let mut added = Vec::new();
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(io(dir))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    entries.sort();
    for lang_dir in entries {
        let tag = lang_dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if tag.parse::<LanguageIdentifier>().is_err() {
            return Err(LocaleError::Invalid {
                file: lang_dir.display().to_string(),
                line: 1,
                message: format!("{tag:?} is not a language tag (en, fr, pt-BR, …)"),
            });
        }
        let mut sources = Vec::new();
        for entry in walkdir::WalkDir::new(&lang_dir).sort_by_file_name() {
            let entry = entry.map_err(|e| LocaleError::Io {
                path: lang_dir.clone(),
                source: e.into(),
            })?;
            let path = entry.path();
            if path.extension().is_some_and(|e| e == "ftl") {
                let text = std::fs::read_to_string(path).map_err(io(path))?;
                let relative = path.strip_prefix(&lang_dir).unwrap_or(path);
                sources.push(Source {
                    file: format!("{tag}/{}", relative.display()),
                    text: text.into(),
                });
            }
        }
        // Checked now, so a broken file is an error before any work is done.
        Localizer::build(&tag, &sources_for(&tag, &sources))?;
        BUILT.lock().expect("locale cache").remove(&tag);
        ADDED
            .write()
            .expect("locale registry")
            .insert(tag.clone(), sources);
        added.push(tag);
    }
    Ok(added)
}

/// The language `tag` names, or an error listing the languages there are.
/// `fr-FR` and `fr_FR.UTF-8` find `fr`.
pub fn get(tag: &str) -> Result<Arc<Localizer>, LocaleError> {
    let supported = supported();
    let wanted = normalise(tag);
    let found = supported
        .iter()
        .find(|s| s.eq_ignore_ascii_case(&wanted))
        .or_else(|| {
            let language = wanted.split('-').next().unwrap_or_default();
            supported.iter().find(|s| s.eq_ignore_ascii_case(language))
        })
        .cloned()
        .ok_or_else(|| LocaleError::Unknown {
            asked: tag.to_string(),
            supported: supported.clone(),
        })?;
    if let Some(l) = BUILT.lock().expect("locale cache").get(&found) {
        return Ok(l.clone());
    }
    // Built without the cache locked: a language builds English for its
    // fallback. Two threads may both build one; the first kept wins.
    let added = ADDED.read().expect("locale registry").get(&found).cloned();
    let localizer = Arc::new(Localizer::build(
        &found,
        &sources_for(&found, added.as_deref().unwrap_or_default()),
    )?);
    Ok(BUILT
        .lock()
        .expect("locale cache")
        .entry(found)
        .or_insert(localizer)
        .clone())
}

/// The language the environment asks for (`LC_ALL`, then `LC_MESSAGES`,
/// then `LANG`, as POSIX orders them), when coroner speaks it.
pub fn from_environment() -> Option<String> {
    let asked = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .find(|v| !v.is_empty())?;
    // `C` and `POSIX` ask for no language in particular.
    if asked == "C" || asked == "POSIX" || asked.starts_with("C.") {
        return None;
    }
    get(&asked).ok().map(|l| l.tag().to_string())
}

/// `fr_FR.UTF-8@euro` → `fr-FR`.
fn normalise(tag: &str) -> String {
    tag.split(['.', '@'])
        .next()
        .unwrap_or_default()
        .replace('_', "-")
}

/// The compiled-in files of `tag` with the added ones over them.
fn sources_for(tag: &str, added: &[Source]) -> Vec<Source> {
    let mut sources: Vec<Source> = builtin::LOCALES
        .iter()
        .filter(|(t, _)| *t == tag)
        .flat_map(|(_, files)| files.iter())
        .filter(|(file, _)| !added.iter().any(|a| a.file == *file))
        .map(|(file, text)| Source {
            file: file.to_string(),
            text: Arc::from(*text),
        })
        .collect();
    sources.extend(added.iter().cloned());
    sources
}

/// One language's catalogue, ready to write messages.
pub struct Localizer {
    tag: String,
    bundle: FluentBundle<FluentResource>,
    numbers: NumberStyle,
    inventory: Inventory,
    /// English, for a message a language added at run time lacks.
    fallback: Option<Arc<Localizer>>,
}

impl Localizer {
    fn build(tag: &str, sources: &[Source]) -> Result<Localizer, LocaleError> {
        let langid: LanguageIdentifier = tag.parse().map_err(|_| LocaleError::Invalid {
            file: tag.to_string(),
            line: 1,
            message: format!("{tag:?} is not a language tag"),
        })?;
        let mut bundle = FluentBundle::new_concurrent(vec![langid]);
        // Unicode isolation marks would end up in Markdown and terminals.
        bundle.set_use_isolating(false);
        bundle.set_formatter(Some(format::fluent_number));
        // NUMBER($n, useGrouping: "false"): a count a sentence has always
        // written without group separators.
        bundle
            .add_builtins()
            .expect("a new bundle has no functions yet");
        let mut all: Vec<Source> = sources.to_vec();
        if tag == DEFAULT {
            all.push(Source {
                file: "rules/*.toml".into(),
                text: crate::analyze::rules::Catalogue::builtin()
                    .english_messages()
                    .into(),
            });
        }
        let mut inventory = Inventory::new();
        for source in &all {
            let resource =
                FluentResource::try_new(source.text.to_string()).map_err(|(_, errors)| {
                    let first = &errors[0];
                    LocaleError::Invalid {
                        file: source.file.clone(),
                        line: line_of(&source.text, first.pos.start),
                        message: first.kind.to_string(),
                    }
                })?;
            inventory::add(&mut inventory, &resource);
            bundle.add_resource(resource).map_err(|errors| {
                let message = errors
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("; ");
                LocaleError::Invalid {
                    file: source.file.clone(),
                    line: 1,
                    message,
                }
            })?;
        }
        let mut localizer = Localizer {
            tag: tag.to_string(),
            numbers: NumberStyle::default(),
            inventory,
            bundle,
            fallback: None,
        };
        localizer.numbers = NumberStyle::from_catalogue(|id| localizer.raw(id));
        if tag != DEFAULT {
            localizer.fallback = Some(get(DEFAULT)?);
        }
        Ok(localizer)
    }

    /// The language tag: `en`, `fr`.
    pub fn tag(&self) -> &str {
        &self.tag
    }

    /// Whether the catalogue has `id` (or `id.attribute`).
    pub fn has(&self, id: &str) -> bool {
        self.pattern(id).is_some()
    }

    /// Every message id of the catalogue (attributes as `id.attribute`)
    /// and the arguments each uses.
    pub fn inventory(&self) -> &Inventory {
        &self.inventory
    }

    /// The words of `text` in this language.
    pub fn text(&self, text: &Text) -> String {
        match text {
            Text::Verbatim(words) => {
                if !words.is_empty() {
                    untranslated(words);
                }
                words.clone()
            }
            Text::Message { id, args } => {
                let mut fluent = FluentArgs::new();
                for (name, arg) in args {
                    fluent.set(name.clone(), self.value(arg));
                }
                self.format(id, Some(&fluent))
            }
        }
    }

    /// A message without arguments, or with string arguments only.
    pub fn message(&self, id: &str, args: &[(&str, &str)]) -> String {
        let mut fluent = FluentArgs::new();
        for (name, value) in args {
            fluent.set(*name, FluentValue::from(*value));
        }
        self.format(id, Some(&fluent))
    }

    fn format(&self, id: &str, args: Option<&FluentArgs>) -> String {
        let Some(pattern) = self.pattern(id) else {
            untranslated(id);
            return match &self.fallback {
                Some(english) if english.has(id) => english.format(id, args),
                // A message no catalogue has is a bug; it shows, so the
                // tests that render every bundle find it.
                _ => format!("⟦{id}⟧"),
            };
        };
        let mut errors = Vec::new();
        let words = format::with_numbers(&self.numbers, || {
            self.bundle
                .format_pattern(pattern, args, &mut errors)
                .into_owned()
        });
        words
    }

    /// The text of a message with no arguments, as written.
    fn raw(&self, id: &str) -> Option<String> {
        let pattern = self.pattern(id)?;
        let mut errors = Vec::new();
        Some(
            self.bundle
                .format_pattern(pattern, None, &mut errors)
                .into_owned(),
        )
    }

    fn pattern(&self, id: &str) -> Option<&fluent_syntax::ast::Pattern<&str>> {
        let (message, attribute) = match id.split_once('.') {
            Some((m, a)) => (m, Some(a)),
            None => (id, None),
        };
        let message = self.bundle.get_message(message)?;
        match attribute {
            Some(a) => message.get_attribute(a).map(|a| a.value()),
            None => message.value(),
        }
    }

    fn value(&self, arg: &Arg) -> FluentValue<'static> {
        match arg {
            Arg::Code(s) => FluentValue::from(s.clone()),
            Arg::Number { value, decimals } => format::number_value(*value, *decimals),
            Arg::Ungrouped(n) if self.numbers.group_prose_counts => {
                format::number_value(*n as f64, 0)
            }
            Arg::Ungrouped(n) => format::ungrouped_value(*n),
            other => FluentValue::from(self.arg(other)),
        }
    }

    /// An argument's words, as a message would show it.
    pub fn arg(&self, arg: &Arg) -> String {
        match arg {
            Arg::Code(s) => s.clone(),
            Arg::Number { value, decimals } => self.numbers.format(*value, *decimals),
            Arg::Ungrouped(n) if self.numbers.group_prose_counts => self.count(*n),
            Arg::Ungrouped(n) => n.to_string(),
            Arg::Percent { ratio, decimals } => self.percent(*ratio, *decimals),
            Arg::Moment(t) => self.moment(*t),
            Arg::Clock(t) => t.format("%H:%M:%S").to_string(),
            Arg::Duration(seconds) => self.duration(*seconds),
            Arg::Text(t) => self.text(t),
            Arg::List(items) => self.list(items),
            Arg::Clause { text, lower } => text::clause(&self.text(text), *lower),
        }
    }

    /// `0.5` → `50.0 %` / `50,0 %`.
    pub fn percent(&self, ratio: f64, decimals: u8) -> String {
        let number = self.numbers.format(ratio * 100.0, decimals);
        self.message("format-percent", &[("number", &number)])
    }

    /// A count: `12,345` / `12 345`.
    pub fn count(&self, n: u64) -> String {
        self.numbers.format(n as f64, 0)
    }

    /// A number with `decimals` digits after the separator.
    pub fn decimal(&self, value: f64, decimals: u8) -> String {
        self.numbers.format(value, decimals)
    }

    /// A moment in UTC: `2026-11-27 18:57:03 UTC` / `27 novembre 2026 à 18:57:03 UTC`.
    pub fn moment(&self, t: chrono::DateTime<chrono::Utc>) -> String {
        self.calendar("format-moment", t)
    }

    /// A moment without the zone, for spans a template says UTC once for:
    /// `2026-11-27 18:57:03` / `27 novembre 2026 18:57:03`.
    pub fn timestamp(&self, t: chrono::DateTime<chrono::Utc>) -> String {
        self.calendar("format-timestamp", t)
    }

    /// `t` through the language's pattern `id`, which may use `$date`
    /// (2026-11-27), `$day`, `$month` (its name), `$year` and `$time`.
    fn calendar(&self, id: &str, t: chrono::DateTime<chrono::Utc>) -> String {
        use chrono::Datelike;
        let month = self.message(&format!("month-{}", t.month()), &[]);
        self.message(
            id,
            &[
                ("date", &t.format("%Y-%m-%d").to_string()),
                ("day", &t.day().to_string()),
                ("month", &month),
                ("year", &t.year().to_string()),
                ("time", &t.format("%H:%M:%S").to_string()),
            ],
        )
    }

    /// A span of time: `2 d 20 h`, `4 min 10 s`, `3.5 s` (the language's units).
    pub fn duration(&self, seconds: f64) -> String {
        format::duration(self, seconds)
    }

    /// `a`, `a and b`, `a, b and c` in the language's words.
    pub fn list(&self, items: &[Text]) -> String {
        let words: Vec<String> = items.iter().map(|t| self.text(t)).collect();
        self.join(&words)
    }

    /// Joins words already written: `a, b and c`.
    pub fn join(&self, words: &[String]) -> String {
        match words {
            [] => String::new(),
            [one] => one.clone(),
            [first, second] => {
                self.message("format-list-pair", &[("first", first), ("second", second)])
            }
            [first, rest @ ..] => {
                let rest = self.join(rest);
                self.message("format-list-more", &[("first", first), ("rest", &rest)])
            }
        }
    }
}

fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())]
        .iter()
        .filter(|b| **b == b'\n')
        .count()
        + 1
}

thread_local! {
    /// What this thread wrote that is not in the language asked for.
    static UNTRANSLATED: RefCell<BTreeMap<String, u64>> = const { RefCell::new(BTreeMap::new()) };
}

/// Counts words a report had to show untranslated: a message the language
/// lacks (shown in English) or words that are not a message (a rule added
/// with `--rules`). Only the first 80 characters are kept.
fn untranslated(what: &str) {
    let key: String = what.chars().take(80).collect();
    UNTRANSLATED.with(|u| *u.borrow_mut().entry(key).or_default() += 1);
}

/// What this thread wrote untranslated since the last call, and how often:
/// message ids a language lacks and verbatim words. A report in English has
/// only the words of rules added with `--rules` here.
pub fn take_untranslated() -> BTreeMap<String, u64> {
    UNTRANSLATED.with(|u| std::mem::take(&mut *u.borrow_mut()))
}

thread_local! {
    /// The language of the report this thread is writing.
    static CURRENT: RefCell<Option<Arc<Localizer>>> = const { RefCell::new(None) };
}

/// Runs `f` with every [`Text`] written in `localizer`'s language: a model
/// serialised inside `f` holds its words in that language.
pub fn in_language<R>(localizer: &Arc<Localizer>, f: impl FnOnce() -> R) -> R {
    struct Restore(Option<Arc<Localizer>>);
    impl Drop for Restore {
        fn drop(&mut self) {
            CURRENT.with(|c| *c.borrow_mut() = self.0.take());
        }
    }
    let previous = CURRENT.with(|c| c.borrow_mut().replace(localizer.clone()));
    let _restore = Restore(previous);
    f()
}

/// The language of the report being written; English outside one.
pub fn current() -> Arc<Localizer> {
    CURRENT
        .with(|c| c.borrow().clone())
        .unwrap_or_else(|| get(DEFAULT).expect("the English catalogue is compiled in"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_writes_dates_numbers_and_lists_its_own_way() {
        let t = chrono::DateTime::parse_from_rfc3339("2026-11-27T18:57:03Z")
            .unwrap()
            .with_timezone(&chrono::Utc);
        let en = get("en").unwrap();
        let fr = get("fr_FR.UTF-8").unwrap();
        assert_eq!(fr.tag(), "fr");
        assert_eq!(en.moment(t), "2026-11-27 18:57:03 UTC");
        assert_eq!(fr.moment(t), "27 novembre 2026 à 18:57:03 UTC");
        assert_eq!(en.percent(0.5, 1), "50.0 %");
        assert_eq!(fr.percent(0.5, 1), "50,0\u{202f}%");
        assert_eq!(fr.count(1296), "1\u{202f}296");
        assert_eq!(en.duration(245_000.0), "2 d 20 h");
        assert_eq!(fr.duration(245_000.0), "2 j 20 h");
        let items = || {
            vec![
                Text::Verbatim("a".into()),
                Text::Verbatim("b".into()),
                Text::Verbatim("c".into()),
            ]
        };
        assert_eq!(en.list(&items()), "a, b and c");
        assert_eq!(fr.list(&items()), "a, b et c");
    }

    #[test]
    fn an_unknown_language_names_the_ones_there_are() {
        let err = get("tlh").err().expect("no Klingon").to_string();
        assert!(err.contains("\"tlh\""), "{err}");
        assert!(err.contains("en, fr"), "{err}");
    }

    #[test]
    fn a_text_serialises_in_the_language_of_the_report() {
        let text = Text::msg("month-11");
        assert_eq!(serde_json::to_string(&text).unwrap(), "\"November\"");
        let fr = get("fr").unwrap();
        let json = in_language(&fr, || serde_json::to_string(&text).unwrap());
        assert_eq!(json, "\"novembre\"");
        assert_eq!(serde_json::to_string(&text).unwrap(), "\"November\"");
    }
}
