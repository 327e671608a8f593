// Where to go after login. `next` is first normalised the way a browser would read it (WHATWG URL
// parsing against a fixed dummy origin: tabs and newlines dropped, backslashes turned into slashes,
// dot segments resolved, characters percent-encoded), then the result is checked: it must be a
// path on that origin that does not start with `//`, and stay so however many times a later
// reader percent-decodes it. The normalised path is what the caller redirects to; anything else
// goes to /reports.

export const DEFAULT_NEXT = "/reports";

/** Longer values are refused rather than parsed (a link to a view is far shorter). */
const MAX_LENGTH = 2000;
/** No origin a browser can reach: a result on it is a path on whatever origin serves the page. */
const DUMMY = "http://next.invalid";
/** Percent-decoding rounds checked; a value still encoded after them is refused. */
const DECODE_ROUNDS = 4;
const LOGIN_PATH = "/login";

/** What a browser ignores around a URL: leading and trailing C0 controls and spaces. */
function browserTrim(value: string): string {
  return value.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, "");
}

/** One round of percent-decoding of ASCII escapes (all that can make a slash or a control). */
function decodeAscii(value: string): string {
  return value.replace(/%([0-7][0-9a-f])/gi, (_, hex: string) =>
    String.fromCharCode(parseInt(hex, 16)),
  );
}

/** The path, query and fragment `value` means on the dummy origin, or null if it leaves it. */
function samePath(value: string): string | null {
  const trimmed = browserTrim(value);
  // An absolute path only: not `//host`, `/\host`, `https:…`, `javascript:…` or a relative path.
  if (!/^\/(?![/\\])/.test(trimmed)) return null;
  let url: URL;
  try {
    url = new URL(trimmed, DUMMY);
  } catch {
    return null;
  }
  // `/..//host`, `/.//host`, `/%2e%2e//host` resolve to the path `//host`: a host to a browser.
  if (url.origin !== DUMMY || url.pathname.startsWith("//")) return null;
  if (url.pathname === LOGIN_PATH || url.pathname === `${LOGIN_PATH}/`) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

export function safeNext(value: string | null | undefined): string {
  if (!value || value.length > MAX_LENGTH) return DEFAULT_NEXT;
  const normalised = samePath(value);
  if (normalised === null || normalised.length > MAX_LENGTH) return DEFAULT_NEXT;
  // A reader that decodes once more (or twice: `%252F`) must still find a path here.
  let decoded = normalised;
  for (let round = 0; /%[0-7][0-9a-f]/i.test(decoded); round++) {
    if (round === DECODE_ROUNDS) return DEFAULT_NEXT;
    decoded = decodeAscii(decoded);
    // An encoded control (`%09`, `%00`) is what a later reader may drop to join two slashes.
    if (/[\u0000-\u001f\u007f]/.test(decoded) || samePath(decoded) === null) return DEFAULT_NEXT;
  }
  return normalised;
}
