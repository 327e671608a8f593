// The session cookie's names, importable by the proxy without pulling in secrets. Over https the
// cookie is `__Host-` prefixed: the browser then keeps it only if Secure, for this host and Path=/,
// so no subdomain or plain-http page can set or shadow it.
const SESSION_COOKIE = "imr_session";
const SECURE_SESSION_COOKIE = `__Host-${SESSION_COOKIE}`;

/** The session cookie's name for a request over https or not. */
export const sessionCookieName = (https: boolean) =>
  https ? SECURE_SESSION_COOKIE : SESSION_COOKIE;

/** Both names, the prefixed one first: whichever a browser sends. */
export const SESSION_COOKIE_NAMES = [SECURE_SESSION_COOKIE, SESSION_COOKIE] as const;
