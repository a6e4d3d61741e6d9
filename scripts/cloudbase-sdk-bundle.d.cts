// Types of scripts/cloudbase-sdk-bundle.cjs, for the tests and benches that build the SDK as the functions carry it.
import type { Metafile } from 'esbuild';

export declare const CLOUDBASE_SDK_FILE: string;
export declare const CLOUDBASE_SDK_LICENSES_FILE: string;
export declare const UNUSED_PACKAGES: Record<string, string>;
export declare const UNUSED_FILES: Array<{ path: RegExp; serves: string; exports?: string[] }>;
export declare function bundleCloudbaseSdk(): Promise<{ code: string; licenses: string; metafile: Metafile; version: string }>;
