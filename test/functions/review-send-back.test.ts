import { INBOX, OUTBOX } from '../../cloudfunctions/_notifications/records';
import { ok, type CloudHarness } from '../support/cloud-harness';
import { announcement } from '../support/factories';
import { dispatchAll } from '../support/notifications-fixture';
import { application } from '../support/request-factories';
import { REVIEWER as reviewer, reviewSuite } from '../support/review-suite';

/**
 * 退回修改 reaches the author: a reviewer's send-back writes, in the decision's transaction, one
 * message to the author's staff 消息 with the reviewer's name and comment and a link to the item;
 * an approval writes none to the author. Over real SQLite with the bureau's default review.
 */
let cloud: CloudHarness;
const { call, approve, sendBack } = reviewSuite((c) => (cloud = c));
const staffInbox = async (openid: string) => (await cloud.store.collection(INBOX).find({ where: { openid, forStaff: true }, orderBy: [['createdAt', 'asc']], limit: 50 })).items;

test('a notice sent back: the editor finds the comment in 消息, linked to the item, once', async () => {
  const draft = ok(await call('demo-editor', 'notices', 'save', { notice: announcement({ title: '退回测试通知' }) }));
  const { reviewId } = ok(await call('demo-editor', 'notices', 'publish', { id: draft.id, version: draft.version }));
  expect(await cloud.store.collection(OUTBOX).count({ subjectId: reviewId })).toBe(0);
  await sendBack(reviewId, '请补充停水的具体时段。');
  await dispatchAll(cloud);
  await dispatchAll(cloud);

  const page = ok(await call('demo-editor', 'inbox', 'list', {}));
  const mine = page.items.filter((m: { link: { type: string } }) => m.link.type === 'review');
  expect(mine).toEqual([
    expect.objectContaining({
      title: '退回修改：退回测试通知',
      body: '您提交的“发布公开信息”被孙静退回。审核意见：请补充停水的具体时段。',
      link: { type: 'review', id: reviewId },
      forStaff: true,
      read: false,
    }),
  ]);
  // The reviewer is told nothing; 我的待办 shows it too, with the comment.
  expect((await staffInbox(reviewer)).filter((m) => m.subjectId === reviewId)).toEqual([]);
  expect(ok(await call('demo-editor', 'workbench', 'todo', {})).sentBack).toEqual([
    expect.objectContaining({ id: reviewId, subjectId: draft.id, comment: '请补充停水的具体时段。', reviewerName: '孙静' }),
  ]);
});

test('a reply sent back: the clerk is told with the tracking number and the comment; an approval tells the author nothing', async () => {
  const submitted = ok(await call('resident-a', 'requests', 'submit', application()));
  const request = ok(await call('demo-clerk', 'requests', 'register', { id: submitted.id, version: submitted.version }));
  const { reviewId } = ok(await call('demo-clerk', 'requests', 'reply', { id: request.id, version: request.version, category: 'disclosed', text: '现将有关信息予以提供。' }));
  await sendBack(reviewId, '答复内容应列明所提供信息的名称。');
  await dispatchAll(cloud);
  const told = (await staffInbox('demo-clerk')).filter((m) => m.subjectId === reviewId);
  expect(told).toEqual([
    expect.objectContaining({
      title: `退回修改：${request.trackingNumber} 政府信息公开申请答复告知书`,
      body: '您提交的“答复申请”被孙静退回。审核意见：答复内容应列明所提供信息的名称。',
      link: { type: 'review', id: reviewId },
    }),
  ]);

  const again = ok(await call('demo-clerk', 'requests', 'reply', { id: request.id, version: request.version, category: 'disclosed', text: '现将《某某项目招标文件》予以提供。' }));
  await approve(again.reviewId);
  await dispatchAll(cloud);
  expect((await staffInbox('demo-clerk')).filter((m) => m.subjectId === again.reviewId)).toEqual([]);
});
