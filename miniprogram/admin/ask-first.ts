import Taro from '@tarojs/taro';
import type { Confirmation } from '../../shared/requests/act-confirmations';

/**
 * The staff pages' one way of asking before a step that cannot be taken back: the dialog says what
 * will happen and to whom, 再看看 (the safe answer) sends nothing. The request page's acts use the
 * same dialog through their form (request-action-form.tsx).
 */
export async function askFirst({ title, content, confirmText }: Confirmation): Promise<boolean> {
  return (await Taro.showModal({ title, content, confirmText, cancelText: '再看看' })).confirm;
}
