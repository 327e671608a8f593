// Where to go after login: only same-origin relative paths; anything else goes to /reports.

export const DEFAULT_NEXT = "/reports";

export function safeNext(value: string | null | undefined): string {
  if (!value || value.length > 2000) return DEFAULT_NEXT;
  let decoded = value;
  try {
    // Reject what would become dangerous once decoded (e.g. %2F%2Fhost, %5C).
    for (let i = 0; i < 3 && /%[0-9a-f]{2}/i.test(decoded); i++)
      decoded = decodeURIComponent(decoded);
  } catch {
    return DEFAULT_NEXT;
  }
  for (const candidate of [value, decoded]) {
    if (!candidate.startsWith("/") || candidate.startsWith("//")) return DEFAULT_NEXT;
    // Browsers treat a backslash like a slash; control characters can hide either.
    if (/[\\\u0000-\u001f\u007f]/.test(candidate)) return DEFAULT_NEXT;
  }
  const url = new URL(value, "http://dashboard.invalid");
  if (url.origin !== "http://dashboard.invalid") return DEFAULT_NEXT;
  if (url.pathname === "/login") return DEFAULT_NEXT;
  return `${url.pathname}${url.search}${url.hash}`;
}
