import { contract } from '../../shared/api/contract';
import { createCloudHarness, ok, type CloudHarness } from '../support/cloud-harness';
import { fixtureCopyPerTest, fixtureImageOnce, noticeSnapshot, storeCounts } from '../support/fixture';
import { VALID_INPUTS, type Fixture } from '../support/valid-inputs';

/**
 * Every action × every kind of caller. The expectations are written out by
 * hand, not derived from the contract, so that a change which quietly opens
 * an action to more people fails here.
 */
const PERSONAS = {
  anonymous: null,
  resident: 'resident-a',
  otherResident: 'resident-b',
  formerStaff: 'former-staff',
  handler: 'demo-clerk',
  /** demo-clerk's roles in 住房保障科: the fixture's requests are registered into 局办公室, demo-clerk's department. */
  handlerOtherDepartment: 'other-department-clerk',
  publisher: 'demo-editor',
  /** 孙静: 公开审查 only. The fixture's review items are demo-editor's, so the reviewer may decide them. */
  reviewer: 'demo-reviewer',
  /** 赵磊: the bureau's 好差评 desk, a rating officer of no department, so of every window (rating-scope.ts). */
  ratingOfficer: 'demo-rater',
  /** A rating officer of 住房保障科: the fixture's window, ratings and follow-ups are 行政审批科's. */
  ratingOfficerOtherDepartment: 'other-unit-rater',
  admin: 'demo-admin',
} as const;
type Persona = keyof typeof PERSONAS;
/** The columns written out in EXPECTED; the department-scope and rating-officer columns are derived below. */
type RolePersona = Exclude<Persona, 'handlerOtherDepartment' | 'ratingOfficer' | 'ratingOfficerOtherDepartment'>;
type Outcome = 'allow' | 'UNAUTHENTICATED' | 'FORBIDDEN';

const everyone: Record<RolePersona, Outcome> = {
  anonymous: 'allow', resident: 'allow', otherResident: 'allow', formerStaff: 'allow', handler: 'allow', publisher: 'allow', reviewer: 'allow', admin: 'allow',
};
const publishers: Record<RolePersona, Outcome> = {
  anonymous: 'UNAUTHENTICATED', resident: 'FORBIDDEN', otherResident: 'FORBIDDEN', formerStaff: 'FORBIDDEN', handler: 'FORBIDDEN', publisher: 'allow', reviewer: 'FORBIDDEN', admin: 'allow',
};

/** Any caller with an OPENID: residents, and staff as residents (own notifications). */
const signedIn: Record<RolePersona, Outcome> = {
  anonymous: 'UNAUTHENTICATED', resident: 'allow', otherResident: 'allow', formerStaff: 'allow', handler: 'allow', publisher: 'allow', reviewer: 'allow', admin: 'allow',
};

const ANSWERERS: Record<RolePersona, Outcome> = { ...publishers, publisher: 'FORBIDDEN', handler: 'allow' };
const NO_CASE = 'INQUIRY_NOT_FOUND' as Outcome;
const OWN_CASE: Record<RolePersona, Outcome> = {
  anonymous: 'UNAUTHENTICATED', resident: 'allow', otherResident: NO_CASE, formerStaff: NO_CASE, handler: NO_CASE, publisher: NO_CASE, reviewer: NO_CASE, admin: NO_CASE,
};

const EXPECTED: Record<string, Record<RolePersona, Outcome>> = {
  'session.whoami': everyone,
  'directory.departments': everyone,
  'notices.list': everyone,
  'notices.get': everyone,
  'notices.manageList': publishers,
  'notices.manageGet': publishers,
  'notices.save': publishers,
  'notices.publish': publishers,
  'notices.withdraw': publishers,

  // requests, calendar
  // Residents act on their own requests only: another resident (staff included) gets the same 404 as a missing id.
  'requests.submit': { anonymous: 'UNAUTHENTICATED', resident: 'allow', otherResident: 'allow', formerStaff: 'allow', handler: 'allow', publisher: 'allow', reviewer: 'allow', admin: 'allow' },
  'requests.mine': { anonymous: 'UNAUTHENTICATED', resident: 'allow', otherResident: 'allow', formerStaff: 'allow', handler: 'allow', publisher: 'allow', reviewer: 'allow', admin: 'allow' },
  'requests.get': { anonymous: 'UNAUTHENTICATED', resident: 'allow', otherResident: 'REQUEST_NOT_FOUND' as Outcome, formerStaff: 'REQUEST_NOT_FOUND' as Outcome, handler: 'REQUEST_NOT_FOUND' as Outcome, publisher: 'REQUEST_NOT_FOUND' as Outcome, reviewer: 'REQUEST_NOT_FOUND' as Outcome, admin: 'REQUEST_NOT_FOUND' as Outcome },
  // A letter's PDF: the applicant's own, or one a handler of the request's department may handle.
  'requests.letterPdf': { anonymous: 'UNAUTHENTICATED', resident: 'allow', otherResident: 'REQUEST_NOT_FOUND' as Outcome, formerStaff: 'REQUEST_NOT_FOUND' as Outcome, handler: 'allow', publisher: 'REQUEST_NOT_FOUND' as Outcome, reviewer: 'REQUEST_NOT_FOUND' as Outcome, admin: 'allow' },
  'requests.supplement': { anonymous: 'UNAUTHENTICATED', resident: 'allow', otherResident: 'REQUEST_NOT_FOUND' as Outcome, formerStaff: 'REQUEST_NOT_FOUND' as Outcome, handler: 'REQUEST_NOT_FOUND' as Outcome, publisher: 'REQUEST_NOT_FOUND' as Outcome, reviewer: 'REQUEST_NOT_FOUND' as Outcome, admin: 'REQUEST_NOT_FOUND' as Outcome },
  'requests.giveReasons': { anonymous: 'UNAUTHENTICATED', resident: 'allow', otherResident: 'REQUEST_NOT_FOUND' as Outcome, formerStaff: 'REQUEST_NOT_FOUND' as Outcome, handler: 'REQUEST_NOT_FOUND' as Outcome, publisher: 'REQUEST_NOT_FOUND' as Outcome, reviewer: 'REQUEST_NOT_FOUND' as Outcome, admin: 'REQUEST_NOT_FOUND' as Outcome },
  'requests.withdraw': { anonymous: 'UNAUTHENTICATED', resident: 'allow', otherResident: 'REQUEST_NOT_FOUND' as Outcome, formerStaff: 'REQUEST_NOT_FOUND' as Outcome, handler: 'REQUEST_NOT_FOUND' as Outcome, publisher: 'REQUEST_NOT_FOUND' as Outcome, reviewer: 'REQUEST_NOT_FOUND' as Outcome, admin: 'REQUEST_NOT_FOUND' as Outcome },
  'requests.queue': { anonymous: 'UNAUTHENTICATED', resident: 'FORBIDDEN', otherResident: 'FORBIDDEN', formerStaff: 'FORBIDDEN', handler: 'allow', publisher: 'FORBIDDEN', reviewer: 'FORBIDDEN', admin: 'allow' },
  'requests.enter': { anonymous: 'UNAUTHENTICATED', resident: 'FORBIDDEN', otherResident: 'FORBIDDEN', formerStaff: 'FORBIDDEN', handler: 'allow', publisher: 'FORBIDDEN', reviewer: 'FORBIDDEN', admin: 'allow' },
  'requests.register': { anonymous: 'UNAUTHENTICATED', resident: 'FORBIDDEN', otherResident: 'FORBIDDEN', formerStaff: 'FORBIDDEN', handler: 'allow', publisher: 'FORBIDDEN', reviewer: 'FORBIDDEN', admin: 'allow' },
  'requests.askSupplement': { anonymous: 'UNAUTHENTICATED', resident: 'FORBIDDEN', otherResident: 'FORBIDDEN', formerStaff: 'FORBIDDEN', handler: 'allow', publisher: 'FORBIDDEN', reviewer: 'FORBIDDEN', admin: 'allow' },
  'requests.consult': { anonymous: 'UNAUTHENTICATED', resident: 'FORBIDDEN', otherResident: 'FORBIDDEN', formerStaff: 'FORBIDDEN', handler: 'allow', publisher: 'FORBIDDEN', reviewer: 'FORBIDDEN', admin: 'allow' },
  'requests.extend': { anonymous: 'UNAUTHENTICATED', resident: 'FORBIDDEN', otherResident: 'FORBIDDEN', formerStaff: 'FORBIDDEN', handler: 'allow', publisher: 'FORBIDDEN', reviewer: 'FORBIDDEN', admin: 'allow' },
  'requests.askReasons': { anonymous: 'UNAUTHENTICATED', resident: 'FORBIDDEN', otherResident: 'FORBIDDEN', formerStaff: 'FORBIDDEN', handler: 'allow', publisher: 'FORBIDDEN', reviewer: 'FORBIDDEN', admin: 'allow' },
  'requests.recordReasons': { anonymous: 'UNAUTHENTICATED', resident: 'FORBIDDEN', otherResident: 'FORBIDDEN', formerStaff: 'FORBIDDEN', handler: 'allow', publisher: 'FORBIDDEN', reviewer: 'FORBIDDEN', admin: 'allow' },
  'requests.setDelayedDue': { anonymous: 'UNAUTHENTICATED', resident: 'FORBIDDEN', otherResident: 'FORBIDDEN', formerStaff: 'FORBIDDEN', handler: 'allow', publisher: 'FORBIDDEN', reviewer: 'FORBIDDEN', admin: 'allow' },
  'requests.reply': { anonymous: 'UNAUTHENTICATED', resident: 'FORBIDDEN', otherResident: 'FORBIDDEN', formerStaff: 'FORBIDDEN', handler: 'allow', publisher: 'FORBIDDEN', reviewer: 'FORBIDDEN', admin: 'allow' },
  'requests.close': { anonymous: 'UNAUTHENTICATED', resident: 'FORBIDDEN', otherResident: 'FORBIDDEN', formerStaff: 'FORBIDDEN', handler: 'allow', publisher: 'FORBIDDEN', reviewer: 'FORBIDDEN', admin: 'allow' },
  'requests.manageGet': { anonymous: 'UNAUTHENTICATED', resident: 'FORBIDDEN', otherResident: 'FORBIDDEN', formerStaff: 'FORBIDDEN', handler: 'allow', publisher: 'FORBIDDEN', reviewer: 'FORBIDDEN', admin: 'allow' },
  'requests.recordSupplement': { anonymous: 'UNAUTHENTICATED', resident: 'FORBIDDEN', otherResident: 'FORBIDDEN', formerStaff: 'FORBIDDEN', handler: 'allow', publisher: 'FORBIDDEN', reviewer: 'FORBIDDEN', admin: 'allow' },
  'requests.quoteFee': { anonymous: 'UNAUTHENTICATED', resident: 'FORBIDDEN', otherResident: 'FORBIDDEN', formerStaff: 'FORBIDDEN', handler: 'allow', publisher: 'FORBIDDEN', reviewer: 'FORBIDDEN', admin: 'allow' },
  'requests.askFee': { anonymous: 'UNAUTHENTICATED', resident: 'FORBIDDEN', otherResident: 'FORBIDDEN', formerStaff: 'FORBIDDEN', handler: 'allow', publisher: 'FORBIDDEN', reviewer: 'FORBIDDEN', admin: 'allow' },
  'requests.recordPayment': { anonymous: 'UNAUTHENTICATED', resident: 'FORBIDDEN', otherResident: 'FORBIDDEN', formerStaff: 'FORBIDDEN', handler: 'allow', publisher: 'FORBIDDEN', reviewer: 'FORBIDDEN', admin: 'allow' },
  'requests.assignDepartment': { anonymous: 'UNAUTHENTICATED', resident: 'FORBIDDEN', otherResident: 'FORBIDDEN', formerStaff: 'FORBIDDEN', handler: 'allow', publisher: 'FORBIDDEN', reviewer: 'FORBIDDEN', admin: 'allow' },
  'calendar.days': everyone,
  'calendar.setYear': { anonymous: 'UNAUTHENTICATED', resident: 'FORBIDDEN', otherResident: 'FORBIDDEN', formerStaff: 'FORBIDDEN', handler: 'FORBIDDEN', publisher: 'FORBIDDEN', reviewer: 'FORBIDDEN', admin: 'allow' },
  'calendar.setDay': { anonymous: 'UNAUTHENTICATED', resident: 'FORBIDDEN', otherResident: 'FORBIDDEN', formerStaff: 'FORBIDDEN', handler: 'FORBIDDEN', publisher: 'FORBIDDEN', reviewer: 'FORBIDDEN', admin: 'allow' },
  'letterTemplates.list': { anonymous: 'UNAUTHENTICATED', resident: 'FORBIDDEN', otherResident: 'FORBIDDEN', formerStaff: 'FORBIDDEN', handler: 'FORBIDDEN', publisher: 'FORBIDDEN', reviewer: 'FORBIDDEN', admin: 'allow' },
  'letterTemplates.preview': { anonymous: 'UNAUTHENTICATED', resident: 'FORBIDDEN', otherResident: 'FORBIDDEN', formerStaff: 'FORBIDDEN', handler: 'FORBIDDEN', publisher: 'FORBIDDEN', reviewer: 'FORBIDDEN', admin: 'allow' },
  'letterTemplates.save': { anonymous: 'UNAUTHENTICATED', resident: 'FORBIDDEN', otherResident: 'FORBIDDEN', formerStaff: 'FORBIDDEN', handler: 'FORBIDDEN', publisher: 'FORBIDDEN', reviewer: 'FORBIDDEN', admin: 'allow' },
  'letterTemplates.reset': { anonymous: 'UNAUTHENTICATED', resident: 'FORBIDDEN', otherResident: 'FORBIDDEN', formerStaff: 'FORBIDDEN', handler: 'FORBIDDEN', publisher: 'FORBIDDEN', reviewer: 'FORBIDDEN', admin: 'allow' },
  // The seal is on every letter each applicant sees: anyone signed in may have it; only admins change it.
  'letterTemplates.seal': signedIn,
  'letterTemplates.saveSeal': { anonymous: 'UNAUTHENTICATED', resident: 'FORBIDDEN', otherResident: 'FORBIDDEN', formerStaff: 'FORBIDDEN', handler: 'FORBIDDEN', publisher: 'FORBIDDEN', reviewer: 'FORBIDDEN', admin: 'allow' },

  // subscriptions, inbox, deliveries
  'subscriptions.topics': signedIn,
  'subscriptions.subscribe': signedIn,
  'subscriptions.unsubscribe': signedIn,
  'subscriptions.recordGrants': signedIn,
  'inbox.list': signedIn,
  'inbox.unreadCount': signedIn,
  'inbox.markRead': signedIn,
  // The fixture's subject is a notice: its publishers' business. A request's: REQUEST_DELIVERIES below.
  'deliveries.forSubject': { anonymous: 'UNAUTHENTICATED', resident: 'FORBIDDEN', otherResident: 'FORBIDDEN', formerStaff: 'FORBIDDEN', handler: 'FORBIDDEN', publisher: 'allow', reviewer: 'FORBIDDEN', admin: 'allow' },

  // notices search, comments
  'notices.search': everyone,
  'notices.comment': signedIn,
  'notices.comments': everyone,
  'notices.myComments': signedIn,
  'notices.manageComments': publishers,
  'notices.moderateComment': publishers,
  'notices.view': everyone,
  'notices.viewCounts': publishers,
  'notices.versions': publishers,
  'notices.versionDetail': publishers,
  'notices.schedule': publishers,
  'notices.unschedule': publishers,

  // windows, ratings
  // The rating officers' columns are OFFICER and OFFICER_OTHER_DEPARTMENT below: of the personas written
  // out here only admin may act on windows and follow-ups. A rater's feedback is for their rating only
  // (the fixture's is resident-a's): anyone else is answered as if it did not exist.
  'windows.list': everyone,
  'windows.manageList': { ...publishers, publisher: 'FORBIDDEN' },
  'windows.get': { ...publishers, publisher: 'FORBIDDEN' },
  'windows.save': { ...publishers, publisher: 'FORBIDDEN' },
  'windows.qrcode': { ...publishers, publisher: 'FORBIDDEN' },
  'windows.issueVisit': { ...publishers, publisher: 'FORBIDDEN' },
  'ratings.target': { ...everyone, anonymous: 'UNAUTHENTICATED' },
  'ratings.submit': { ...everyone, anonymous: 'UNAUTHENTICATED' },
  'ratings.mine': { ...everyone, anonymous: 'UNAUTHENTICATED' },
  'ratings.feedback': {
    anonymous: 'UNAUTHENTICATED', resident: 'allow', otherResident: 'RATING_NOT_FOUND', formerStaff: 'RATING_NOT_FOUND',
    handler: 'RATING_NOT_FOUND', publisher: 'RATING_NOT_FOUND', reviewer: 'RATING_NOT_FOUND', admin: 'RATING_NOT_FOUND',
  } as Record<RolePersona, string> as Record<RolePersona, Outcome>,
  'ratings.stats': everyone,
  'ratings.publicList': everyone,
  'ratings.followUps': { ...publishers, publisher: 'FORBIDDEN' },
  'ratings.followUp': { ...publishers, publisher: 'FORBIDDEN' },
  'ratings.respond': { ...publishers, publisher: 'FORBIDDEN' },
  'ratings.close': { ...publishers, publisher: 'FORBIDDEN' },
  'ratings.complete': { ...publishers, publisher: 'FORBIDDEN' },
  'ratings.appeal': { ...publishers, publisher: 'FORBIDDEN' },
  'ratings.decideAppeal': { ...publishers, publisher: 'FORBIDDEN' },
  'ratings.ranking': { ...publishers, publisher: 'FORBIDDEN' },
  'ratings.settings': { ...publishers, publisher: 'FORBIDDEN' },
  'ratings.saveSettings': { ...publishers, publisher: 'FORBIDDEN' },

  // staff administration: admins only, except accepting an invitation, which any signed-in caller may try;
  // someone already active on the staff keeps their roles (an invitation never replaces them), a former member rejoins.
  'staff.list': { ...publishers, publisher: 'FORBIDDEN' },
  'staff.invite': { ...publishers, publisher: 'FORBIDDEN' },
  'staff.accept': { ...signedIn, handler: 'INVALID_STATE' as Outcome, publisher: 'INVALID_STATE' as Outcome, reviewer: 'INVALID_STATE' as Outcome, admin: 'INVALID_STATE' as Outcome },
  'staff.setRoles': { ...publishers, publisher: 'FORBIDDEN' },
  'staff.remove': { ...publishers, publisher: 'FORBIDDEN' },

  // the audit trail: admins only
  'audit.search': { ...publishers, publisher: 'FORBIDDEN' },
  'audit.export': { ...publishers, publisher: 'FORBIDDEN' },

  // inquiries, complaints, FAQ, the disclosure guide. demo-clerk (the handler persona) is also an answerer.
  // A resident's case is theirs alone: anyone else, staff included, is answered as if it did not exist.
  'calendar.dueDate': everyone,
  'inquiries.ask': signedIn,
  'inquiries.mine': signedIn,
  'inquiries.get': OWN_CASE,
  'inquiries.followUp': OWN_CASE,
  'inquiries.rateAnswer': OWN_CASE,
  'inquiries.giveMore': OWN_CASE,
  'inquiries.enter': ANSWERERS,
  'inquiries.queue': ANSWERERS,
  'inquiries.manageGet': ANSWERERS,
  'inquiries.assign': ANSWERERS,
  'inquiries.answerers': ANSWERERS,
  'inquiries.askMore': ANSWERERS,
  'inquiries.answer': ANSWERERS,
  'inquiries.close': ANSWERERS,
  'inquiries.publishFaq': ANSWERERS,
  // Redirecting a request is the request handler's step (the fixture's registered request is in demo-clerk's department).
  'inquiries.redirectFromRequest': ANSWERERS,
  'inquiries.toRequest': ANSWERERS,
  // Counts only; statistics viewers see them too (no persona here is a viewer but the admin).
  'inquiries.figures': ANSWERERS,
  'faq.list': everyone,
  'faq.topics': everyone,
  'faq.search': everyone,
  'faq.get': everyone,
  'faq.helpful': signedIn,
  'faq.save': ANSWERERS,
  'faq.retire': ANSWERERS,
  'guide.get': everyone,
  'guide.save': { ...publishers, publisher: 'FORBIDDEN' },
  // residents' own data: every signed-in caller, about themselves only. resident-a still has open
  // requests in the fixture, so their erasure is refused until those are answered.
  'me.data': signedIn,
  'me.export': signedIn,
  'me.erase': { ...signedIn, resident: 'ERASE_OPEN_REQUESTS' as Outcome },
  // WeChat's phone number: any signed-in caller may ask; the local cloud cannot reach WeChat, so each is told to type it.
  'me.phoneNumber': Object.fromEntries(Object.entries(signedIn).map(([who, outcome]) => [who, outcome === 'allow' ? 'PHONE_NUMBER_UNAVAILABLE' : outcome])) as Record<RolePersona, Outcome>,
  'retention.get': everyone,
  'retention.save': { ...publishers, publisher: 'FORBIDDEN' },
  // the annual report and statistics: admins (and viewers, see reports-function.test.ts) read, admins write
  'reports.annual': { ...publishers, publisher: 'FORBIDDEN' },
  'reports.export': { ...publishers, publisher: 'FORBIDDEN' },
  'reports.stats': { ...publishers, publisher: 'FORBIDDEN' },
  'reports.saveInputs': { ...publishers, publisher: 'FORBIDDEN' },
  'reports.saveCase': { ...publishers, publisher: 'FORBIDDEN' },
  'reports.publish': { ...publishers, publisher: 'FORBIDDEN' },

  // 公开审查: reviewers and admins decide; an author opens their own item (the fixture's items are demo-editor's),
  // another author (a handler, whose letters wait here too) is answered as if it did not exist.
  'files.link': everyone,
  'files.upload': signedIn,
  'reviews.queue': { ...publishers, publisher: 'FORBIDDEN', reviewer: 'allow' },
  'reviews.get': { ...publishers, handler: 'REVIEW_NOT_FOUND' as Outcome, reviewer: 'allow' },
  'reviews.forSubject': { ...publishers, handler: 'allow', reviewer: 'allow' },
  'reviews.approve': { ...publishers, publisher: 'FORBIDDEN', reviewer: 'allow' },
  'reviews.sendBack': { ...publishers, publisher: 'FORBIDDEN', reviewer: 'allow' },
  'reviews.settings': { ...publishers, publisher: 'FORBIDDEN' },
  'reviews.saveSettings': { ...publishers, publisher: 'FORBIDDEN' },
  // 我的待办: every member of staff, about what is theirs
  'workbench.todo': { ...publishers, handler: 'allow', reviewer: 'allow' },
};

/**
 * The department-scope column: a handler of another department than the request's. A request outside
 * their departments is answered exactly like a missing one (REQUEST_NOT_FOUND), never FORBIDDEN, so
 * they cannot even tell that it exists. What is not a request of another department (the queue, entering
 * a letter, an online application nobody registered yet, everything outside the requests function) is
 * answered to them as to any handler: the handler column.
 */
const NOT_THEIRS = 'REQUEST_NOT_FOUND' as Outcome;
const DEPARTMENT_SCOPE: Record<string, Outcome> = {
  'requests.queue': 'allow',
  'requests.enter': 'allow',
  'requests.register': 'allow', // the fixture's submitted application: nobody's department yet
  'requests.askSupplement': NOT_THEIRS,
  'requests.recordSupplement': NOT_THEIRS,
  'requests.consult': NOT_THEIRS,
  'requests.extend': NOT_THEIRS,
  'requests.reply': NOT_THEIRS,
  'requests.close': NOT_THEIRS,
  'requests.manageGet': NOT_THEIRS,
  'requests.letterPdf': NOT_THEIRS,
  'requests.assignDepartment': NOT_THEIRS,
  'requests.askReasons': NOT_THEIRS,
  'requests.recordReasons': NOT_THEIRS,
  'requests.setDelayedDue': NOT_THEIRS,
  'requests.quoteFee': NOT_THEIRS,
  'requests.askFee': NOT_THEIRS,
  'requests.recordPayment': NOT_THEIRS,
  // Turning another department's request into a case (条例 Art. 39) is as out of reach as answering it.
  'inquiries.redirectFromRequest': NOT_THEIRS,
};

/**
 * The rating officers' columns. Outside windows and ratings an officer is any member of staff holding
 * none of the roles an action names: as the reviewer column answers, but for 公开审查's own actions
 * (and the review item the fixture's author alone may open), which are the reviewer's.
 */
const OFFICER: Record<string, Outcome> = {
  'windows.list': 'allow', 'windows.manageList': 'allow', 'windows.get': 'allow', 'windows.save': 'allow',
  'windows.qrcode': 'allow', 'windows.issueVisit': 'allow',
  'ratings.followUps': 'allow', 'ratings.followUp': 'allow', 'ratings.respond': 'allow', 'ratings.close': 'allow',
  'ratings.complete': 'allow', 'ratings.appeal': 'allow', 'ratings.ranking': 'allow', 'ratings.settings': 'allow',
  // The decision on an appeal and the bureau's settings are the admin's.
  'ratings.decideAppeal': 'FORBIDDEN', 'ratings.saveSettings': 'FORBIDDEN',
  'reviews.queue': 'FORBIDDEN', 'reviews.approve': 'FORBIDDEN', 'reviews.sendBack': 'FORBIDDEN',
  'reviews.get': 'FORBIDDEN', 'reviews.forSubject': 'FORBIDDEN',
  // A notice's delivery report is its publishers' (a rating's is the officers': see below).
  'deliveries.forSubject': 'FORBIDDEN',
};
/**
 * A rating officer of another unit than the fixture's window: that window, its visit codes and its
 * follow-ups are answered exactly like missing ones (never FORBIDDEN: they cannot tell that they
 * exist); lists answer empty. A new window in a department not theirs is refused beside the field.
 */
const NO_WINDOW = 'WINDOW_NOT_FOUND' as Outcome;
const NO_FOLLOW_UP = 'FOLLOW_UP_NOT_FOUND' as Outcome;
const OFFICER_OTHER_DEPARTMENT: Record<string, Outcome> = {
  'windows.get': NO_WINDOW, 'windows.qrcode': NO_WINDOW, 'windows.issueVisit': NO_WINDOW,
  'windows.save': 'VALIDATION_FAILED' as Outcome,
  'ratings.followUp': NO_FOLLOW_UP, 'ratings.respond': NO_FOLLOW_UP, 'ratings.close': NO_FOLLOW_UP,
  'ratings.complete': NO_FOLLOW_UP, 'ratings.appeal': NO_FOLLOW_UP,
};
const officerExpected = (name: string): Outcome => OFFICER[name] ?? (name.startsWith('ratings.') ? EXPECTED[name].otherResident : EXPECTED[name].reviewer);

const expectedFor = (name: string, persona: Persona): Outcome => {
  if (persona === 'handlerOtherDepartment') return DEPARTMENT_SCOPE[name] ?? EXPECTED[name].handler;
  if (persona === 'ratingOfficer') return officerExpected(name);
  if (persona === 'ratingOfficerOtherDepartment') return OFFICER_OTHER_DEPARTMENT[name] ?? officerExpected(name);
  return EXPECTED[name][persona];
};
/**
 * The review-scope column (shared/reviews/review-scope.ts): a reviewer of 住房保障科 only, while the
 * fixture's items are notices of 局办公室. Another department's item is answered exactly like a missing
 * one (REVIEW_NOT_FOUND); the lists and counts leave it out (checked below). Only the actions whose
 * answer the scope changes are run for this persona; for the rest it is any reviewer (the reviewer column).
 */
const REVIEWER_OTHER_DEPARTMENT = 'other-department-reviewer';
const NOT_THEIR_REVIEW = 'REVIEW_NOT_FOUND' as Outcome;
const REVIEW_SCOPE: Record<string, Outcome> = {
  'reviews.queue': 'allow',
  'reviews.get': NOT_THEIR_REVIEW,
  'reviews.forSubject': 'allow',
  'reviews.approve': NOT_THEIR_REVIEW,
  'reviews.sendBack': NOT_THEIR_REVIEW,
  'workbench.todo': 'allow',
};

const actions = Object.entries(contract).flatMap(([fn, spec]) => Object.keys(spec).map((action) => [fn, action] as const));

test('the matrix names every action of the contract, and nothing else', () => {
  expect(Object.keys(EXPECTED).sort()).toEqual(actions.map(([fn, a]) => `${fn}.${a}`).sort());
});

/**
 * Each case runs on its own copy of one prepared database (demo data, a former staff member, the
 * fixture), so no case sees another's writes; copying the image costs far less than seeding anew.
 */
const prepared = fixtureImageOnce((cloud) =>
  cloud.store
    .collection('staff')
    .insert({ id: 'former-staff', name: '离职人员', roles: ['admin'], departmentId: 'office', active: false })
    .then(() => cloud.store.collection('staff').insert({ id: 'other-department-clerk', name: '住房保障科办理人员', roles: ['handler', 'answerer'], departmentIds: ['housing'], departmentId: 'housing', active: true }))
    .then(() => cloud.store.collection('staff').insert({ id: 'other-unit-rater', name: '住房保障科好差评人员', roles: ['ratingOfficer'], departmentIds: ['housing'], departmentId: 'housing', active: true }))
    .then(() => cloud.store.collection('staff').insert({ id: REVIEWER_OTHER_DEPARTMENT, name: '住房保障科审核人员', roles: ['reviewer'], departmentIds: ['housing'], departmentId: 'housing', active: true }))
    .then(() => undefined),
);

describe.each(actions)('%s.%s', (fn, action) => {
  let cloud: CloudHarness;
  let fixture: Fixture;
  fixtureCopyPerTest(prepared, (c, f) => {
    cloud = c;
    fixture = f;
  });

  test.each(Object.keys(PERSONAS) as Persona[])('as %s', async (persona) => {
    const expected = expectedFor(`${fn}.${action}`, persona);
    const inputs = (VALID_INPUTS as any)[fn][action](fixture) as unknown[];
    const data = inputs[0];
    const countsBefore = await storeCounts(cloud);
    const noticesBefore = await noticeSnapshot(cloud);
    const result = await cloud.call(PERSONAS[persona], fn, { action, data });
    if (expected === 'allow') {
      expect(result).toMatchObject({ ok: true });
    } else {
      expect(result).toMatchObject({ ok: false, code: expected });
      expect((result as { message: string }).message).toMatch(/[\u4e00-\u9fff]/);
      expect(await storeCounts(cloud)).toEqual(countsBefore);
      expect(await noticeSnapshot(cloud)).toBe(noticesBefore);
    }
  });
});

describe.each(Object.keys(REVIEW_SCOPE))('%s as a reviewer of another department', (name) => {
  test('answers as the review-scope column says, and shows nothing of the other department', async () => {
    const cloud = await createCloudHarness({ image: prepared.image });
    const fixture = prepared.fixture;
    const [fn, action] = name.split('.');
    const before = await storeCounts(cloud);
    const result = await cloud.call(REVIEWER_OTHER_DEPARTMENT, fn, { action, data: ((VALID_INPUTS as any)[fn][action](fixture) as unknown[])[0] });
    const expected = REVIEW_SCOPE[name];
    if (expected === 'allow') {
      expect(result).toMatchObject({ ok: true });
      const data = (result as { data: any }).data;
      if (name === 'reviews.queue') expect(data.items).toEqual([]);
      if (name === 'reviews.forSubject') expect(data).toBeNull();
      if (name === 'workbench.todo') expect(data.reviews).toEqual({ waiting: 0, oldestSubmittedAt: null });
    } else {
      expect(result).toMatchObject({ ok: false, code: expected });
      // The same answer as an id that does not exist.
      expect(result).toEqual(await cloud.call(REVIEWER_OTHER_DEPARTMENT, 'reviews', { action: 'get', data: { id: 'no-such-review' } }));
      expect(await storeCounts(cloud)).toEqual(before);
    }
    // A reviewer for the whole bureau (孙静, no department) sees the same items.
    if (name === 'reviews.queue') expect(ok(await cloud.call('demo-reviewer', 'reviews', { action: 'queue', data: {} })).items.map((i: { id: string }) => i.id)).toContain(fixture.reviewId);
    cloud.close();
  });
});

// deliveries of a request: the request's handlers and admins see how its notifications reached the applicant;
// a handler of another department is answered as if there were no such subject.
const REQUEST_DELIVERIES: Record<Persona, Outcome> = {
  anonymous: 'UNAUTHENTICATED', resident: 'FORBIDDEN', otherResident: 'FORBIDDEN', formerStaff: 'FORBIDDEN', handler: 'allow',
  handlerOtherDepartment: 'DELIVERY_SUBJECT_NOT_FOUND' as Outcome, publisher: 'FORBIDDEN', reviewer: 'FORBIDDEN',
  ratingOfficer: 'FORBIDDEN', ratingOfficerOtherDepartment: 'FORBIDDEN', admin: 'allow',
};
describe('deliveries.forSubject of a request (its supplement notice was sent)', () => {
  test.each(Object.keys(PERSONAS) as Persona[])('as %s', async (persona) => {
    const cloud = await createCloudHarness({ image: prepared.image });
    const fixture = prepared.fixture;
    const result = await cloud.call(PERSONAS[persona], 'deliveries', { action: 'forSubject', data: { subjectId: fixture.awaitingSupplementId } });
    const expected = REQUEST_DELIVERIES[persona];
    if (expected === 'allow') expect(result).toMatchObject({ ok: true, data: { subjectId: fixture.awaitingSupplementId, notifications: [{ cause: expect.any(String) }] } });
    else expect(result).toMatchObject({ ok: false, code: expected });
    cloud.close();
  });
});

// A rating's notifications (its 差评 answer, follow-up reminders) are the rating officers' business; a subject that is
// neither a request, a notice nor a rating is answered like one that does not exist, whoever asks.
const RATING_DELIVERIES: Record<Persona, Outcome> = {
  anonymous: 'UNAUTHENTICATED', resident: 'FORBIDDEN', otherResident: 'FORBIDDEN', formerStaff: 'FORBIDDEN', handler: 'FORBIDDEN', handlerOtherDepartment: 'FORBIDDEN', publisher: 'FORBIDDEN', reviewer: 'FORBIDDEN',
  // Another unit's rating: as if there were no such subject, as the follow-up itself answers.
  ratingOfficer: 'allow', ratingOfficerOtherDepartment: 'DELIVERY_SUBJECT_NOT_FOUND' as Outcome, admin: 'allow',
};
const NO_SUCH_SUBJECT = 'DELIVERY_SUBJECT_NOT_FOUND' as Outcome;
const OTHER_DELIVERIES: Record<Persona, Outcome> = {
  anonymous: 'UNAUTHENTICATED', resident: 'FORBIDDEN', otherResident: 'FORBIDDEN', formerStaff: 'FORBIDDEN', handler: NO_SUCH_SUBJECT, handlerOtherDepartment: NO_SUCH_SUBJECT, publisher: NO_SUCH_SUBJECT, reviewer: 'FORBIDDEN',
  ratingOfficer: NO_SUCH_SUBJECT, ratingOfficerOtherDepartment: NO_SUCH_SUBJECT, admin: NO_SUCH_SUBJECT,
};
describe('deliveries.forSubject of a rating, and of something else', () => {
  test.each(Object.keys(PERSONAS) as Persona[])('as %s', async (persona) => {
    const cloud = await createCloudHarness({ image: prepared.image });
    const fixture = prepared.fixture;
    for (const [subjectId, expected] of [[fixture.answeredFollowUpId!, RATING_DELIVERIES[persona]], [fixture.windowId!, OTHER_DELIVERIES[persona]], ['no-such-subject', OTHER_DELIVERIES[persona]]] as const) {
      const result = await cloud.call(PERSONAS[persona], 'deliveries', { action: 'forSubject', data: { subjectId } });
      if (expected === 'allow') expect(result).toMatchObject({ ok: true, data: { subjectId } });
      else expect(result).toMatchObject({ ok: false, code: expected });
    }
    cloud.close();
  });

  test('a rating officer reads a rating\'s report, not a notice\'s or a request\'s', async () => {
    const cloud = await createCloudHarness({ image: prepared.image });
    const ask = (subjectId: string) => cloud.call('demo-rater', 'deliveries', { action: 'forSubject', data: { subjectId } });
    expect(await ask(prepared.fixture.answeredFollowUpId!)).toMatchObject({ ok: true, data: { subjectId: prepared.fixture.answeredFollowUpId } });
    expect(await ask(prepared.fixture.inboxSubjectId!)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await ask(prepared.fixture.awaitingSupplementId!)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    cloud.close();
  });
});

test('a role claimed in the input is never believed', async () => {
  const cloud = await createCloudHarness();
  const before = await storeCounts(cloud);
  const result = await cloud.call('resident-a', 'notices', {
    action: 'save',
    data: { role: 'admin', openid: 'demo-admin', notice: { kind: 'announcement', title: 't', body: 'b', departmentId: 'office' } },
  });
  expect(result).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  expect(await storeCounts(cloud)).toEqual(before);
  cloud.close();
});
