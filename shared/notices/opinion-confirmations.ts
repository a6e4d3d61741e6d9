import type { Confirmation } from '../requests/act-confirmations';
import type { CommentStatus } from './notice-comments';

/**
 * What a moderator reads before deciding on a resident's opinion (征求意见): who will see it, what
 * the resident who wrote it sees, and what is lost. Once public, an opinion and its reply may have
 * been read and quoted: taking it down later does not unsay it, so publishing asks first; a reply
 * replaces the one shown before; a decision is never silent to the resident, who sees its status
 * beside their own opinion. Pure text, shown in the same confirmation dialog as the request page's.
 */
export function opinionConfirmation(
  status: CommentStatus,
  decision: 'publish' | 'hide',
  reply: string | undefined,
  notice: { title: string } | null,
  author: string,
): Confirmation {
  const where = notice ? `“${notice.title}”的意见区` : '意见区';
  if (decision === 'hide') {
    const was = status === 'published' ? `这条意见（及其答复）将从${where}撤下，居民不再能看到` : `这条意见将不予公开，只有工作人员能看到`;
    return {
      title: status === 'published' ? '确认撤下' : '确认不予公开',
      content: `${was}；留言者（${author}）在自己的意见旁看到“不予公开”。已被阅读或转述的内容无法收回。之后仍可在“不予公开”中改为公开。`,
      confirmText: status === 'published' ? '确认撤下' : '确认不公开',
    };
  }
  if (status === 'published') {
    return {
      title: '确认保存答复',
      content: `这条答复将随意见在${where}向所有人公开，替换原来的答复（原答复不再显示）；留言者（${author}）可以看到。公开后的内容可能已被阅读或转述。`,
      confirmText: '确认公开答复',
    };
  }
  return {
    title: '确认公开',
    content: `这条意见${reply ? '连同您的答复' : ''}将在${where}向所有人公开（不显示留言者身份）；留言者（${author}）在自己的意见旁看到“已公开”。公开后即可被阅读、转述，撤下也不能收回已看到的内容。`,
    confirmText: '确认公开',
  };
}
