// The session cookie's name, importable by the proxy without pulling in secrets.
export const SESSION_COOKIE = "imr_session";
