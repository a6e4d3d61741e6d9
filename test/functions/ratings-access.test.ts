import { contract } from '../../shared/api/contract';
import type { CloudHarness } from '../support/cloud-harness';
import { fixtureCopyPerTest, fixtureImageOnce, storeCounts } from '../support/fixture';
import { VALID_INPUTS, type Fixture } from '../support/valid-inputs';

/**
 * The rating officer (not one of the shared matrix's personas): every windows
 * and ratings action is open to them except the admin's decision on an appeal and the settings;
 * and nothing else of the bureau is.
 */
const EXPECTED_FOR_OFFICER: Record<string, 'allow' | 'FORBIDDEN'> = {
  'windows.list': 'allow', 'windows.manageList': 'allow', 'windows.get': 'allow', 'windows.save': 'allow',
  'windows.qrcode': 'allow', 'windows.issueVisit': 'allow',
  'ratings.target': 'allow', 'ratings.submit': 'allow', 'ratings.mine': 'allow', 'ratings.stats': 'allow',
  'ratings.publicList': 'allow', 'ratings.followUps': 'allow', 'ratings.followUp': 'allow', 'ratings.respond': 'allow',
  'ratings.close': 'allow', 'ratings.appeal': 'allow', 'ratings.ranking': 'allow', 'ratings.complete': 'allow',
  'ratings.settings': 'allow',
  // The bureau's settings are the admin's to change, like the decision on an appeal.
  'ratings.decideAppeal': 'FORBIDDEN', 'ratings.saveSettings': 'FORBIDDEN',
  'notices.manageList': 'FORBIDDEN', 'notices.save': 'FORBIDDEN',
};

let cloud: CloudHarness;
let fixture: Fixture;
// Each test gets its own copy of one prepared database (see prepareFixtureImage).
fixtureCopyPerTest(fixtureImageOnce(), (c, f) => {
  cloud = c;
  fixture = f;
});
afterEach(() => cloud.close());

test('every windows and ratings action has an expectation here', () => {
  const mine = ['windows', 'ratings'].flatMap((fn) => Object.keys(contract[fn as 'windows' | 'ratings']).map((a) => `${fn}.${a}`));
  // ratings.feedback is the rater's own: covered by the matrix and the function tests.
  expect(mine.filter((k) => k !== 'ratings.feedback').sort()).toEqual(Object.keys(EXPECTED_FOR_OFFICER).filter((k) => !k.startsWith('notices')).sort());
});

test.each(Object.entries(EXPECTED_FOR_OFFICER))('demo-rater: %s → %s', async (name, expected) => {
  const [fn, action] = name.split('.');
  const data = (VALID_INPUTS as any)[fn][action](fixture)[0];
  const before = await storeCounts(cloud);
  const result = await cloud.call('demo-rater', fn, { action, data });
  if (expected === 'allow') {
    expect(result).toMatchObject({ ok: true });
  } else {
    expect(result).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await storeCounts(cloud)).toEqual(before);
  }
});
