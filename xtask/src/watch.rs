//! `cargo xtask watch`: builds the site and a dev server, starts it, and builds and restarts
//! it whenever a source file changes. Polling, not file-system events: a few hundred files'
//! modification times every half second cost nothing and need no extra crate. The browser is
//! not reloaded: reload the page once the new server says it is listening.

use anyhow::{Context, Result};
use std::{
    fs,
    path::{Path, PathBuf},
    process::{Child, Command},
    thread,
    time::{Duration, SystemTime},
};

use super::{Server, build, target_dir, workspace_root};

/// What a change can touch: the crates the server and the wasm are built from, the styles,
/// the static files, and the manifests.
const WATCHED: [&str; 9] = [
    "app",
    "frontend",
    "server/src",
    "cobalt/src",
    "sandbox/src",
    "style",
    "public",
    "Cargo.toml",
    "Cargo.lock",
];

/// How often the sources are looked at, and how long they must stay unchanged before a build
/// starts (an editor saving several files, a `git checkout`).
const POLL: Duration = Duration::from_millis(500);
const SETTLE: Duration = Duration::from_millis(300);

pub fn watch() -> Result<()> {
    let root = workspace_root();
    let mut seen = fingerprint(&root);
    let mut server = rebuild(&root, None)?;
    loop {
        thread::sleep(POLL);
        let now = fingerprint(&root);
        if now == seen {
            continue;
        }
        thread::sleep(SETTLE);
        if fingerprint(&root) != now {
            continue;
        }
        seen = now;
        println!("xtask: a source changed; building");
        server = rebuild(&root, server)?;
    }
}

/// Builds; on success the running server (if any) makes way for the new one. A failed build
/// leaves the old server running and waits for the next change.
fn rebuild(root: &Path, running: Option<Child>) -> Result<Option<Child>> {
    if let Err(err) = build(Server::Dev) {
        eprintln!("xtask: build failed, the running server is unchanged: {err:#}");
        return Ok(running);
    }
    if let Some(mut old) = running {
        let _ = old.kill();
        let _ = old.wait();
    }
    let binary = target_dir(root).join("debug/server");
    let child = Command::new(&binary)
        .current_dir(root)
        .spawn()
        .with_context(|| format!("starting {}", binary.display()))?;
    Ok(Some(child))
}

/// The newest modification time and the number of files under the watched paths: a change,
/// an added file and a removed one each change it.
fn fingerprint(root: &Path) -> (Option<SystemTime>, usize) {
    let mut newest = None;
    let mut count = 0;
    let mut pending: Vec<PathBuf> = WATCHED.iter().map(|path| root.join(path)).collect();
    while let Some(path) = pending.pop() {
        let Ok(meta) = fs::metadata(&path) else {
            continue;
        };
        if meta.is_dir() {
            if let Ok(entries) = fs::read_dir(&path) {
                pending.extend(entries.filter_map(|entry| entry.ok().map(|e| e.path())));
            }
            continue;
        }
        count += 1;
        if let Ok(modified) = meta.modified() {
            newest = newest.max(Some(modified));
        }
    }
    (newest, count)
}
