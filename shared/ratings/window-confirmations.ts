import type { Confirmation } from '../requests/act-confirmations';

/**
 * What a rating officer reads before the window acts a slip would matter in: a window taken out of
 * use (or back in) changes what residents can rate at once, and a visit code, once made, counts for
 * the window and service it names and cannot be taken back or moved. Pure text; the pages ask with it.
 */
export function windowActiveConfirmation(name: string, active: boolean): Confirmation {
  return active
    ? {
        title: '确认启用窗口',
        content: `启用「${name}」后，居民可在评价窗口列表中找到它，窗口二维码和有效期内的评价码重新可用。`,
        confirmText: '确认启用',
      }
    : {
        title: '确认停用窗口',
        content: `停用「${name}」后，居民不能再评价该窗口：它从评价窗口列表中移除，窗口二维码和尚未使用的评价码随即不能使用。已有评价保留；可随时重新启用。`,
        confirmText: '确认停用',
      };
}

export function visitCodeConfirmation(windowName: string, serviceName: string | null): Confirmation {
  const what = serviceName ? `「${serviceName}」的评价码` : '评价码（未选择办理事项）';
  return {
    title: '确认生成评价码',
    content: `为「${windowName}」生成${what}：居民扫码后的评价计入该窗口${serviceName ? '和该事项' : ''}，仅能使用一次。生成后不能撤回，也不能改为其他窗口或事项。`,
    confirmText: '生成',
  };
}
