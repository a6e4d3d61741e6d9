import { usesWechatCloud } from './api/transport';

/**
 * What a search can find depends on the end in use: the local cloud's index covers bodies and the
 * guide's fields; CloudBase has no full-text index and matches title, summary and 文号 only
 * (cloudbase-search.ts). The hints promise no more than that.
 */
export function searchHint(): string {
  return usesWechatCloud()
    ? '可搜索标题、摘要和文号，例如“加装电梯”“物业”“云建发”。'
    : '可搜索标题、正文、文号和办事指南，例如“加装电梯”“物业”“云建发”。';
}

export function guideSearchPlaceholder(): string {
  return usesWechatCloud() ? '搜索办事事项名称' : '搜索办事事项、所需材料';
}
