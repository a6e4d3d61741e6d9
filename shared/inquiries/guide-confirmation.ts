import type { Confirmation } from '../requests/act-confirmations';

/**
 * What an admin reads before saving the 政府信息公开指南: it is published to everyone at once
 * (条例 Art. 12), and new answer periods bind every case received from then on. `changed` names the
 * fields edited, by their labels on the form.
 */
export function guideSaveConfirmation(changed: readonly string[], periodsChanged: boolean): Confirmation {
  const what = changed.length ? `修改了：${changed.join('、')}。` : '内容未改动，将另存为一个新版本。';
  const periods = periodsChanged ? '新的答复时限适用于此后收到的咨询和投诉举报，已收到的仍按原时限。' : '';
  return {
    title: '确认保存公开指南',
    content: `${what}保存后立即在“政府信息公开指南”页面向公众公布（条例第十二条），旧版本留在修改记录中。${periods}`,
    confirmText: '确认保存',
  };
}
