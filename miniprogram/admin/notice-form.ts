import type { Notice, NoticeContentInput, PolicyValidity } from '../../shared/notices/notice-schema';
import type { EditableNoticeKind } from '../../shared/notices/notice-kinds';
import type { PolicyLevel } from '../../shared/reports/report-layout';

/**
 * The editor keeps a flat draft of strings (what inputs hold) and builds the
 * kind-specific content from it only when saving; the shared schema then
 * validates it exactly as the server will.
 */
export interface NoticeDraft {
  kind: EditableNoticeKind;
  title: string;
  summary: string;
  body: string;
  departmentId: string;
  periodStart: string;
  periodEnd: string;
  objectionContact: string;
  docNumber: string;
  issuingBody: string;
  effectiveDate: string;
  validity: PolicyValidity;
  replacedById: string;
  /** 规章 / 行政规范性文件 / neither (''), for the annual report's Part 2. */
  policyLevel: PolicyLevel | '';
  /** YYYY-MM-DD when repealed; '' otherwise. */
  repealedOn: string;
  /** Kept as loaded: the editor has no map picker, and saving must not drop them. */
  coordinates?: { latitude: number; longitude: number };
  approvalItem: string;
  legalBasis: string;
  conditions: string;
  procedure: string;
  timeLimit: string;
  fees: string;
  /** One material per line. */
  materials: string;
  sampleForm: string;
  contactPhone: string;
  processingType: 'immediate' | 'promised';
  workingDays: string;
  window: string;
  address: string;
  hours: string;
  attachments: Notice['attachments'];
  resultNoticeId: string | null;
}

export function emptyDraft(departmentId: string, today: string): NoticeDraft {
  return {
    kind: 'announcement',
    title: '',
    summary: '',
    body: '',
    departmentId,
    periodStart: today,
    periodEnd: today,
    objectionContact: '',
    docNumber: '',
    issuingBody: '',
    effectiveDate: today,
    validity: 'inForce',
    replacedById: '',
    policyLevel: '',
    repealedOn: '',
    approvalItem: '',
    legalBasis: '',
    conditions: '',
    procedure: '',
    timeLimit: '',
    fees: '不收费',
    materials: '',
    sampleForm: '',
    contactPhone: '',
    processingType: 'promised',
    workingDays: '5',
    window: '',
    address: '',
    hours: '',
    attachments: [],
    resultNoticeId: null,
  };
}

export function draftFromNotice(notice: Notice, today: string): NoticeDraft {
  const draft = emptyDraft(notice.departmentId, today);
  Object.assign(draft, {
    // A 年度报告 is never edited (the editor does not open one); typed here as the nearest kind.
    kind: notice.kind === 'annualReport' ? 'workReport' : notice.kind,
    title: notice.title,
    summary: notice.summary,
    body: notice.body,
    attachments: notice.attachments,
  });
  if (notice.kind === 'consultation' || notice.kind === 'publicity') {
    draft.periodStart = notice.period.start;
    draft.periodEnd = notice.period.end;
  }
  if (notice.kind === 'consultation') draft.resultNoticeId = notice.resultNoticeId;
  if (notice.kind === 'publicity') draft.objectionContact = notice.objectionContact;
  if (notice.kind === 'policy') {
    Object.assign(draft, {
      docNumber: notice.docNumber,
      issuingBody: notice.issuingBody,
      effectiveDate: notice.effectiveDate,
      validity: notice.validity,
      replacedById: notice.replacedById ?? '',
      policyLevel: notice.policyLevel ?? '',
      repealedOn: notice.repealedOn ?? '',
    });
  }
  if (notice.kind === 'guide') {
    const g = notice.guide;
    Object.assign(draft, {
      approvalItem: g.approvalItem,
      legalBasis: g.legalBasis,
      conditions: g.conditions,
      procedure: g.procedure,
      timeLimit: g.timeLimit,
      fees: g.fees,
      materials: g.materials.join('\n'),
      sampleForm: g.sampleForm,
      contactPhone: g.contactPhone,
      processingType: g.processing.type,
      workingDays: g.processing.type === 'promised' ? String(g.processing.workingDays) : '5',
      window: g.location.window,
      address: g.location.address,
      hours: g.location.hours,
      coordinates: g.location.coordinates,
    });
  }
  return draft;
}

export function contentFromDraft(d: NoticeDraft): NoticeContentInput {
  const common = {
    title: d.title,
    summary: d.summary,
    body: d.body,
    departmentId: d.departmentId,
    attachments: d.attachments,
  };
  const period = { start: d.periodStart, end: d.periodEnd };
  switch (d.kind) {
    case 'consultation':
      return { kind: 'consultation', ...common, period, resultNoticeId: d.resultNoticeId };
    case 'publicity':
      return { kind: 'publicity', ...common, period, objectionContact: d.objectionContact };
    case 'policy':
      return {
        kind: 'policy',
        ...common,
        docNumber: d.docNumber,
        issuingBody: d.issuingBody,
        effectiveDate: d.effectiveDate,
        validity: d.validity,
        ...(d.validity !== 'inForce' && d.replacedById.trim() ? { replacedById: d.replacedById.trim() } : {}),
        ...(d.policyLevel ? { policyLevel: d.policyLevel } : {}),
        ...(d.validity !== 'inForce' && d.repealedOn ? { repealedOn: d.repealedOn } : {}),
      };
    case 'guide':
      return {
        kind: 'guide',
        ...common,
        guide: {
          approvalItem: d.approvalItem,
          legalBasis: d.legalBasis,
          conditions: d.conditions,
          procedure: d.procedure,
          timeLimit: d.timeLimit,
          fees: d.fees,
          materials: d.materials.split('\n').map((m) => m.trim()).filter(Boolean),
          sampleForm: d.sampleForm,
          contactPhone: d.contactPhone,
          processing:
            d.processingType === 'immediate'
              ? { type: 'immediate' }
              : { type: 'promised', workingDays: Number(d.workingDays) },
          location: { window: d.window, address: d.address, hours: d.hours, ...(d.coordinates ? { coordinates: d.coordinates } : {}) },
        },
      };
    case 'workReport':
    case 'announcement':
      return { kind: d.kind, ...common };
  }
}

/** Server field paths are relative to the request ("notice.title"); the form's are relative to the content. */
export function formFieldErrors(fields: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, message] of Object.entries(fields ?? {})) out[key.replace(/^notice\./, '')] = message;
  return out;
}
