import { rateSubjectOf } from '../../shared/ratings/rate-link';

test('the rating page reads a visit code or a window from its link, or from a WeChat scene', () => {
  expect(rateSubjectOf({ visit: 'abcdefghjk' })).toEqual({ visitCode: 'ABCDEFGHJK' });
  expect(rateSubjectOf({ window: 'win-housing-1' })).toEqual({ windowId: 'win-housing-1' });
  expect(rateSubjectOf({ scene: encodeURIComponent('v=ABCDEFGHJK') })).toEqual({ visitCode: 'ABCDEFGHJK' });
  expect(rateSubjectOf({ scene: encodeURIComponent('w=win-housing-1') })).toEqual({ windowId: 'win-housing-1' });
  expect(rateSubjectOf({ scene: '%E0%A4%A' })).toBeNull();
  expect(rateSubjectOf({ scene: 'x=1' })).toBeNull();
  expect(rateSubjectOf({})).toBeNull();
});
