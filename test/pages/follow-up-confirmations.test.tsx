/** @jest-environment jsdom */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import FollowUpPage from '../../miniprogram/admin/pages/follow-up/index';
import { setTransport } from '../../miniprogram/api/transport';
import { forgetWhoami } from '../../miniprogram/hooks/use-whoami';
import { ok, type CloudHarness } from '../support/cloud-harness';
import { cloudPerTest } from '../support/page-cloud';
import { prepareRatingFixture, RESPONSE, type RatingFixture } from '../support/rating-fixture';
import { recorded, resetTaro } from '../support/taro';

/**
 * 差评整改: each step that cannot be taken back (答复居民, 登记整改完成, 办结, 申诉, 复核) asks first, saying what
 * will happen and to whom; on 再看看 nothing is sent, on 确认 it is. The page shows no OPENID.
 */
let cloud: CloudHarness;
let fixture: RatingFixture;
cloudPerTest((c) => (cloud = c));
beforeEach(async () => {
  fixture = await prepareRatingFixture(cloud);
});

const stored = async (id: string) => (await cloud.store.collection('followUps').get(id))!;

async function open(id: string, as: string) {
  forgetWhoami();
  setTransport(cloud.transportAs(as));
  resetTaro({ id });
  render(<FollowUpPage />);
  await waitFor(() => screen.getByTestId('follow-up-detail'));
}

/** 再看看 first (nothing changes), then 确认 (the step is taken); answers what the dialog said. */
async function cancelThenConfirm(id: string, button: string): Promise<string> {
  const before = (await stored(id)).version;
  recorded.modalAnswer = false;
  fireEvent.click(screen.getByTestId(button));
  await waitFor(() => expect(recorded.modals).toHaveLength(1));
  await new Promise((r) => setTimeout(r, 20));
  expect((await stored(id)).version).toBe(before);
  recorded.modalAnswer = true;
  fireEvent.click(screen.getByTestId(button));
  await waitFor(async () => expect((await stored(id)).version).toBeGreaterThan(before));
  return recorded.modals[0].content;
}

test('答复居民 asks first and names what the rater will see; the page shows no OPENID', async () => {
  await open(fixture.openFollowUpId, 'demo-rater');
  expect(screen.getByTestId('follow-up-detail').textContent).not.toContain('resident-a');
  expect(screen.queryByText('用户标识')).toBeNull();
  fireEvent.change(screen.getByTestId('input-contactNote'), { target: { value: RESPONSE.contactNote } });
  fireEvent.change(screen.getByTestId('input-answer'), { target: { value: RESPONSE.answer } });
  const said = await cancelThenConfirm(fixture.openFollowUpId, 'respond');
  expect(said).toMatch(/将向评价人.*发出答复/);
  expect(said).toContain('不能修改');
  expect(await stored(fixture.openFollowUpId)).toMatchObject({ status: 'answered' });
});

test('办结 and 登记整改完成 each ask first', async () => {
  await open(fixture.answeredFollowUpId, 'demo-rater');
  expect(await cancelThenConfirm(fixture.answeredFollowUpId, 'close')).toContain('办结后不能撤回');
  expect(await stored(fixture.answeredFollowUpId)).toMatchObject({ status: 'closed' });
});

test('登记整改完成 tells the rater and asks first', async () => {
  await open(fixture.rectifyingFollowUpId, 'demo-rater');
  fireEvent.change(screen.getByTestId('input-done'), { target: { value: '已增设两个取号窗口。' } });
  expect(await cancelThenConfirm(fixture.rectifyingFollowUpId, 'complete')).toContain('请其评价问题是否解决');
});

test('申诉不成立 (rejecting an appeal) says the 差评 keeps counting and must be followed up; 申诉成立 that it stops counting but is kept', async () => {
  await open(fixture.appealedFollowUpId, 'demo-admin');
  fireEvent.change(screen.getByTestId('input-note'), { target: { value: '经核实，居民反映属实。' } });
  const said = await cancelThenConfirm(fixture.appealedFollowUpId, 'appeal-reject');
  expect(said).toContain('继续计入');
  expect(said).toContain('不能更改');
  expect((await stored(fixture.appealedFollowUpId)).appeal?.decision).toMatchObject({ upheld: false });
});

test('申诉成立 asks first: the rating stops counting, nothing is deleted', async () => {
  await open(fixture.appealedFollowUpId, 'demo-admin');
  fireEvent.change(screen.getByTestId('input-note'), { target: { value: '监控显示当日无该窗口办理记录。' } });
  const said = await cancelThenConfirm(fixture.appealedFollowUpId, 'appeal-uphold');
  expect(said).toContain('不再计入满意度');
  expect(said).toContain('不会删除');
});
