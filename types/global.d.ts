/// <reference types="@tarojs/taro" />

declare module '*.png' {
  const src: string;
  export default src;
}
declare module '*.css';
declare module '*.scss';

// Optional: this file is seen by the whole project, and the server and scripts build their own
// environments (e.g. `{ DATA_DIR } as NodeJS.ProcessEnv`).
declare namespace NodeJS {
  interface ProcessEnv {
    /** Affects what the build emits (minified or not). */
    NODE_ENV?: 'development' | 'production' | 'test';
    /** The platform being built; replaced by a constant at build time. */
    TARO_ENV?: 'weapp' | 'h5';
    /** The mini-program appid, if set in an env file. */
    TARO_APP_ID?: string;
    /** The CloudBase environment id the mini-program calls; replaced at build time (config/index.ts). */
    CLOUD_ENV?: string;
  }
}
