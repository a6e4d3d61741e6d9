import { chineseDate, chineseQuotes, documentLines, documentNumber, layoutLetter, typesetLine } from '../../shared/requests/letter-layout';
import { chinesePlaceholder, placeholderKeyOf, withChinesePlaceholders } from '../../shared/requests/letter-placeholders';
import { SealPngSchema, SEAL_MAX_BYTES } from '../../shared/requests/letter-seal';
import { fillTemplate } from '../../shared/requests/letters';
import type { Letter } from '../../shared/requests/request-types';
import { wrapText } from '../../cloudfunctions/requests/letter-pdf';
import { sealPngBase64 } from '../support/seal-png';

/** A letter as stored with a request: the text the template gave, before it is laid out. */
const letter = (over: Partial<Letter> = {}): Letter => ({
  kind: 'reply',
  title: '政府信息公开申请答复告知书',
  reference: '依申〔2026〕000123号',
  addressee: '张三',
  paragraphs: ['张三：\n本机关于 2026-09-28 收到您提出的政府信息公开申请（编号 依申〔2026〕000123号），申请获取"老旧小区改造项目招标文件"。', '经审查，予以公开。'],
  signature: '云溪区住房和城乡建设局',
  date: '2026-12-03',
  ...over,
});

describe('the 文号', () => {
  test('a reply takes 第…号 after the year', () => {
    expect(documentNumber('依申〔2026〕000123号')).toBe('依申〔2026〕第000123号');
  });
  test("other letters carry their kind in the issuer's abbreviation", () => {
    expect(documentNumber('依申〔2026〕000123号-补正')).toBe('依申补正〔2026〕第000123号');
    expect(documentNumber('依申〔2027〕000004号-延迟答复')).toBe('依申延迟答复〔2027〕第000004号');
  });
  test('a reference of another shape is kept as it is', () => {
    expect(documentNumber('云住建函〔2026〕12号-')).toBe('云住建函〔2026〕12号-');
    expect(documentNumber('临时编号 7')).toBe('临时编号 7');
  });
});

describe('dates and quotation marks', () => {
  test('ISO dates are written 2026年12月3日, without leading zeros', () => {
    expect(chineseDate('2026-12-03')).toBe('2026年12月3日');
    expect(chineseDate('2027-01-29')).toBe('2027年1月29日');
    expect(chineseDate('于 2026-10-20 前')).toBe('于 2026年10月20日 前');
  });
  test('what only looks like a date stays: a phone number, an impossible month, a longer number', () => {
    expect(chineseDate('0571-8888-6666')).toBe('0571-8888-6666');
    expect(chineseDate('2026-13-01')).toBe('2026-13-01');
    expect(chineseDate('12026-12-031')).toBe('12026-12-031');
  });
  test('straight double quotes open and close in turn; Chinese ones stay', () => {
    expect(chineseQuotes('申请获取"招标文件"和"报价"。')).toBe('申请获取“招标文件”和“报价”。');
    expect(chineseQuotes('已是“中文引号”')).toBe('已是“中文引号”');
    expect(chineseQuotes('未闭合的"引号')).toBe('未闭合的“引号');
  });
  test('blanks between Chinese and numbers go; item numbers and phone numbers keep theirs', () => {
    expect(typesetLine('答复期限延长 15 个工作日，本机关将于 2026-11-20 前作出答复。')).toBe('答复期限延长15个工作日，本机关将于2026年11月20日前作出答复。');
    expect(typesetLine('1. 请写明所需文件的名称')).toBe('1. 请写明所需文件的名称');
    expect(typesetLine('联系方式：0571-8888 6666')).toBe('联系方式：0571-8888 6666');
  });
});

describe('the document', () => {
  test('a person is addressed by name, the body typeset, the foot with the date in Chinese', () => {
    const doc = layoutLetter(letter());
    expect(doc).toMatchObject({ title: '政府信息公开申请答复告知书', number: '依申〔2026〕第000123号', salutation: '张三：', signature: '云溪区住房和城乡建设局', date: '2026年12月3日', seal: null });
    // The template's salutation line is not repeated in the body.
    expect(doc.paragraphs).toEqual(['本机关于2026年9月28日收到您提出的政府信息公开申请（编号 依申〔2026〕000123号），申请获取“老旧小区改造项目招标文件”。', '经审查，予以公开。']);
    expect(documentLines(doc)).toEqual([doc.title, doc.number, '张三：', ...doc.paragraphs, doc.signature, doc.date]);
  });

  test('an organisation is addressed by its name', () => {
    const doc = layoutLetter(letter({ addressee: '云溪明理律师事务所', paragraphs: ['云溪明理律师事务所：\n本机关收到贵单位提出的政府信息公开申请。'] }));
    expect(doc.salutation).toBe('云溪明理律师事务所：');
    expect(doc.paragraphs).toEqual(['本机关收到贵单位提出的政府信息公开申请。']);
  });

  test('a template that lost its salutation still addresses the applicant', () => {
    const doc = layoutLetter(letter({ paragraphs: ['经审查，予以公开。'] }));
    expect(doc.salutation).toBe('张三：');
    expect(doc.paragraphs).toEqual(['经审查，予以公开。']);
  });

  test('the seal is on the document where the bureau has one, and absent where it has none', () => {
    expect(layoutLetter(letter({ seal: 'data:image/png;base64,iVBORw0KGgo=' })).seal).toBe('data:image/png;base64,iVBORw0KGgo=');
    expect(layoutLetter(letter(), 'data:image/png;base64,AAAA').seal).toBe('data:image/png;base64,AAAA');
    expect(layoutLetter(letter({ seal: '' })).seal).toBeNull();
    expect(layoutLetter(letter()).seal).toBeNull();
  });
});

describe('Chinese placeholders', () => {
  test('each value has one Chinese name; either name fills', () => {
    expect(chinesePlaceholder('applicant')).toBe('{申请人}');
    expect(chinesePlaceholder('submittedOn')).toBe('{申请日期}');
    expect(placeholderKeyOf('申请编号')).toBe('trackingNumber');
    expect(placeholderKeyOf('trackingNumber')).toBe('trackingNumber');
    const filled = fillTemplate({ title: '{本机关}告知书', paragraphs: ['{申请人}：{applicant}', '{未知}', ''] }, { applicant: '张三', bureau: '云溪区住房和城乡建设局' });
    expect(filled).toEqual({ title: '云溪区住房和城乡建设局告知书', paragraphs: ['张三：张三', '{未知}'] });
  });
  test('old English placeholders are rewritten in Chinese; unknown ones and plain braces stay', () => {
    expect(withChinesePlaceholders('{applicant}：{remedies}{oops}{ }')).toBe('{申请人}：{救济途径}{oops}{ }');
  });
});

describe('the seal image', () => {
  test('a PNG up to 40 KB is accepted; another format or a larger one is refused with the reason', () => {
    expect(SealPngSchema.safeParse(sealPngBase64(64)).success).toBe(true);
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46]).toString('base64');
    expect(SealPngSchema.safeParse(jpeg).error?.issues[0].message).toBe('公章图片须为 PNG 格式（透明背景）');
    const big = `iVBORw0KGgo${'A'.repeat(Math.ceil(SEAL_MAX_BYTES / 3) * 4)}`;
    expect(SealPngSchema.safeParse(big).error?.issues[0].message).toContain('不能超过 40 KB');
    expect(SealPngSchema.safeParse('not base64!').success).toBe(false);
  });
});

describe('line breaking in the PDF', () => {
  const measure = (s: string) => [...s].length * 10;
  test('lines fill the width, the first indented', () => {
    expect(wrapText('一二三四五六七八九十', 50, measure, 20)).toEqual(['一二三', '四五六七八', '九十']);
  });
  test('closing punctuation never starts a line; an opening mark never ends one', () => {
    expect(wrapText('一二三四五，六七', 50, measure)).toEqual(['一二三四五，', '六七']);
    expect(wrapText('一二三四“五六”', 50, measure)).toEqual(['一二三四', '“五六”']);
  });
});
