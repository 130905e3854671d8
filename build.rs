//! Embeds the rule catalogue (`rules/*.toml`) and the languages
//! (`locales/<lang>/`) into the binary, so a new rule file or a new language
//! is picked up by the next build without touching the code.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("rules/ directory")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    let mut out = String::from(
        "/// Every rule file of `rules/`, by name.\npub const BUILTIN: &[(&str, &str)] = &[\n",
    );
    for path in &files {
        println!("cargo:rerun-if-changed={}", path.display());
        let name = path.file_name().unwrap().to_string_lossy();
        writeln!(
            out,
            "    ({name:?}, include_str!({:?})),",
            path.display().to_string()
        )
        .unwrap();
    }
    out.push_str("];\n");
    let target = Path::new(&std::env::var("OUT_DIR").unwrap()).join("builtin_rules.rs");
    std::fs::write(target, out).expect("write builtin_rules.rs");
    embed_locales();
}

/// Embeds every language of `locales/`: each directory is a language tag
/// and its `.ftl` files (at any depth) are its catalogue.
fn embed_locales() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut languages: Vec<_> = std::fs::read_dir(&dir)
        .expect("locales/ directory")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    languages.sort();
    let mut out = String::from(
        "/// Every language of `locales/`: its tag and its files.\npub const LOCALES: &[(&str, &[(&str, &str)])] = &[\n",
    );
    for language in &languages {
        let tag = language.file_name().unwrap().to_string_lossy();
        writeln!(out, "    ({tag:?}, &[").unwrap();
        let mut files = Vec::new();
        collect_ftl(language, &mut files);
        files.sort();
        for path in files {
            println!("cargo:rerun-if-changed={}", path.display());
            let relative = path.strip_prefix(language).unwrap().display().to_string();
            writeln!(
                out,
                "        ({:?}, include_str!({:?})),",
                format!("{tag}/{relative}"),
                path.display().to_string()
            )
            .unwrap();
        }
        out.push_str("    ]),\n");
    }
    out.push_str("];\n");
    let target = Path::new(&std::env::var("OUT_DIR").unwrap()).join("builtin_locales.rs");
    std::fs::write(target, out).expect("write builtin_locales.rs");
}

fn collect_ftl(dir: &Path, files: &mut Vec<std::path::PathBuf>) {
    println!("cargo:rerun-if-changed={}", dir.display());
    for entry in std::fs::read_dir(dir).expect("locale directory").flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect_ftl(&path, files);
        } else if path.extension().is_some_and(|e| e == "ftl") {
            files.push(path);
        }
    }
}
