/** Build-time constants injected by config/index.ts (defineConstants). */
declare const CLOUDBASE_ENV: string;
declare const LOCAL_CLOUD_URL: string;
declare const FEEDS_URL: string;

declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV: 'weapp' | 'h5' | string;
  }
}

declare module '*.css';
