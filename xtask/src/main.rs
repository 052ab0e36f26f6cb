//! The project's build, as a step of the workspace: `cargo xtask build` compiles the wasm
//! bundles (one per kind of page), generates their JS glue with wasm-bindgen's own library
//! (the version pinned in `Cargo.lock`), shrinks them with `wasm-opt` (npm's binaryen) and the
//! JS with `terser` (npm), bundles the CSS, copies `public/`, precompresses every file (brotli
//! and gzip) into `target/site`, and builds the release server. It replaces cargo-leptos,
//! whose install alone took 20 minutes on a fresh machine for the few steps this project uses.

use anyhow::{Context, Result, ensure};
use std::{
    env, fs,
    io::Write,
    path::{Path, PathBuf},
    process::Command,
    time::Instant,
};

mod css;
mod unused;
mod watch;

/// The name of the built CSS (also `LEPTOS_OUTPUT_NAME`, see `.cargo/config.toml`).
const OUTPUT_NAME: &str = "integrations-tab";
/// The wasm bundles, one per kind of page: each is a build of `frontend` with the feature of
/// that name, written as `pkg/<name>.js` and `pkg/<name>.wasm` (see `app::components::Bundle`).
const BUNDLES: [&str; 2] = ["marketplace", "detail"];
const WASM_TARGET: &str = "wasm32-unknown-unknown";
const WASM_PROFILE: &str = "wasm-release";

const USAGE: &str = "usage: cargo xtask build [--site-only] | cargo xtask watch

  build         the site (wasm, JS glue, CSS, static files, precompressed) into
                target/site, then the release server
  --site-only   the site alone, without the server
  watch         the site and a dev server, started and built again on every change";

fn main() {
    if let Err(err) = run(env::args().skip(1).collect()) {
        eprintln!("xtask: {err:#}");
        std::process::exit(1);
    }
}

fn run(args: Vec<String>) -> Result<()> {
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    match args.as_slice() {
        ["build"] => build(Server::Release),
        ["build", "--site-only"] => build(Server::None),
        ["watch"] => watch::watch(),
        _ => {
            eprintln!("{USAGE}");
            std::process::exit(2);
        }
    }
}

/// Which server a build ends with.
#[derive(Clone, Copy, PartialEq)]
enum Server {
    /// None: the site alone.
    None,
    /// The release server (`target/release/server`), as `make run` and the tests use.
    Release,
    /// The dev-profile server (`target/debug/server`): much faster to build again after a
    /// change, for `watch`.
    Dev,
}

fn build(server: Server) -> Result<()> {
    let root = workspace_root();
    let wasm_opt = npm_tool(&root, "wasm-opt")?;
    let terser = npm_tool(&root, "terser")?;
    let target = target_dir(&root);
    let started = Instant::now();

    // The new site is written beside the old one and swapped in at the end, so a server
    // reading `target/site` never sees half a build.
    let site = target.join("site");
    let next = target.join("site.next");
    if next.exists() {
        fs::remove_dir_all(&next).with_context(|| format!("removing {}", next.display()))?;
    }
    let pkg = next.join("pkg");
    fs::create_dir_all(&pkg).with_context(|| format!("creating {}", pkg.display()))?;

    let input = target
        .join(WASM_TARGET)
        .join(WASM_PROFILE)
        .join("frontend.wasm");
    // Two builds rather than one split module: features do not unify across them, so the
    // marketplace's wasm holds none of the detail page's code, data or JS glue.
    for bundle in BUNDLES {
        step(&format!("wasm {bundle}"), || {
            let mut command = cargo(&root);
            command
                .args(["build", "--package=frontend", "--lib"])
                .arg(format!("--features={bundle}"))
                .arg(format!("--target={WASM_TARGET}"))
                .arg(format!("--profile={WASM_PROFILE}"))
                // Panic locations name source files: relative paths keep the wasm smaller and
                // the same bytes (and hash) whichever folder the project and cargo's registry
                // are in.
                .env("CARGO_ENCODED_RUSTFLAGS", remap_paths(&root).join("\x1f"));
            run_tool(command)
        })?;
        // Each build writes the same file: its glue and wasm are taken before the next.
        step("wasm-bindgen", || bindgen(&input, &pkg, bundle))?;
        step("wasm-opt", || {
            optimize(&wasm_opt, &pkg.join(format!("{bundle}.wasm")))
        })?;
        step("messages", || island_messages(&root, &pkg, bundle))?;
    }
    step("css", || {
        let bundle = css::bundle(&root.join("style/main.css"))?;
        write(
            &pkg.join(format!("{OUTPUT_NAME}.css")),
            css::minify(&bundle).as_bytes(),
        )
    })?;
    step("public", || copy_dir(&root.join("public"), &next))?;
    step("terser", || minify_js(&terser, &next))?;
    step("precompress", || precompress(&next))?;

    if site.exists() {
        fs::remove_dir_all(&site).with_context(|| format!("removing {}", site.display()))?;
    }
    fs::rename(&next, &site).with_context(|| format!("moving {} into place", next.display()))?;
    report(&site)?;

    if server != Server::None {
        step("server", || {
            let mut command = cargo(&root);
            command.args(["build", "--package=server", "--bin=server"]);
            if server == Server::Release {
                command.arg("--release");
            }
            run_tool(command)
        })?;
    }
    println!("xtask: built in {:.1} s", started.elapsed().as_secs_f64());
    Ok(())
}

/// Runs one named step and prints how long it took.
fn step(name: &str, run: impl FnOnce() -> Result<()>) -> Result<()> {
    let started = Instant::now();
    run().with_context(|| format!("step {name}"))?;
    println!(
        "xtask: {name:<12} {:6.1} s",
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

fn workspace_root() -> PathBuf {
    // xtask/ sits at the root of the workspace.
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default()
}

/// Cargo's target directory: `CARGO_TARGET_DIR` when set (cargo passes it on), else `target/`.
fn target_dir(root: &Path) -> PathBuf {
    env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .map(|dir| {
            if dir.is_absolute() {
                dir
            } else {
                root.join(dir)
            }
        })
        .unwrap_or_else(|| root.join("target"))
}

/// A build tool installed by `npm ci` in `end2end/` (see `scripts/setup.sh`).
fn npm_tool(root: &Path, name: &str) -> Result<PathBuf> {
    let path = root.join("end2end/node_modules/.bin").join(name);
    ensure!(
        path.exists(),
        "{} is missing: run `make setup` (npm ci in end2end/) first",
        path.display()
    );
    Ok(path)
}

/// Cargo, the one running this task when there is one, always with the committed lockfile.
fn cargo(root: &Path) -> Command {
    let mut command = Command::new(env::var_os("CARGO").unwrap_or_else(|| "cargo".into()));
    command.current_dir(root).arg("--locked");
    command
}

fn run_tool(mut command: Command) -> Result<()> {
    let status = command
        .status()
        .with_context(|| format!("starting {:?}", command.get_program()))?;
    ensure!(status.success(), "{command:?} failed ({status})");
    Ok(())
}

/// `--remap-path-prefix` for the workspace and each registry source folder of cargo's home.
fn remap_paths(root: &Path) -> Vec<String> {
    let cargo_home = env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| env::var_os("HOME").map(|home| Path::new(&home).join(".cargo")));
    let registries = cargo_home
        .and_then(|home| fs::read_dir(home.join("registry/src")).ok())
        .into_iter()
        .flatten()
        .filter_map(|entry| entry.ok().map(|entry| entry.path()));
    std::iter::once(root.to_path_buf())
        .chain(registries)
        .map(|dir| format!("--remap-path-prefix={}/=", dir.display()))
        .collect()
}

/// The JS glue for `<script type=module>` (wasm-bindgen's `web` target). `boot.js` passes the
/// wasm's URL itself, so the glue carries no default path.
fn bindgen(input: &Path, pkg: &Path, name: &str) -> Result<()> {
    let mut output = wasm_bindgen_cli_support::Bindgen::new()
        .input_path(input)
        .out_name(name)
        .web(true)?
        .typescript(false)
        .omit_default_module_path(true)
        .remove_producers_section(true)
        .generate_output()
        .with_context(|| format!("generating the bindings of {}", input.display()))?;
    ensure!(
        output.snippets().values().all(Vec::is_empty) && output.local_modules().is_empty(),
        "the wasm imports JS snippets, which this build does not copy yet"
    );
    let module = output.wasm_mut();
    let unused: Vec<_> = module
        .exports
        .iter()
        .filter(|export| unused::is_class_export(&export.name))
        .map(|export| export.id())
        .collect();
    for export in unused {
        module.exports.delete(export);
    }
    let js = unused::remove_classes(output.js())?;
    write(&pkg.join(format!("{name}.js")), js.as_bytes())?;
    write(
        &pkg.join(format!("{name}.wasm")),
        &output.wasm_mut().emit_wasm(),
    )
}

/// `-Oz` with the features the Rust target emits (binaryen reads the rest from the module),
/// its passes run again until they stop shrinking the module (`--converge`: about 200 bytes
/// less of each bundle, brotli, for a few seconds of build). Then checks that nothing it kept
/// needs the classes [`unused`] took out.
fn optimize(wasm_opt: &Path, wasm: &Path) -> Result<()> {
    let mut command = Command::new(wasm_opt);
    command
        .args([
            "-Oz",
            "--converge",
            "--enable-bulk-memory",
            "--enable-nontrapping-float-to-int",
        ])
        .arg(wasm)
        .arg("-o")
        .arg(wasm);
    run_tool(command)?;
    let optimized = fs::read(wasm).with_context(|| format!("reading {}", wasm.display()))?;
    unused::check_unreachable(&optimized)
}

/// `pkg/<bundle>.messages`: the ids of the island messages (`islands.ftl`, `shared.ftl`) the
/// bundle's wasm names, one per line. The server sends a page only those in its table (see
/// `app::i18n`). An id that is a prefix of another may be listed without being used: a
/// few bytes more, never a message missing.
fn island_messages(root: &Path, pkg: &Path, bundle: &str) -> Result<()> {
    let wasm = fs::read(pkg.join(format!("{bundle}.wasm")))?;
    let mut ids = Vec::new();
    for file in ["islands.ftl", "shared.ftl"] {
        let path = root.join("app/locales/en").join(file);
        let source =
            fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
        for id in source.lines().filter_map(message_id) {
            if wasm.windows(id.len()).any(|window| window == id.as_bytes()) {
                ids.push(id.to_owned());
            }
        }
    }
    write(
        &pkg.join(format!("{bundle}.messages")),
        format!("{}\n", ids.join("\n")).as_bytes(),
    )
}

/// The id a Fluent line defines (`id = …` at the start of the line), if it defines one.
fn message_id(line: &str) -> Option<&str> {
    let (id, _) = line.split_once('=')?;
    let id = id.trim_end();
    let mut chars = id.chars();
    let starts = chars.next().is_some_and(|c| c.is_ascii_alphabetic());
    (starts && chars.all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')).then_some(id)
}

/// Every JS module of the site (the wasm glue and `boot.js`), minified in place.
fn minify_js(terser: &Path, site: &Path) -> Result<()> {
    for file in files(site)? {
        if file.extension().is_some_and(|ext| ext == "js") {
            let mut command = Command::new(terser);
            command
                .arg(&file)
                .args(["--module", "--compress", "--mangle", "-o"])
                .arg(&file);
            run_tool(command)?;
        }
    }
    Ok(())
}

fn write(path: &Path, bytes: &[u8]) -> Result<()> {
    fs::write(path, bytes).with_context(|| format!("writing {}", path.display()))
}

fn copy_dir(from: &Path, to: &Path) -> Result<()> {
    for entry in fs::read_dir(from).with_context(|| format!("reading {}", from.display()))? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            fs::create_dir_all(&target)?;
            copy_dir(&entry.path(), &target)?;
        } else {
            fs::copy(entry.path(), &target)
                .with_context(|| format!("copying {}", entry.path().display()))?;
        }
    }
    Ok(())
}

/// The files under `dir`, recursively, in a stable order.
fn files(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut found = Vec::new();
    for entry in fs::read_dir(dir).with_context(|| format!("reading {}", dir.display()))? {
        let path = entry?.path();
        if path.is_dir() {
            found.extend(files(&path)?);
        } else {
            found.push(path);
        }
    }
    found.sort();
    Ok(found)
}

/// Compressed types the server answers with `.br` and `.gz` siblings when the browser accepts
/// them; a sibling is written only when it is smaller than the file.
const COMPRESSIBLE: [&str; 6] = ["js", "wasm", "css", "svg", "txt", "html"];

fn precompress(site: &Path) -> Result<()> {
    for file in files(site)? {
        let compressible = file
            .extension()
            .and_then(|ext| ext.to_str())
            .is_some_and(|ext| COMPRESSIBLE.contains(&ext));
        if !compressible {
            continue;
        }
        let bytes = fs::read(&file).with_context(|| format!("reading {}", file.display()))?;
        for (suffix, compressed) in [("br", brotli(&bytes)?), ("gz", gzip(&bytes)?)] {
            if compressed.len() < bytes.len() {
                write(&sibling(&file, suffix), &compressed)?;
            }
        }
    }
    Ok(())
}

/// `file` with `.suffix` appended: where its compressed copy lives.
fn sibling(file: &Path, suffix: &str) -> PathBuf {
    let mut name = file.as_os_str().to_owned();
    name.push(".");
    name.push(suffix);
    PathBuf::from(name)
}

/// Brotli at quality 11, the smallest of the encoder's own block size and 64 or 128 KiB
/// blocks. Left to choose, the encoder's output swings by a kilobyte on a few changed bytes
/// (the detail wasm: 76,014 to 77,213 bytes as 16 bytes of a crate's marker changed); with
/// smaller blocks it measured 75,842 instead of 77,191 bytes, the marketplace's wasm 48,356
/// instead of 48,446, and the JS and CSS the same.
fn brotli(bytes: &[u8]) -> Result<Vec<u8>> {
    let mut smallest: Option<Vec<u8>> = None;
    for lgblock in [0, 16, 17] {
        let params = brotli::enc::BrotliEncoderParams {
            quality: 11,
            lgwin: 22,
            lgblock,
            ..Default::default()
        };
        let mut out = Vec::new();
        brotli::BrotliCompress(&mut &bytes[..], &mut out, &params).context("brotli")?;
        if smallest.as_ref().is_none_or(|best| out.len() < best.len()) {
            smallest = Some(out);
        }
    }
    smallest.context("brotli: no block size tried")
}

fn gzip(bytes: &[u8]) -> Result<Vec<u8>> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes)?;
    Ok(encoder.finish()?)
}

/// What the site weighs: each file raw and as served with brotli.
fn report(site: &Path) -> Result<()> {
    for file in files(site)? {
        let name = file
            .strip_prefix(site)
            .unwrap_or(&file)
            .display()
            .to_string();
        if name.ends_with(".br") || name.ends_with(".gz") {
            continue;
        }
        let raw = fs::metadata(&file)?.len();
        let served = fs::metadata(sibling(&file, "br")).map_or(raw, |meta| meta.len());
        println!("xtask:   {name:<28} {raw:>9} B  {served:>8} B brotli");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::message_id;

    #[test]
    fn message_ids_are_read_from_definitions_only() {
        assert_eq!(message_id("card-connect = Connect"), Some("card-connect"));
        assert_eq!(
            message_id("config-form-problems ="),
            Some("config-form-problems")
        );
        assert_eq!(message_id("# card-connect = a comment"), None);
        assert_eq!(message_id("    [one] { $count } = x"), None);
        assert_eq!(message_id("not an id = x"), None);
    }
}
