import { applyGrantResult, canSend, consentGone, emptyGrant, MAX_ONE_TIME_GRANTS, refundGrant, spendGrant } from '../../shared/notifications/grants';
import { BACKOFF_SECONDS, classifyFailure, describeFailure, MAX_ATTEMPTS, nextAttemptAt } from '../../shared/notifications/delivery-rules';
import { consentDialogs, SUBSCRIBE_TEMPLATES, type SubscribeTemplate } from '../../shared/notifications/subscribe-templates';
import { fieldTypeOf, fitFieldValue, fitTemplateData } from '../../shared/notifications/template-fields';
import { topicKey, topicsForNotice } from '../../shared/notifications/topics';

const chars = (s: string) => Array.from(s).length;

describe('WeChat field limits, applied before sending', () => {
  test('thing: at most 20 characters, cut with an ellipsis; Chinese characters count one each', () => {
    const title = '关于二〇二六年度云溪区既有住宅加装电梯财政补助资金申报工作的通知';
    const fitted = fitFieldValue('thing', title);
    expect(chars(fitted)).toBe(20);
    expect(fitted).toBe('关于二〇二六年度云溪区既有住宅加装电梯…');
    expect(fitFieldValue('thing', '短标题')).toBe('短标题');
    expect(fitFieldValue('thing', '正好二十个字正好二十个字正好二十个字正好')).toBe('正好二十个字正好二十个字正好二十个字正好');
    expect(fitFieldValue('thing', '   ')).toBe('无');
  });

  test('phrase: at most 5 Chinese characters and nothing else', () => {
    expect(fitFieldValue('phrase', '已答复')).toBe('已答复');
    expect(fitFieldValue('phrase', '重大决策听证征求意见')).toBe('重大决策听');
    expect(fitFieldValue('phrase', 'OK 已延期!')).toBe('已延期');
    expect(fitFieldValue('phrase', 'done')).toBe('有更新');
  });

  test('character_string: at most 32 letters, digits or symbols; Chinese and spaces removed, never an ellipsis', () => {
    expect(fitFieldValue('character_string', 'YX-2026-000123')).toBe('YX-2026-000123');
    expect(fitFieldValue('character_string', '编号 YX-2026')).toBe('YX-2026');
    const long = 'A'.repeat(40);
    expect(fitFieldValue('character_string', long)).toBe('A'.repeat(32));
  });

  test('time and date: WeChat formats in Beijing time', () => {
    expect(fitFieldValue('time', '2026-11-24T16:05:00Z')).toBe('2026年11月25日 00:05');
    expect(fitFieldValue('date', '2026-01-04T17:00:00Z')).toBe('2026年1月5日');
  });

  test('number, name, phone_number', () => {
    expect(fitFieldValue('number', '共 12 件')).toBe('12');
    expect(fitFieldValue('name', '张三丰的徒弟们和再传弟子们')).toBe('张三丰的徒弟们和再传');
    expect(fitFieldValue('phone_number', '电话 0571-8800 1234')).toBe('0571-88001234');
  });

  test('field types come from the key; an unknown type is refused rather than sent and lost', () => {
    expect(fieldTypeOf('thing12')).toBe('thing');
    expect(fieldTypeOf('character_string3')).toBe('character_string');
    expect(fieldTypeOf('amount1')).toBeNull();
    expect(() => fitTemplateData({ fields: { weird1: 'title' } }, { title: 'x', at: '2026-11-24T00:00:00Z' })).toThrow(/weird1/);
  });

  test('every configured template fills every field within its limits', () => {
    const values = {
      title: '关于开展二〇二六年度城镇老旧小区改造项目居民意愿征询工作的通知',
      department: '房地产市场监管科（含物业管理）',
      kindLabel: '重大决策听证征求意见',
      trackingNumber: 'YX-2026-000123-这里不该有中文',
      status: '已经答复完毕',
      at: '2026-11-24T02:00:00Z',
      hint: '请点击进入小程序查看答复全文及附件材料',
    };
    for (const template of SUBSCRIBE_TEMPLATES) {
      const data = fitTemplateData(template, values);
      expect(Object.keys(data).sort()).toEqual(Object.keys(template.fields).sort());
      for (const [key, { value }] of Object.entries(data)) {
        const type = fieldTypeOf(key)!;
        expect(value.length).toBeGreaterThan(0);
        if (type === 'thing') expect(chars(value)).toBeLessThanOrEqual(20);
        if (type === 'phrase') expect(value).toMatch(/^\p{Script=Han}{1,5}$/u);
        if (type === 'character_string') expect(value).toMatch(/^[\x21-\x7e]{1,32}$/);
        if (type === 'time') expect(value).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/);
      }
    }
  });
});

describe('consent dialogs', () => {
  const t = (id: string, kind: 'oneTime' | 'longTerm'): SubscribeTemplate => ({ purpose: 'bulletin', templateId: id, kind, label: id, fields: {} });

  test('at most 3 templates each, never one-time and long-term together (WeChat answers 20002)', () => {
    const dialogs = consentDialogs([t('a', 'oneTime'), t('L1', 'longTerm'), t('b', 'oneTime'), t('c', 'oneTime'), t('d', 'oneTime'), t('a', 'oneTime')]);
    expect(dialogs.map((d) => d.map((x) => x.templateId))).toEqual([['L1'], ['a', 'b', 'c'], ['d']]);
    for (const dialog of dialogs) {
      expect(dialog.length).toBeLessThanOrEqual(3);
      expect(new Set(dialog.map((x) => x.kind)).size).toBe(1);
    }
  });

  test('the configured templates: ids unique, the bulletin long-term, request news one-time', () => {
    expect(new Set(SUBSCRIBE_TEMPLATES.map((x) => x.templateId)).size).toBe(SUBSCRIBE_TEMPLATES.length);
    expect(SUBSCRIBE_TEMPLATES.find((x) => x.purpose === 'bulletin')!.kind).toBe('longTerm');
    for (const purpose of ['requestReplied', 'supplementRequested', 'extended']) {
      expect(SUBSCRIBE_TEMPLATES.find((x) => x.purpose === purpose)!.kind).toBe('oneTime');
    }
  });
});

describe('grant accounting', () => {
  test('one-time: each acceptance allows one send, each send spends one, none left means no send', () => {
    let g = emptyGrant('oneTime');
    expect(canSend(g)).toBe(false);
    g = applyGrantResult(g, 'accept');
    g = applyGrantResult(g, 'accept');
    expect(g.remaining).toBe(2);
    g = applyGrantResult(g, 'reject'); // declining this time takes nothing away
    expect(g.remaining).toBe(2);
    g = spendGrant(g);
    expect(g.remaining).toBe(1);
    g = spendGrant(g);
    expect(canSend(g)).toBe(false);
    expect(spendGrant(g).remaining).toBe(0);
    expect(refundGrant(g).remaining).toBe(1);
  });

  test('one-time acceptances are capped', () => {
    let g = emptyGrant('oneTime');
    for (let i = 0; i < MAX_ONE_TIME_GRANTS + 5; i++) g = applyGrantResult(g, 'accept');
    expect(g.remaining).toBe(MAX_ONE_TIME_GRANTS);
  });

  test('long-term: on until rejected or banned; sending does not spend it', () => {
    let g = applyGrantResult(emptyGrant('longTerm'), 'accept');
    expect(canSend(g)).toBe(true);
    expect(spendGrant(spendGrant(g))).toEqual(g);
    expect(canSend(applyGrantResult(g, 'reject'))).toBe(false);
    const banned = applyGrantResult(g, 'ban');
    expect(banned).toMatchObject({ banned: true, remaining: 0 });
    expect(canSend(applyGrantResult(banned, 'accept'))).toBe(true);
  });

  test('43101 empties the grant whatever we counted', () => {
    const g = applyGrantResult(applyGrantResult(emptyGrant('oneTime'), 'accept'), 'accept');
    expect(canSend(consentGone(g))).toBe(false);
  });
});

describe('retry and give-up rules', () => {
  test('classification', () => {
    expect(classifyFailure(43101)).toBe('consentGone');
    for (const code of [40003, 40037, 47003, 41030]) expect(classifyFailure(code)).toBe('permanent');
    for (const code of [-1, 45009, 45011, 45047]) expect(classifyFailure(code)).toBe('transient');
    // No answer: WeChat may have delivered it — never retried. An unknown code is not retried either.
    expect(classifyFailure(null)).toBe('unknown');
    expect(classifyFailure(99999)).toBe('permanent');
    expect(describeFailure(null, 'ETIMEDOUT')).toContain('结果未知，为免重复不再重试');
    expect(describeFailure(40003)).toContain('openid');
    expect(describeFailure(null, 'ETIMEDOUT')).toContain('ETIMEDOUT');
  });

  test('backoff grows, then gives up after the last attempt', () => {
    const now = new Date('2026-11-24T00:00:00Z');
    const pauses = [];
    for (let attempts = 1; attempts < MAX_ATTEMPTS; attempts++) pauses.push((nextAttemptAt(attempts, now)!.getTime() - now.getTime()) / 1000);
    expect(pauses).toEqual(BACKOFF_SECONDS.slice(0, MAX_ATTEMPTS - 1));
    for (let i = 1; i < pauses.length; i++) expect(pauses[i]).toBeGreaterThan(pauses[i - 1]);
    expect(nextAttemptAt(MAX_ATTEMPTS, now)).toBeNull();
  });
});

test('a notice reaches its kind, its department and the pair', () => {
  expect(topicsForNotice('announcement', 'office')).toEqual([topicKey({ kind: 'announcement' }), topicKey({ departmentId: 'office' }), topicKey({ kind: 'announcement', departmentId: 'office' })]);
  expect(() => topicKey({})).toThrow();
});
