import tcb from '@cloudbase/node-sdk';
import { AppError, type Envelope } from '../../shared/api/errors';
import type { CloudFunction } from './define-function';
import { consoleLogger } from './handler-context';
import { identifyCaller } from './identify-caller';
import { invoke } from './invoke';
import { CloudbaseStore, type CloudbaseDb } from './store/cloudbase-store';
import { CloudbaseNoticeSearch, type CloudbaseSearchDb } from './store/cloudbase-search';
import type { WxOpenApi } from './wx-open-api';
import { cloudbaseFileLinks, cloudbaseUploadStorage, type CloudbaseStorageApp, type FileLinks } from './cloudbase-storage';
import type { UploadStorage } from './upload-storage';
import { cloudbaseWxOpenApi } from './cloudbase-wx-open-api';
import type { Store } from './store/port';
import type { NoticeSearch } from './store/search-port';
import { CLOUDBASE_TIMEOUT_MS, timedWxOpenApi, WX_OPEN_API_TIMEOUT_MS } from './outbound-timeout';
import { WAKE_EVENT, type WakeDeliveries } from './wake-deliveries';

/**
 * The production entry: `exports.main = cloudbaseMain(fn)`.
 *
 * The caller's OPENID is read from the platform's context (set by WeChat when
 * the mini-program calls `wx.cloud.callFunction`), never from the event, so a
 * client cannot claim to be someone else. Everything after that is `invoke`,
 * the same code the local cloud runs.
 */
let store: CloudbaseStore | null = null;
let search: CloudbaseNoticeSearch | null = null;
let app: ReturnType<typeof tcb.init> | null = null;

function cloudbaseApp(): ReturnType<typeof tcb.init> {
  if (!app) app = tcb.init({ env: tcb.SYMBOL_CURRENT_ENV, timeout: CLOUDBASE_TIMEOUT_MS });
  return app;
}

function productionStore(): CloudbaseStore {
  if (!store) store = new CloudbaseStore(cloudbaseApp().database() as unknown as CloudbaseDb);
  return store;
}

/** CloudBase's notice search (regular expressions over the same database): the handlers' `search`. */
function productionSearch(): CloudbaseNoticeSearch {
  if (!search) search = new CloudbaseNoticeSearch(cloudbaseApp().database() as unknown as CloudbaseSearchDb);
  return search;
}

/** WeChat's server APIs through CloudBase (JSON answers and pictures); every call has a deadline. */
const wxOpenApi: WxOpenApi = timedWxOpenApi({
  call: (apiName, requestData) => cloudbaseWxOpenApi(cloudbaseApp(), WX_OPEN_API_TIMEOUT_MS).call(apiName, requestData),
  picture: (apiName, requestData) => cloudbaseWxOpenApi(cloudbaseApp(), WX_OPEN_API_TIMEOUT_MS).picture!(apiName, requestData),
});

/** What the entry hands the functions: production's database, search and WeChat; a test's stand-ins. */
export interface CloudbaseWiring {
  store: Store;
  search: NoticeSearch;
  wxOpenApi?: WxOpenApi;
  wakeDeliveries?: WakeDeliveries;
  /** Cloud storage's short-lived addresses (the files function's `link`). */
  fileLinks?: FileLinks;
  /** The time (production: the machine's clock). A test pins it so a minute's limit cannot straddle two windows. */
  now?: () => Date;
}

/**
 * Asks the `deliveries` function to run now: `callFunction` without awaiting its result, so the
 * caller's answer does not wait for WeChat. Should the platform freeze this instance before the ask
 * leaves, the function's minute timer delivers instead.
 */
const wakeDeliveries: WakeDeliveries = () => {
  cloudbaseApp()
    .callFunction({ name: 'deliveries', data: WAKE_EVENT })
    .catch((error: unknown) => consoleLogger.error('could not wake the deliveries function', { error: String(error) }));
};


/** Cloud storage through the SDK (its calls carry the SDK's timeout, CLOUDBASE_TIMEOUT_MS). */
function storageApp(): CloudbaseStorageApp {
  return cloudbaseApp() as unknown as CloudbaseStorageApp;
}

const productionWiring = (): CloudbaseWiring => ({ store: productionStore(), search: productionSearch(), wxOpenApi, fileLinks: cloudbaseFileLinks(storageApp()), wakeDeliveries });

type PlatformContext = ReturnType<typeof tcb.getCloudbaseContext>;

/**
 * Who an anonymous caller is, for the abuse limits: the address the platform saw the call come from
 * (CloudBase's source IP; WeChat's client IP for a mini-program call). Only the platform sets these —
 * the event cannot — so a page opened from a shared link (CloudBase anonymous sign-in, no OPENID) is
 * counted per address as the local cloud counts one, rather than not at all. Its anonymous user id is
 * no key: signing in anonymously again gives a new one.
 */
export function clientIpOf(platform: PlatformContext): string | undefined {
  return platform.TCB_SOURCE_IP || platform.WX_CLIENTIP || platform.WX_CLIENTIPV6 || undefined;
}

export function cloudbaseMain(fn: CloudFunction, wiring: () => CloudbaseWiring = productionWiring) {
  return async function main(event: unknown, context: unknown): Promise<Envelope<unknown>> {
    try {
      const platform = tcb.getCloudbaseContext(context as Parameters<typeof tcb.getCloudbaseContext>[0]);
      const { store: db, search: noticeSearch, wxOpenApi: openApi, fileLinks, wakeDeliveries: wake, now = () => new Date() } = wiring();
      const caller = await identifyCaller(platform.WX_OPENID || null, db, consoleLogger);
      return await invoke(fn, stripPlatformFields(event), {
        caller,
        store: db,
        now,
        log: consoleLogger,
        platform: 'cloudbase',
        wxOpenApi: openApi,
        fileLinks,
        search: noticeSearch,
        rateLimits: true,
        clientIp: clientIpOf(platform),
        // The deliveries function itself never wakes itself.
        wakeDeliveries: fn.name === 'deliveries' ? undefined : wake,
      });
    } catch (error) {
      // A thrown function reaches the phone as a bare network failure; answer with the envelope instead.
      consoleLogger.error('function failed before invoke', { fn: fn.name, error: String(error) });
      return new AppError('INTERNAL').toEnvelope();
    }
  };
}

/** WeChat adds `userInfo` to the event; it is informational only and must not trip strict input parsing. */
function stripPlatformFields(event: unknown): unknown {
  if (typeof event !== 'object' || event === null) return event;
  const { userInfo: _userInfo, ...rest } = event as Record<string, unknown>;
  return rest;
}

/** For work no caller starts (the notification dispatcher's timer): the same database, WeChat handle and storage. */
export function cloudbaseServices(): {
  store: CloudbaseStore;
  wxOpenApi: WxOpenApi;
  uploads: UploadStorage;
  openidOf(context: unknown): string | null;
  /** Whether the platform says another cloud function made this call (its source chain ends in `scf`). */
  calledByFunction(context: unknown): boolean;
} {
  const platformOf = (context: unknown) => tcb.getCloudbaseContext(context as Parameters<typeof tcb.getCloudbaseContext>[0]);
  return {
    store: productionStore(),
    wxOpenApi,
    uploads: cloudbaseUploadStorage(storageApp()),
    openidOf: (context) => platformOf(context).WX_OPENID || null,
    calledByFunction: (context) => calledByFunction(platformOf(context).TCB_SOURCE),
  };
}

/** `wx_client,scf`: a phone called a function, which called this one. The platform writes the chain; an event cannot. */
export function calledByFunction(source: string | undefined): boolean {
  return (source ?? '').split(',').pop()?.trim() === 'scf';
}
