import type { Department } from '../api/common';
import { NOTICE_KIND_LABELS, NOTICE_KINDS, POLICY_VALIDITY_LABELS, type NoticeKind } from './notice-kinds';
import type { PublicNotice } from './notice-schema';
import { ATTACHMENT_FILE_TYPES, fileKindByName } from '../files/attachment-files';

/**
 * Open feeds of published notices (Atom, RFC 4287, and JSON Feed 1.1) for
 * newsrooms and other government sites that republish what the bureau
 * discloses. Pure: the caller reads the notices and says where the site lives.
 *
 * Only the resident's view of a notice (`toPublicNotice`, an allow-list) comes
 * in here, so staff names and internal fields cannot reach a feed; the author
 * shown is the publishing department, as on the notice itself.
 */

/** How many of the newest notices a feed carries: what a reader polling every few minutes needs. */
export const FEED_SIZE = 50;

/** Readers poll; five minutes keeps a withdrawn notice from lingering long in a cache. */
export const FEED_CACHE_CONTROL = 'public, max-age=300';

export const FEED_CONTENT_TYPES = {
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
} as const;
export type FeedFormat = keyof typeof FEED_CONTENT_TYPES;

export interface FeedQuery {
  kind?: NoticeKind;
  departmentId?: string;
  /** Where an older page starts (RFC 5005 paging): the store's cursor, opaque to the reader, from the previous page's `next` link. */
  page?: string;
}

export type FeedQueryResult = { ok: true; query: FeedQuery } | { ok: false; message: string };

const PARAMETERS = ['kind', 'department', 'page'];
/** A cursor is base64url; anything else (or anything longer than any cursor) is refused before the store sees it. */
const PAGE_TOKEN = /^[A-Za-z0-9_-]{1,400}$/;

/** Reads `?kind=` and `?department=`; anything else, a repeated or an unknown value is refused in Chinese. */
export function parseFeedQuery(params: URLSearchParams, departments: readonly Department[]): FeedQueryResult {
  for (const name of new Set(params.keys())) {
    if (!PARAMETERS.includes(name)) return { ok: false, message: `不支持的参数“${shorten(name)}”，只能按 kind（信息类别）和 department（部门）筛选，或用 page 翻页` };
    if (params.getAll(name).length > 1) return { ok: false, message: `参数“${name}”只能出现一次` };
  }
  const query: FeedQuery = {};
  const kind = params.get('kind');
  if (kind !== null) {
    if (!(NOTICE_KINDS as readonly string[]).includes(kind)) {
      return { ok: false, message: `未知的信息类别“${shorten(kind)}”，可选：${NOTICE_KINDS.join('、')}` };
    }
    query.kind = kind as NoticeKind;
  }
  const department = params.get('department');
  if (department !== null) {
    if (!departments.some((d) => d.id === department)) return { ok: false, message: `未找到部门“${shorten(department)}”，请使用部门编号` };
    query.departmentId = department;
  }
  const page = params.get('page');
  if (page !== null) {
    if (!PAGE_TOKEN.test(page)) return { ok: false, message: '翻页参数 page 无效，请使用上一页 next 链接中的地址' };
    query.page = page;
  }
  return { ok: true, query };
}

/** An echoed value is cut short, so a refusal cannot be made to carry a long text. */
function shorten(value: string): string {
  const clean = withoutForbiddenCharacters(value);
  return clean.length > 40 ? `${clean.slice(0, 40)}…` : clean;
}

export interface FeedInput {
  /** The site's origin, e.g. `https://gov.example.cn` (no trailing slash): links must be absolute. */
  siteUrl: string;
  query: FeedQuery;
  departments: readonly Department[];
  /** Newest first, published only. */
  notices: readonly PublicNotice[];
  /** Where an attachment can be fetched from outside, or null when it cannot be linked (then only its name is listed). */
  attachmentUrl: (url: string) => string | null;
  /** When the feed is read; its `updated` when it has no notice. */
  now: Date;
  /** The absolute address of the next (older) page, or null on the last page. */
  nextUrl?: string | null;
  /** The absolute address of the first page, when this is a later one. */
  firstUrl?: string | null;
}

const SITE_NAME = '阳光政务';

export function feedTitle(query: FeedQuery, departments: readonly Department[]): string {
  const parts = [SITE_NAME];
  if (query.departmentId) parts.push(departments.find((d) => d.id === query.departmentId)?.name ?? query.departmentId);
  if (query.kind) parts.push(NOTICE_KIND_LABELS[query.kind]);
  return `${parts.join(' · ')} 主动公开信息`;
}

export function feedPath(format: FeedFormat, query: FeedQuery): string {
  const params = new URLSearchParams();
  if (query.kind) params.set('kind', query.kind);
  if (query.departmentId) params.set('department', query.departmentId);
  if (query.page) params.set('page', query.page);
  const search = params.toString();
  return `/feeds/notices.${format}${search ? `?${search}` : ''}`;
}

/** Where a resident opens the notice in the H5 app (hash routing). */
export function noticeUrl(siteUrl: string, id: string): string {
  return `${siteUrl}/#/pages/notice-detail/index?id=${encodeURIComponent(id)}`;
}

function updatedOf(input: FeedInput): string {
  return input.notices[0]?.publishedAt ?? input.now.toISOString();
}

/** The 文号 (policy documents only), shown in the text as well: not every reader shows extensions. */
function docNumberOf(notice: PublicNotice): string | null {
  return notice.kind === 'policy' ? notice.docNumber : null;
}

function textOf(notice: PublicNotice, attachmentUrl: FeedInput['attachmentUrl']): string {
  const lines: string[] = [];
  const docNumber = docNumberOf(notice);
  if (docNumber) lines.push(`文号：${docNumber}`);
  if (notice.kind === 'policy') lines.push(`发文机关：${notice.issuingBody}`, `施行日期：${notice.effectiveDate}`, `效力：${POLICY_VALIDITY_LABELS[notice.validity]}`);
  if ((notice.kind === 'consultation' || notice.kind === 'publicity') && notice.period) lines.push(`期限：${notice.period.start} 至 ${notice.period.end}`);
  if (lines.length) lines.push('');
  lines.push(notice.body);
  // Each attachment named, with its address where it can be fetched from outside (readers that drop enclosures still link it).
  if (notice.attachments.length) lines.push('', '附件：', ...notice.attachments.map((a) => { const href = attachmentUrl(a.url); return href ? `- ${a.name}：${href}` : `- ${a.name}`; }));
  return lines.join('\n');
}

/**
 * XML 1.0 allows no C0 controls but tab, newline and carriage return, no
 * U+FFFE/U+FFFF and no lone surrogate: such characters are dropped, since no
 * escape can carry them. Everything else is escaped, `>` too, so `]]>` never
 * appears in text.
 */
function withoutForbiddenCharacters(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');
}

export function escapeXml(value: string): string {
  return withoutForbiddenCharacters(value).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] as string);
}

const el = (name: string, text: string, attrs = '') => `<${name}${attrs}>${escapeXml(text)}</${name}>`;
const attr = (name: string, value: string) => ` ${name}="${escapeXml(value)}"`;

/** Our own namespace for what Atom has no element for (the 文号, the kind's code). */
const NS = 'https://sunshine-gov.example.cn/ns/feeds';

/** `selfUrl`: where this feed is read (absolute), which on CloudBase is not the H5 site. */
export function renderAtomFeed(input: FeedInput, selfUrl: string): string {
  const self = selfUrl;
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xmlns:sg="${NS}" xml:lang="zh-CN">`,
    el('title', feedTitle(input.query, input.departments)),
    el('id', self),
    `<link${attr('rel', 'self')}${attr('type', 'application/atom+xml')}${attr('href', self)}/>`,
    `<link${attr('rel', 'alternate')}${attr('type', 'text/html')}${attr('href', `${input.siteUrl}/`)}/>`,
    // Paged feed (RFC 5005 §3): the newest page first, each pointing at the next older one.
    ...(input.firstUrl ? [`<link${attr('rel', 'first')}${attr('type', 'application/atom+xml')}${attr('href', input.firstUrl)}/>`] : []),
    ...(input.nextUrl ? [`<link${attr('rel', 'next')}${attr('type', 'application/atom+xml')}${attr('href', input.nextUrl)}/>`] : []),
    el('updated', updatedOf(input)),
    `<author>${el('name', SITE_NAME)}</author>`,
    el('generator', SITE_NAME),
  ];
  for (const notice of input.notices) {
    const url = noticeUrl(input.siteUrl, notice.id);
    const published = notice.publishedAt ?? input.now.toISOString();
    lines.push('<entry>', el('id', url), el('title', notice.title), `<link${attr('rel', 'alternate')}${attr('type', 'text/html')}${attr('href', url)}/>`);
    lines.push(el('published', published), el('updated', published));
    lines.push(`<author>${el('name', notice.departmentName)}</author>`);
    lines.push(`<category${attr('term', notice.kind)}${attr('label', NOTICE_KIND_LABELS[notice.kind])}/>`);
    lines.push(`<category${attr('term', `department:${notice.departmentId}`)}${attr('label', notice.departmentName)}/>`);
    const docNumber = docNumberOf(notice);
    if (docNumber) lines.push(el('sg:docNumber', docNumber));
    if (notice.summary) lines.push(el('summary', notice.summary));
    lines.push(el('content', textOf(notice, input.attachmentUrl), attr('type', 'text')));
    for (const attachment of notice.attachments) {
      const href = input.attachmentUrl(attachment.url);
      if (href) lines.push(`<link${attr('rel', 'enclosure')}${attr('type', mimeTypeOf(attachment.name))}${attr('href', href)}${attr('title', attachment.name)}${attr('length', String(attachment.sizeBytes))}/>`);
    }
    lines.push('</entry>');
  }
  lines.push('</feed>');
  return `${lines.join('\n')}\n`;
}

/** JSON Feed 1.1 (jsonfeed.org/version/1.1); our fields live under `_sunshine_gov`, as the spec asks of extensions. */
export function renderJsonFeed(input: FeedInput, selfUrl: string): string {
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: feedTitle(input.query, input.departments),
    home_page_url: `${input.siteUrl}/`,
    feed_url: selfUrl,
    ...(input.nextUrl ? { next_url: input.nextUrl } : {}),
    language: 'zh-CN',
    authors: [{ name: SITE_NAME }],
    items: input.notices.map((notice) => {
      const url = noticeUrl(input.siteUrl, notice.id);
      const attachments = notice.attachments.flatMap((a) => {
        const href = input.attachmentUrl(a.url);
        return href ? [{ url: href, mime_type: mimeTypeOf(a.name), title: withoutForbiddenCharacters(a.name), size_in_bytes: a.sizeBytes }] : [];
      });
      const item: Record<string, unknown> = {
        id: url,
        url,
        title: withoutForbiddenCharacters(notice.title),
        content_text: withoutForbiddenCharacters(textOf(notice, input.attachmentUrl)),
        date_published: notice.publishedAt ?? input.now.toISOString(),
        authors: [{ name: notice.departmentName }],
        tags: [NOTICE_KIND_LABELS[notice.kind], notice.departmentName],
        _sunshine_gov: {
          kind: notice.kind,
          departmentId: notice.departmentId,
          ...(docNumberOf(notice) ? { docNumber: docNumberOf(notice) } : {}),
          ...(notice.kind === 'policy' ? { validity: notice.validity, effectiveDate: notice.effectiveDate } : {}),
        },
      };
      if (notice.summary) item.summary = withoutForbiddenCharacters(notice.summary);
      if (attachments.length) item.attachments = attachments;
      return item;
    }),
  };
  return `${JSON.stringify(feed, null, 2)}\n`;
}

/** The type its name claims (uploads are checked against their bytes); anything else is sent as plain bytes. */
function mimeTypeOf(name: string): string {
  const kind = fileKindByName(name);
  return kind ? ATTACHMENT_FILE_TYPES[kind].contentType : 'application/octet-stream';
}
