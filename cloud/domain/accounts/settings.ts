/**
 * The open APIs of WeChat that accounts use, present only where the call comes through CloudBase
 * (wx-server-sdk's `cloud.openapi`, with the function's openapi permissions). On the local server
 * they are absent: the phone number is typed in and the QR codes are plain ones.
 */
export interface WeChatApi {
  /** `phonenumber.getPhoneNumber`: the number behind the code of a getPhoneNumber tap. */
  phoneNumber(code: string): Promise<string>;
  /** `wxacode.getUnlimited`: a mini-program code opening `page` with `scene` (≤ 32 characters), as PNG. */
  miniProgramCode(scene: string, page: string): Promise<Buffer>;
}

/** Account settings a deployment may change (config/index.ts reads them from the environment). */
export interface AccountSettings {
  /** How long an admin invitation stays valid (INVITE_TTL_HOURS, default 72). */
  inviteTtlHours: number;
}

export const DEFAULT_ACCOUNT_SETTINGS: AccountSettings = { inviteTtlHours: 72 };

/** A desktop login ticket lives this long (SPEC: 2 minutes). */
export const TICKET_TTL_MS = 2 * 60_000;
/** After the admin confirmed, the browser has this long to collect its session. */
export const TICKET_COLLECT_MS = 60_000;

/** Mini-program pages the QR codes open (registered in src/app.config.ts under packages/account). */
export const INVITE_PAGE = 'packages/account/invite/index';
export const LOGIN_PAGE = 'packages/account/login/index';
