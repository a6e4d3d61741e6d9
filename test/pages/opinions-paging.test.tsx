/** @jest-environment jsdom */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ConsultationOpinions } from '../../miniprogram/components/consultation-opinions';
import { OPINIONS_PAGE_SIZE } from '../../miniprogram/hooks/use-opinions';
import { setTransport } from '../../miniprogram/api/transport';
import { ok, type CloudHarness } from '../support/cloud-harness';
import { cloudPerTest } from '../support/page-cloud';
import { consultation } from '../support/factories';
import { resetTaro } from '../support/taro';

/** A consultation's published opinions on the detail page, however many: paged with the cursor. */
let cloud: CloudHarness;
cloudPerTest((c) => (cloud = c));

test('more than 50 published opinions are all reachable, a page at a time', async () => {
  const draft = ok(await cloud.call('demo-editor', 'notices', { action: 'save', data: { notice: consultation() } }));
  const notice = ok(await cloud.call('demo-editor', 'notices', { action: 'publish', data: { id: draft.id, version: draft.version } }));
  const TOTAL = 56;
  for (let i = 0; i < TOTAL; i++) {
    cloud.clock.now = new Date(cloud.clock.now.getTime() + 1000);
    const c = ok(await cloud.call(`resident-${Math.floor(i / 5)}`, 'notices', { action: 'comment', data: { id: notice.id, text: `第${i + 1}条意见：建议增加公示渠道。` } }));
    const { version } = (await cloud.store.collection('noticeComments').get(c.id))!;
    ok(await cloud.call('demo-editor', 'notices', { action: 'moderateComment', data: { commentId: c.id, version, decision: 'publish' } }));
  }
  setTransport(cloud.transportAs(null));
  resetTaro();
  render(<ConsultationOpinions notice={notice} signedIn={false} />);
  await waitFor(() => expect(screen.getAllByTestId('opinion')).toHaveLength(OPINIONS_PAGE_SIZE));
  while (screen.queryByTestId('opinions-more')) {
    const shown = screen.getAllByTestId('opinion').length;
    fireEvent.click(screen.getByText('查看更多意见'));
    await waitFor(() => expect(screen.getAllByTestId('opinion').length).toBeGreaterThan(shown));
  }
  const texts = screen.getAllByTestId('opinion').map((o) => o.querySelector('.opinion__text')?.textContent);
  expect(texts).toHaveLength(TOTAL);
  expect(new Set(texts).size).toBe(TOTAL);
});
