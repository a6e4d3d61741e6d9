import { screenText } from '../../cloudfunctions/_runtime/content-screening';
import { silentLogger } from '../../cloudfunctions/_runtime/handler-context';
import type { WxOpenApi } from '../../cloudfunctions/_runtime/wx-open-api';

const caller = { openid: 'resident-a', staff: null };

describe('screenText', () => {
  test('in the local cloud the word list decides', async () => {
    const ctx = { platform: 'local' as const, caller, log: silentLogger };
    expect(await screenText('建议延长公示期。', ctx)).toEqual({ pass: true });
    const held = await screenText('低价代开发票', ctx);
    expect(held).toEqual({ pass: false, reason: '含有不当用语：代开发票' });
  });

  describe('on CloudBase WeChat msgSecCheck decides', () => {
    const calls: Array<[string, Record<string, unknown>]> = [];
    const api = (answer: Record<string, unknown> | Error): WxOpenApi => ({
      async call(name, data) {
        calls.push([name, data]);
        if (answer instanceof Error) throw answer;
        return answer;
      },
    });
    const ctx = (wxOpenApi: WxOpenApi) => ({ platform: 'cloudbase' as const, caller, log: silentLogger, wxOpenApi });

    beforeEach(() => {
      calls.length = 0;
    });

    test('pass only on a clear pass, sending version 2 with the caller', async () => {
      expect(await screenText('办证', ctx(api({ errcode: 0, result: { suggest: 'pass' } })))).toEqual({ pass: true });
      expect(calls).toEqual([['security.msgSecCheck', { content: '办证', version: 2, scene: 2, openid: 'resident-a' }]]);
    });

    test('risky and review are held back', async () => {
      expect(await screenText('x', ctx(api({ errcode: 0, result: { suggest: 'risky' } })))).toEqual({ pass: false, reason: '内容未通过安全检测' });
      expect(await screenText('x', ctx(api({ errcode: 0, result: { suggest: 'review' } })))).toEqual({ pass: false, reason: '内容需人工审核' });
    });

    test('an error answer or a failed call holds the text back instead of publishing it unchecked', async () => {
      expect((await screenText('x', ctx(api({ errcode: 45009, errmsg: 'reach max api daily quota limit' })))).pass).toBe(false);
      expect((await screenText('x', ctx(api(new Error('network'))))).pass).toBe(false);
    });
  });
});
