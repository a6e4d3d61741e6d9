/** @jest-environment jsdom */
import { render, screen, waitFor } from '@testing-library/react';
import MyRequestLetterPage from '../../miniprogram/requests/pages/letter/index';
import LetterTemplatesPage from '../../miniprogram/admin/pages/letter-templates/index';
import { setTransport } from '../../miniprogram/api/transport';
import { chineseDate } from '../../shared/requests/letter-layout';
import { createCloudHarness, ok, type CloudHarness } from '../support/cloud-harness';
import { application } from '../support/request-factories';
import { sealPngBase64 } from '../support/seal-png';
import { resetTaro } from '../support/taro';

/**
 * The letter page over the real functions: the resident's 答复告知书 laid out as the bureau's
 * document (文号, addressee, the date in Chinese), with the seal once the admin has uploaded one and
 * without it before; in WeChat (no browser print) the button is 保存为PDF. The admin's template page
 * lists the placeholders in Chinese and carries the seal card.
 */
let cloud: CloudHarness;
beforeAll(async () => {
  cloud = await createCloudHarness();
});
afterAll(() => cloud.close());
afterEach(() => setTransport(null));

async function repliedRequest() {
  const submitted = ok(await cloud.call('resident-a', 'requests', { action: 'submit', data: application() }));
  const registered = ok(await cloud.call('demo-clerk', 'requests', { action: 'register', data: { id: submitted.id, version: submitted.version } }));
  return ok(await cloud.call('demo-clerk', 'requests', { action: 'reply', data: { id: registered.id, version: registered.version, category: 'partial', text: '招标文件予以公开，报价明细不予公开。' } }));
}

test('the resident\'s letter: the document, sealed only once the bureau has a seal, and 保存为PDF', async () => {
  const request = await repliedRequest();
  setTransport(cloud.transportAs('resident-a'));
  resetTaro({ id: request.id, letter: '0' });
  const first = render(<MyRequestLetterPage />);
  expect((await screen.findByTestId('letter-number')).textContent).toBe(request.trackingNumber.replace(/〔(\d{4})〕(\d+)号$/, '〔$1〕第$2号'));
  expect(screen.getByTestId('letter-salutation').textContent).toBe('陈晓明：');
  expect(screen.getByTestId('letter-date').textContent).toBe(chineseDate(request.reply.on));
  expect(screen.getByTestId('letter-pdf').textContent).toBe('保存为PDF');
  // The seal is asked for with the letter; there is none yet (the answer has come once the call settles).
  await waitFor(() => new Promise((done) => setTimeout(done, 50)));
  expect(screen.queryByTestId('letter-seal')).toBeNull();
  first.unmount();

  ok(await cloud.call('demo-admin', 'letterTemplates', { action: 'saveSeal', data: { version: 0, png: sealPngBase64(64) } }));
  render(<MyRequestLetterPage />);
  const seal = await screen.findByTestId('letter-seal');
  expect(seal.getAttribute('src')).toBe(`data:image/png;base64,${sealPngBase64(64)}`);
});

test('the admin\'s template page: placeholders in Chinese, and the seal card', async () => {
  setTransport(cloud.transportAs('demo-admin'));
  resetTaro();
  render(<LetterTemplatesPage />);
  const slots = await screen.findByTestId('template-slots');
  expect(slots.textContent).toContain('{申请人}');
  expect(slots.textContent).toContain('{救济途径}');
  expect(slots.textContent).not.toContain('{applicant}');
  expect(await screen.findByTestId('seal-settings')).toBeTruthy();
});
