//! The stylesheet: `style/main.css` with its `@import`s inlined, then minified. Plain CSS needs
//! no more than this; the bundle is small and brotli does the rest.

use anyhow::{Context, Result, bail};
use std::{collections::HashSet, fs, path::Path};

/// `file` with every `@import "x.css";` replaced by that file's text, recursively, each file
/// once (a second import of it is dropped, as a browser would apply it only once anyway).
pub fn bundle(file: &Path) -> Result<String> {
    let mut seen = HashSet::new();
    let mut out = String::new();
    inline(file, &mut seen, &mut out)?;
    Ok(out)
}

fn inline(file: &Path, seen: &mut HashSet<std::path::PathBuf>, out: &mut String) -> Result<()> {
    let path = file
        .canonicalize()
        .with_context(|| format!("reading {}", file.display()))?;
    if !seen.insert(path.clone()) {
        return Ok(());
    }
    let text = fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    let dir = path.parent().unwrap_or(Path::new("."));
    for line in text.lines() {
        match line.trim().strip_prefix("@import") {
            Some(rest) => {
                let target = rest
                    .trim()
                    .trim_end_matches(';')
                    .trim()
                    .trim_matches(|c| c == '"' || c == '\'');
                if target.is_empty() || target.contains(['(', ' ']) {
                    bail!(
                        "{}: only `@import \"file.css\";` is supported, not `{}`",
                        path.display(),
                        line.trim()
                    );
                }
                inline(&dir.join(target), seen, out)?;
            }
            None => {
                out.push_str(line);
                out.push('\n');
            }
        }
    }
    Ok(())
}

/// Drops comments and the whitespace CSS does not need. Whitespace between tokens that could
/// be a descendant combinator or part of a value (`a b`, `1px solid`, `calc(1px + 2px)`) stays
/// as one space; strings are kept as written.
pub fn minify(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    let mut pending_space = false;
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut last = ' ';
                for c in chars.by_ref() {
                    if last == '*' && c == '/' {
                        break;
                    }
                    last = c;
                }
                pending_space = true;
            }
            c if c.is_whitespace() => pending_space = true,
            '"' | '\'' => {
                push_space(&mut out, &mut pending_space, c);
                out.push(c);
                let mut escaped = false;
                for s in chars.by_ref() {
                    out.push(s);
                    if escaped {
                        escaped = false;
                    } else if s == '\\' {
                        escaped = true;
                    } else if s == c {
                        break;
                    }
                }
            }
            '}' => {
                if out.ends_with(';') {
                    out.pop();
                }
                pending_space = false;
                out.push(c);
            }
            '{' | ';' | ',' | '>' => {
                pending_space = false;
                out.push(c);
                skip_space(&mut chars);
            }
            ':' => {
                push_space(&mut out, &mut pending_space, c);
                out.push(c);
                // `a :hover` needs the space before the colon, never one after it.
                skip_space(&mut chars);
            }
            c => {
                push_space(&mut out, &mut pending_space, c);
                out.push(c);
            }
        }
    }
    out
}

/// Writes a collapsed space before `next` unless the output ends with punctuation that
/// makes it meaningless.
fn push_space(out: &mut String, pending: &mut bool, next: char) {
    if std::mem::take(pending)
        && !out.is_empty()
        && !out.ends_with(['{', '}', ';', ',', '>', ':'])
        && !matches!(next, '{' | '}' | ';' | ',' | '>')
    {
        out.push(' ');
    }
}

fn skip_space(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    while chars.peek().is_some_and(|c| c.is_whitespace()) {
        chars.next();
    }
}

#[cfg(test)]
mod tests {
    use super::minify;

    #[test]
    fn minify_drops_comments_and_spacing_but_keeps_meaningful_spaces() {
        let css = "/* tokens */\n:root {\n  --gap: 4px; /* base */\n}\n\n.card > .title,\n.card :is(h2, h3) {\n  margin: 0 calc(var(--gap) + 2px);\n  font: 600 1rem/1.2 \"Inter  Sans\", sans-serif;\n}\n@media (min-width: 40rem) {\n  .grid { gap: 1rem; }\n}\n";
        assert_eq!(
            minify(css),
            ":root{--gap:4px}.card>.title,.card :is(h2,h3){margin:0 calc(var(--gap) + 2px);font:600 1rem/1.2 \"Inter  Sans\",sans-serif}@media (min-width:40rem){.grid{gap:1rem}}"
        );
    }

    #[test]
    fn strings_keep_their_comments_and_escaped_quotes() {
        assert_eq!(
            minify(".a::before { content: \"/* not a comment */ \\\" \"; }"),
            ".a::before{content:\"/* not a comment */ \\\" \"}"
        );
    }
}
