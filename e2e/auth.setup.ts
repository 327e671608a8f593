// Signs in once through the login API and saves the session for every spec.
import { expect, test as setup } from "@playwright/test";
import { APP_PORT, appUrl, E2E_USER, STORAGE_STATE as STATE } from "./env";

setup("sign in", async ({ request }) => {
  const origin = appUrl(APP_PORT);
  const response = await request.post(`${origin}/api/auth/login`, {
    data: E2E_USER,
    headers: { origin },
  });
  expect(response.status()).toBe(204);
  await request.storageState({ path: STATE });
});
