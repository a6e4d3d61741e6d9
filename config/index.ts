import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';

/** Domain code and the contract live outside the source root and must be compiled too. */
const SHARED = path.resolve(__dirname, '..', 'shared');

/**
 * Taro build for both ends of the product:
 * - weapp → dist/weapp, opened by WeChat DevTools (project.config.json points there);
 * - h5 → dist/h5, served by the local cloud.
 *
 * Build-time switches (environment variables):
 * - CLOUDBASE_ENV: the CloudBase environment id the WeChat build calls.
 * - LOCAL_CLOUD_URL: point the WeChat build at a local cloud over HTTP instead
 *   (development in WeChat DevTools with "不校验合法域名" ticked).
 * - FEEDS_URL: where the open feeds are read (CloudBase: the HTTP access address bound to the
 *   `feeds` function, e.g. https://<env>.service.tcloudbase.com/feeds); the notices list links them.
 */
export default defineConfig<'webpack5'>(async (merge) => {
  const base: UserConfigExport<'webpack5'> = {
    projectName: 'sunshine-gov',
    date: '2026-11-24',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'miniprogram',
    outputRoot: `dist/${process.env.TARO_ENV}`,
    plugins: [],
    defineConstants: {
      CLOUDBASE_ENV: JSON.stringify(process.env.CLOUDBASE_ENV ?? ''),
      LOCAL_CLOUD_URL: JSON.stringify(process.env.LOCAL_CLOUD_URL ?? ''),
      FEEDS_URL: JSON.stringify(process.env.FEEDS_URL ?? ''),
    },
    // WeChat reads sitemap.json beside app.json; the H5 build has no use for it.
    copy: { patterns: process.env.TARO_ENV === 'weapp' ? [{ from: 'miniprogram/sitemap.json', to: 'dist/weapp/sitemap.json' }] : [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    // Taro's terser escapes every non-ASCII character (ascii_only): each Chinese character of the pages'
    // text became a 6-byte \uXXXX instead of its 3 bytes of UTF-8, which WeChat reads as well. And Taro
    // turns off the compress passes that are slow to run but shrink the code (terser's "faster
    // minification" preset); they are terser's defaults, turned back on here: the main package every
    // resident downloads first is the budget that counts, not the build's seconds.
    // The WeChat build only: the H5 pages are the local cloud's, not a download with a budget.
    terser: process.env.TARO_ENV === 'weapp' ? {
      enable: true,
      config: {
        compress: {
          arrows: true, collapse_vars: true, comparisons: true, computed_props: true, hoist_props: true, inline: true, loops: true,
          negate_iife: true, properties: true, reduce_funcs: true, reduce_vars: true, switches: true, typeofs: true, passes: 2,
        },
        output: { ascii_only: false },
      },
    } : undefined,
    mini: {
      compile: { include: [SHARED] },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      // Modules used only by the staff subpackage stay out of the main package every resident downloads.
      optimizeMainPackage: { enable: true },
    },
    h5: {
      publicPath: '/',
      compile: { include: [SHARED] },
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: { filename: 'js/[name].[contenthash:8].js', chunkFilename: 'js/[name].[contenthash:8].js' },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
  };
  return merge({}, base);
});
