import { SCREENING_WORDS } from '../../config/screening-words';
import { findScreenedWords, normaliseForScreening } from '../../shared/moderation/screen-words';

describe('screening words', () => {
  test('a clean comment passes', () => {
    expect(findScreenedWords('建议在青禾路增设公交站点，方便老人出行。', SCREENING_WORDS)).toEqual([]);
  });

  test('a listed word is found, also when disguised with spaces, punctuation or full-width letters', () => {
    expect(findScreenedWords('专业办证，价格优惠', SCREENING_WORDS)).toEqual(['办证']);
    expect(findScreenedWords('办 证 请联系', SCREENING_WORDS)).toEqual(['办证']);
    expect(findScreenedWords('办-证，加·微·信', SCREENING_WORDS)).toEqual(['办证', '加微信']);
    expect(findScreenedWords('ＡＢＣ刷单', ['abc刷单'])).toEqual(['abc刷单']);
  });

  test('normalising folds width and case and drops punctuation but keeps CJK, letters and digits', () => {
    expect(normaliseForScreening('Ｈｅｌｌｏ，世界 2026！')).toBe('hello世界2026');
  });

  test('an empty word never matches everything', () => {
    expect(findScreenedWords('任何内容', ['', '  ', '！'])).toEqual([]);
  });
});
