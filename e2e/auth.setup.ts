// Signs in once through the login API and saves the session for every spec. Until the dashboard
// enforces sessions this only stores the cookie; the specs do not depend on it being required.
import { expect, test as setup } from "@playwright/test";
import { APP_PORT, appUrl, E2E_USER, STORAGE_STATE as STATE } from "./env";

setup("sign in", async ({ request }) => {
  const origin = appUrl(APP_PORT);
  const response = await request.post(`${origin}/api/auth/login`, {
    data: E2E_USER,
    headers: { origin },
  });
  expect([204, 404]).toContain(response.status());
  await request.storageState({ path: STATE });
});
