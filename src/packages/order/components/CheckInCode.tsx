import { useEffect, useMemo, useState } from 'react';
import { Image, Text, View } from '@tarojs/components';
import type { CheckInCodeAnswer } from '@cloud/contract';
import { checkInPayload, codeAt, secondsLeft } from '@cloud/contract/check-in-code';
import { call, errorMessage } from '@/services/api';
import { qrPngDataUrl } from '../lib/qr-png';
import './CheckInCode.scss';

/**
 * 签到码: shown by the requester (or the site contact holding the phone) on the day. The secret is
 * fetched once; after that the code turns every 30 s on the phone alone, on a clock corrected by
 * the server's time at fetch (a phone set a few minutes wrong would show codes nobody accepts).
 */
export function CheckInCode({ orderId }: { orderId: string }) {
  const [answer, setAnswer] = useState<{ code: CheckInCodeAnswer; skewMs: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    let gone = false;
    const asked = Date.now();
    call('order', 'checkInCode', { id: orderId })
      .then((code) => {
        // The server's time at the middle of the round trip, against ours.
        if (!gone) setAnswer({ code, skewMs: Date.parse(code.serverTime) - (asked + Date.now()) / 2 });
      })
      .catch((err: unknown) => !gone && setError(errorMessage(err)));
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => {
      gone = true;
      clearInterval(timer);
    };
  }, [orderId]);

  const at = now + (answer?.skewMs ?? 0);
  const code = answer ? codeAt(answer.code.secret, at) : null;
  // Redrawn only when the code turns, not every second.
  const qr = useMemo(() => (code ? qrPngDataUrl(checkInPayload(orderId, code)) : null), [orderId, code]);

  return (
    <View className="card order-section checkin-code">
      <Text className="order-section__title">签到码</Text>
      {error ? (
        <Text className="checkin-code__error">{error}</Text>
      ) : code && qr ? (
        <>
          <Image className="checkin-code__qr" src={qr} mode="aspectFit" />
          <Text className="checkin-code__digits">{`${code.slice(0, 3)} ${code.slice(3)}`}</Text>
          <Text className="checkin-code__left">{`每 30 秒更新 · ${secondsLeft(at)} 秒后刷新`}</Text>
          <Text className="checkin-code__hint">志愿者到场后，请让其扫描二维码或输入上方 6 位数字完成签到核验。无需联网即可显示。</Text>
        </>
      ) : (
        <Text className="checkin-code__left">正在生成签到码…</Text>
      )}
    </View>
  );
}
