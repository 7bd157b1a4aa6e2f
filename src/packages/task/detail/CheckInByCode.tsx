import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import { parseCheckInCode } from '@cloud/contract/check-in-code';
import { ApiError, call, errorMessage } from '@/services/api';
import { locate, NO_LOCATION_TEXT } from '../location';

/**
 * 核验签到: the requester shows a QR and 6 digits that change every 30 s; the volunteer scans it
 * (weapp) or types the digits (H5, and on weapp when the camera will not do). Done, the check-in
 * is 已核验. Plain 签到 stays in the action bar for when no code can be had (未核验).
 */
export function CheckInByCode({ orderId, onDone }: { orderId: string; onDone: (toast: string) => void }) {
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const weapp = process.env.TARO_ENV === 'weapp';

  const submit = async (code: string) => {
    if (busy) return;
    const parsed = parseCheckInCode(code);
    if (!parsed) {
      setError('签到码应为 6 位数字');
      return;
    }
    if (parsed.orderId && parsed.orderId !== orderId) {
      setError('这是另一个订单的签到码，请扫描本订单的签到码');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const found = await locate();
      await call('task', 'checkIn', { id: orderId, code: code.trim(), ...(found.location ? { location: found.location } : {}) });
      onDone(found.location ? '已签到（已核验）' : `${NO_LOCATION_TEXT[found.reason]}（已核验）`);
    } catch (err) {
      setError((err instanceof ApiError && err.fields?.code) || errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const scan = async () => {
    try {
      const res = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
      await submit(res.result);
    } catch (err) {
      const msg = String((err as { errMsg?: string })?.errMsg ?? '');
      // Cancelled by the user: nothing to say. Otherwise point at the typed code.
      if (!/cancel/i.test(msg)) setError(/privacy/i.test(msg) ? '未同意隐私保护指引，无法使用相机，请输入 6 位数字' : '无法扫码，请输入对方手机上的 6 位数字');
    }
  };

  return (
    <View className="card checkin-by-code">
      <Text className="checkin-by-code__title">核验签到</Text>
      <Text className="checkin-by-code__hint">请对方在订单页出示签到码，扫码或输入 6 位数字，签到记为「已核验」。</Text>
      {weapp && (
        <View className={`btn btn--primary checkin-by-code__scan${busy ? ' btn--disabled' : ''}`} onClick={() => void scan()}>
          {busy ? '核验中…' : '扫码核验签到'}
        </View>
      )}
      <View className="checkin-by-code__row">
        <Input
          className="checkin-by-code__input"
          type="number"
          maxlength={6}
          value={typed}
          placeholder="输入 6 位签到码"
          onInput={(e) => setTyped(e.detail.value)}
        />
        <View className={`btn btn--outline checkin-by-code__submit${busy ? ' btn--disabled' : ''}`} onClick={() => void submit(typed)}>
          核验
        </View>
      </View>
      {error && (
        <Text className="field-error checkin-by-code__error">
          {error}
        </Text>
      )}
    </View>
  );
}
