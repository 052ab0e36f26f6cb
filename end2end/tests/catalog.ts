import { readFileSync } from "node:fs";

/** The languages the tab speaks, as the switcher lists them. */
export const languages = ["en", "de", "fr", "es", "ja"] as const;
export type Language = (typeof languages)[number];

const files = ["common.ftl", "pages.ftl", "islands.ftl", "shared.ftl"];

/**
 * The single-line and simple multi-line messages of a language's catalog
 * (app/locales/<tag>/*.ftl), so tests find controls by the text the page should show in that
 * language rather than by a copy of it. Messages with selectors are left out.
 */
export function catalog(language: Language): Map<string, string> {
  const messages = new Map<string, string>();
  for (const file of files) {
    const source = readFileSync(new URL(`../../app/locales/${language}/${file}`, import.meta.url), "utf8");
    let id: string | null = null;
    let lines: string[] = [];
    const flush = () => {
      if (id !== null && !lines.some((line) => line.includes("->"))) messages.set(id, lines.join(" ").trim());
      id = null;
      lines = [];
    };
    for (const line of source.split("\n")) {
      const start = /^([a-zA-Z][\w-]*)\s*=\s*(.*)$/.exec(line);
      if (start) {
        flush();
        id = start[1];
        lines = [start[2]];
      } else if (id !== null && /^\s+\S/.test(line) && !/^\s*[.]/.test(line)) {
        lines.push(line.trim());
      } else if (!/^\s*$/.test(line)) {
        flush();
      }
    }
    flush();
  }
  return messages;
}

/** Message `id` of `language` with its variables filled in; fails when it has none such. */
export function message(language: Language, id: string, args: Record<string, string | number> = {}): string {
  const text = catalog(language).get(id);
  if (text === undefined) throw new Error(`no simple message ${id} in ${language}`);
  return text
    .replace(/\{\s*\$(\w+)\s*\}/g, (_, name: string) => String(args[name] ?? `{$${name}}`))
    .replace(/\{\s*"([^"]*)"\s*\}/g, "$1");
}
