/**
 * Words that hold a resident's comment back for staff review in the local
 * cloud (on CloudBase, WeChat's `security.msgSecCheck` decides instead).
 * The bureau edits this list; matching ignores spaces, punctuation, letter
 * case and full-width forms, so "办 证" and "办证" are the same word.
 */
export const SCREENING_WORDS: readonly string[] = [
  // abuse
  '傻逼', '煞笔', '操你', '去死', '狗官', '混蛋', '王八蛋', '滚蛋',
  // advertising and fraud
  '代开发票', '办证', '刷单', '加微信', '兼职日结', '贷款秒批', '套现', '网赌',
  // gambling and pornography
  '赌博', '博彩', '六合彩', '色情', '裸聊', '约炮',
];
