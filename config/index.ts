import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import prodConfig from './prod';

const root = path.resolve(__dirname, '..');

/** Server modules the client imports values from (pure: no Node, no database). */
const sharedWithClient = [path.join(root, 'cloud/contract'), path.join(root, 'cloud/domain/rules.ts')];

/**
 * NutUI React Taro is drawn at a 375 px design width; our own styles at 750 (Taro's default),
 * so `32px` in our SCSS is 16 CSS px on a 375 px phone.
 */
function designWidth(input?: unknown): number {
  const file = (input as { file?: string } | undefined)?.file;
  if (typeof file === 'string' && file.replace(/\\+/g, '/').includes('@nutui')) return 375;
  return 750;
}

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'laomo-gongjiang-diandan',
    date: '2025-11-22',
    designWidth,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${process.env.TARO_ENV}`,
    plugins: [path.join(__dirname, 'plugins/weapp-project.js')],
    defineConstants: {},
    // The CloudBase environment the mini-program calls (README, "Open it in WeChat"). Empty: WeChat's
    // default environment of the account (the first one created).
    env: { CLOUD_ENV: JSON.stringify(process.env.CLOUD_ENV ?? '') },
    alias: {
      '@': path.join(root, 'src'),
      '@cloud': path.join(root, 'cloud'),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      // The client imports a few pure shared modules (status words, record rules): compile them like src.
      compile: { include: sharedWithClient },
      // Pages import shared component styles in different orders; the rules do not overlap.
      miniCssExtractPluginOption: { ignoreOrder: true },
      // Generated templates per nesting level of container nodes: deeper trees continue in the
      // recursive `comp` component. Taro's default of 16 costs 61 KB of base.wxml in the main
      // package; 8 costs 39 KB with the components we use, and deeper parts render through `comp`.
      ...({ baseLevel: 8 } as object), // read by Taro's MiniPlugin, missing from its config type
      webpackChain(chain) {
        // No *.LICENSE.txt beside each bundle: they count against the main package.
        const minimizers = (chain.optimization as unknown as { minimizers: { has(name: string): boolean } }).minimizers;
        if (minimizers.has('terserPlugin')) {
          chain.optimization.minimizer('terserPlugin').tap((args: Record<string, unknown>[]) => [{ ...args[0], extractComments: false }]);
        }
      },
      postcss: {
        pxtransform: { enable: true, config: {} },
      },
    },
    h5: {
      compile: { include: sharedWithClient },
      publicPath: '/',
      staticDirectory: 'static',
      // Hash routing: the local server serves index.html at / and needs no rewrite rules.
      router: { mode: 'hash' },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
      },
    },
  };

  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig);
  return merge({}, baseConfig, prodConfig);
});
