import { byTestId, e2eDescribe, settled, TEST_TIMEOUT, textOf, useE2E } from '../support/e2e';

/**
 * The dev sign-in screen in Chromium: the app's own requests pass the local
 * cloud's Host, Origin and content-type checks, and 退出登录 ends the session
 * on the server (a copy of the cookie stops working).
 */
e2eDescribe('dev sign-in and sign-out in Chromium', () => {
  const e2e = useE2E();

  const whoamiWith = async (cookie: string) => {
    const res = await fetch(`${e2e.base}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ action: 'whoami' }),
    });
    return (await res.json()).data.openid as string | null;
  };

  test('sign in as staff from the screen, then sign out: the old cookie is dead', async () => {
    const { context, page } = await e2e.phone();
    await e2e.open(page, '/pages/dev-sign-in/index');
    await settled(page);
    await byTestId(page, 'as-demo-editor').click();
    await byTestId(page, 'staff-entry').waitFor();
    expect(await textOf(byTestId(page, 'me-identity'))).toContain('王芳');

    const session = (await context.cookies()).find((c) => c.name === 'sg_session');
    expect(session).toBeTruthy();
    const cookie = `sg_session=${session!.value}`;
    expect(await whoamiWith(cookie)).toBe('demo-editor');

    await byTestId(page, 'dev-sign-in-entry').click();
    await settled(page);
    await byTestId(page, 'dev-sign-out').click();
    // The toast says it is done; by then the server has revoked the token.
    await page.getByText('已退出').first().waitFor();
    expect(await whoamiWith(cookie)).toBeNull();

    await e2e.open(page, '/pages/me/index');
    expect(await textOf(byTestId(page, 'me-identity'))).toContain('未登录');
    expect(await byTestId(page, 'staff-entry').count()).toBe(0);
    await context.close();
  }, TEST_TIMEOUT);
});
