// Types of the integrations tab's host SDK 1 (`/sdk/itab-1.js`) and of its message protocol,
// version 1. Every message carries `itab: 1` and a `type`.

/** What the tab tells the host. `app` is an app's slug, never a secret. */
export type TabEvent =
  /** A page in the frame is interactive; `app` is the app it shows, if any. */
  | { itab: 1; type: "ready"; page: string; app?: string }
  /** The content's height in CSS pixels; the SDK sizes the frame to it. */
  | { itab: 1; type: "height"; height: number }
  | { itab: 1; type: "connected"; app: string }
  | { itab: 1; type: "disconnected"; app: string }
  /** A configuration of the app was saved, created, reset or deleted. */
  | { itab: 1; type: "configured"; app: string }
  /** The marketplace's counts: apps connected (setup finished or not), apps that need attention
   *  (connection expired, setup unfinished or last run failed, as the tab's banner counts), all. */
  | { itab: 1; type: "status"; connected: number; needsAttention: number; total: number }
  /** The session ends in `expiresIn` seconds; the SDK answers with a fresh token. */
  | { itab: 1; type: "session-expiring"; expiresIn: number }
  /**
   * No session in the frame: it `expired` (the SDK opens the tab again with a fresh token), or
   * the browser blocks cookies in frames of other sites (`cookies-blocked`; the page says so).
   */
  | { itab: 1; type: "session-expired"; reason: "expired" | "cookies-blocked" }
  /**
   * A token was refused, at sign-in or renewal (`token-refused`, with the tab's sentence), or
   * the SDK could not get one from the host (`token`).
   */
  | { itab: 1; type: "error"; reason: "token-refused" | "token"; message: string };

/** What the host may tell the tab. */
export type HostMessage =
  | { itab: 1; type: "navigate"; app: string | null }
  | { itab: 1; type: "theme"; theme?: "light" | "dark"; brand?: string }
  | { itab: 1; type: "token"; token: string };

export type Handlers = {
  [K in TabEvent["type"]]?: (event: Extract<TabEvent, { type: K }>) => void;
} & { event?: (event: TabEvent) => void };

export interface MountOptions {
  /** The tab's origin, e.g. `https://integrations.example.com`. */
  url: string;
  /**
   * An embed token minted by the host's backend: a function that returns one, or a URL of the
   * host's own that answers one (as text, or JSON `{ "token": … }`). Called at mount and
   * whenever the session is about to expire.
   */
  token: string | (() => string | Promise<string>);
  /** An app to open at once, by slug (a deep link). */
  app?: string;
  /** The user's language (a BCP 47 tag such as `de` or `ja-JP`), when the token names none. */
  locale?: string;
  /** Shown from the first paint when the token names no theme or brand colour. */
  theme?: "light" | "dark";
  /** `#rgb` or `#rrggbb`. */
  brand?: string;
  /**
   * Where a consent page that had to leave the frame (popups blocked) brings the browser back
   * to: a page on one of the tab's `EMBED_ORIGINS` (default: this page's origin and path, without
   * its query and fragment).
   */
  returnUrl?: string;
  /** The frame's title, for assistive technology (default "Integrations"). */
  title?: string;
  /** The frame's height until the tab reports its own, in CSS pixels (default 480). */
  height?: number;
  /** Callbacks by event type; `event` receives every event. */
  on?: Handlers;
}

export interface MountedTab {
  readonly frame: HTMLIFrameElement;
  /** Opens one app, by slug, or the list with `null`. */
  navigate(app: string | null): void;
  setTheme(theme: { theme?: "light" | "dark"; brand?: string }): void;
  /** Removes the frame and stops listening. */
  destroy(): void;
}

declare global {
  var IntegrationsTab: {
    mount(target: Element | string, options: MountOptions): MountedTab;
    readonly protocol: 1;
  };
}
