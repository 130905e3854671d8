//! Helpers shared by the fuzz targets.

use std::path::Path;

use tempfile::TempDir;

/// Prefix of every scratch directory, so `scripts/fuzz.sh` can remove those
/// left behind by a run that crashed (a panic aborts before `Drop` runs).
pub const SCRATCH_PREFIX: &str = "coroner-fuzz-";

/// A fresh, empty directory for one fuzz input, removed when dropped.
///
/// It lives in tmpfs (`/dev/shm`) where there is one: the targets write a
/// file for every execution, and a disk-backed directory would make file
/// system latency, not coroner, the bottleneck.
pub fn scratch_dir() -> TempDir {
    let shm = Path::new("/dev/shm");
    let mut builder = tempfile::Builder::new();
    builder.prefix(SCRATCH_PREFIX);
    let dir = if shm.is_dir() {
        builder.tempdir_in(shm)
    } else {
        builder.tempdir()
    };
    dir.expect("cannot create a scratch directory for the fuzz input")
}

/// Writes `contents` to `relative` under `root`, creating parent folders.
pub fn write_file(root: &Path, relative: &str, contents: &[u8]) {
    let path = root.join(relative);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("cannot create a folder for the fuzz input");
    }
    std::fs::write(&path, contents).expect("cannot write the fuzz input");
}
