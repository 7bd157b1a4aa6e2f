import Taro from '@tarojs/taro';

/**
 * The number 长辈模式's 给工会打电话 dials. Unions have no phone of their own in the data yet, so it is
 * 12351, the trade unions' national workers' hotline (全国总工会职工服务热线), which reaches the
 * local union wherever the caller is.
 */
export const UNION_PHONE = '12351';

export function callUnion(phone: string = UNION_PHONE): void {
  void Taro.makePhoneCall({ phoneNumber: phone }).catch(() => undefined);
}
