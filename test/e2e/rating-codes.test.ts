import type { Locator, Page } from 'playwright-core';
import { byTestId, confirmModal, e2eDescribe, settled, TEST_TIMEOUT, textOf, useE2E } from '../support/e2e';

/**
 * The rating codes as a phone shows them (390×844): the whole code on screen — its image's rendered
 * box inside its card and the viewport, square and big enough to scan, and the picture filling that
 * box rather than being cut — and neither the visit code's card nor the window's printed poster showing
 * a local address or the window's internal id. The resident then opens what the code carries.
 */
interface Box { x: number; y: number; width: number; height: number }

/** The code's rendered image and every box it must fit in: the image element, its card, the viewport. */
async function codeBoxes(page: Page, card: Locator) {
  const img = card.locator('img');
  await img.waitFor();
  await page.waitForFunction((el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth > 0, await img.elementHandle());
  return img.evaluate((el) => {
    const image = el as HTMLImageElement;
    const box = (e: Element): Box => {
      const r = e.getBoundingClientRect();
      return { x: r.left, y: r.top, width: r.width, height: r.height };
    };
    // Every ancestor that clips (overflow other than visible) up to the card cuts what shows of the image.
    const clips: Box[] = [];
    for (let e = image.parentElement; e && !e.matches('[data-testid]'); e = e.parentElement) {
      if (getComputedStyle(e).overflow !== 'visible') clips.push(box(e));
    }
    const card = image.closest('[data-testid]') as Element;
    const style = getComputedStyle(image);
    return { image: box(image), clips, card: box(card), viewport: { x: 0, y: 0, width: window.innerWidth, height: window.innerHeight }, objectFit: style.objectFit, natural: { width: image.naturalWidth, height: image.naturalHeight } };
  });
}

const inside = (inner: Box, outer: Box) =>
  inner.x >= outer.x - 0.5 && inner.y >= outer.y - 0.5 && inner.x + inner.width <= outer.x + outer.width + 0.5 && inner.y + inner.height <= outer.y + outer.height + 0.5;

function expectWholeCode(boxes: Awaited<ReturnType<typeof codeBoxes>>) {
  const { image, clips, card, viewport, objectFit } = boxes;
  expect({ image, card, inCard: inside(image, card) }).toEqual({ image, card, inCard: true });
  for (const clip of clips) expect({ image, clip, inClip: inside(image, clip) }).toMatchObject({ inClip: true });
  expect({ image, viewport, inViewport: image.x >= 0 && image.x + image.width <= viewport.width }).toMatchObject({ inViewport: true });
  // A square code drawn square: the picture is not stretched, cropped or shown in part.
  expect(Math.abs(image.width - image.height)).toBeLessThanOrEqual(1);
  expect(['fill', 'contain', 'scale-down']).toContain(objectFit);
  // Big enough to scan from a phone held to the screen.
  expect(image.width).toBeGreaterThanOrEqual(200);
}

e2eDescribe('rating codes in Chromium', () => {
  const e2e = useE2E();

  test('a visit code: the whole QR on screen, no local address or id, and it opens the rating page', async () => {
    const staff = await e2e.phone();
    await e2e.signIn(staff.context, 'demo-rater');
    await e2e.open(staff.page, '/admin/pages/window-qr/index?id=win-housing-1&mode=visit');
    await settled(staff.page);
    await byTestId(staff.page, 'generate-visit').click();
    await confirmModal(staff.page);
    const card = byTestId(staff.page, 'visit-qr');
    const code = await textOf(byTestId(staff.page, 'visit-code'));
    const boxes = await codeBoxes(staff.page, card);
    await staff.page.screenshot({ path: 'test-results/e2e-visit-code.png' });
    expectWholeCode(boxes);
    const shown = await textOf(card);
    expect(shown).not.toMatch(/127\.0\.0\.1|localhost|http|win-housing-1/);

    // What the code carries: the rating page with the scene a WeChat code would carry.
    const resident = await e2e.phone();
    await e2e.signIn(resident.context, 'resident-e2e-codes');
    await e2e.open(resident.page, `/rating/pages/rate/index?scene=${encodeURIComponent(`v=${code}`)}`);
    expect(await textOf(byTestId(resident.page, 'rate-target'))).toContain('3号窗口 · 住房保障');
  }, TEST_TIMEOUT);

  test('the window poster: the whole QR on screen, no local address or id', async () => {
    const staff = await e2e.phone();
    await e2e.signIn(staff.context, 'demo-rater');
    await e2e.open(staff.page, '/admin/pages/window-qr/index?id=win-housing-1&mode=window');
    await settled(staff.page);
    const poster = byTestId(staff.page, 'window-qr');
    const boxes = await codeBoxes(staff.page, poster);
    await staff.page.screenshot({ path: 'test-results/e2e-window-poster.png' });
    expectWholeCode(boxes);
    expect(await textOf(poster)).not.toMatch(/127\.0\.0\.1|localhost|http|win-housing-1/);
  }, TEST_TIMEOUT);
});
