import { useCallback, useEffect, useRef, useState } from 'react';
import { Image, Text, View } from '@tarojs/components';
import type { LoginTicket } from '@cloud/contract';
import { ApiError, call, errorMessage } from '@/services/api';
import { useStore } from '@/stores';
import './index.scss';

/** How often the browser asks whether the phone confirmed. */
export const POLL_MS = 2000;

type Phase = 'loading' | 'waiting' | 'scanned' | 'expired' | 'failed';

/**
 * Desktop console login (H5): shows a QR code for the admin to scan with the mini-program, polls
 * `auth.ticketStatus` and signs in with the token it answers once the phone confirmed.
 */
export function ScanLogin() {
  const login = useStore((s) => s.login);
  const [ticket, setTicket] = useState<LoginTicket | null>(null);
  const [phase, setPhase] = useState<Phase>('loading');
  const [message, setMessage] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const alive = useRef(true);

  const stop = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  };

  const poll = useCallback((t: LoginTicket) => {
    timer.current = setTimeout(async () => {
      if (!alive.current) return;
      try {
        const s = await call('auth', 'ticketStatus', { ticket: t.ticket });
        if (!alive.current) return;
        if (s.status === 'confirmed' && s.token) {
          // The token is this browser's session from now on; ask who it is with it.
          useStore.setState({ token: s.token });
          login(s.token, await call('auth', 'me', {}));
          return;
        }
        if (s.status === 'expired') {
          setPhase('expired');
          return;
        }
        setPhase(s.status === 'scanned' ? 'scanned' : 'waiting');
        poll(t);
      } catch (err) {
        if (!alive.current) return;
        // A dropped connection (Wi-Fi, a server restart) is not an answer: keep asking.
        if (err instanceof ApiError && err.code === 'NETWORK') {
          poll(t);
          return;
        }
        setPhase('failed');
        setMessage(errorMessage(err));
      }
    }, POLL_MS);
  }, [login]);

  const start = useCallback(async () => {
    stop();
    setPhase('loading');
    setMessage(null);
    try {
      const t = await call('auth', 'loginTicket', {});
      if (!alive.current) return;
      setTicket(t);
      setPhase('waiting');
      poll(t);
    } catch (err) {
      if (!alive.current) return;
      setPhase('failed');
      setMessage(errorMessage(err));
    }
  }, [poll]);

  useEffect(() => {
    alive.current = true;
    void start();
    return () => {
      alive.current = false;
      stop();
    };
  }, [start]);

  const stale = phase === 'expired' || phase === 'failed';
  return (
    <View className="card scan-login-panel" data-phase={phase}>
      <Text className="scan-login-panel__title">管理员扫码登录</Text>
      <Text className="scan-login-panel__hint">用微信打开「劳模工匠点单」小程序扫描二维码，在手机上确认后登录管理后台。</Text>
      <View className={`scan-login-panel__qr-box${stale ? ' scan-login-panel__qr-box--stale' : ''}`}>
        {ticket && phase !== 'loading' ? <Image className="scan-login-panel__qr" src={ticket.qrImage} /> : <Text className="scan-login-panel__wait">正在生成二维码…</Text>}
      </View>
      {phase === 'scanned' && <Text className="scan-login-panel__state scan-login-panel__state--scanned">已扫码，请在手机上确认登录</Text>}
      {phase === 'expired' && <Text className="scan-login-panel__state scan-login-panel__state--expired">二维码已过期，请刷新后重新扫码</Text>}
      {phase === 'failed' && <Text className="scan-login-panel__state scan-login-panel__state--failed">{message}</Text>}
      {stale && (
        <View className="btn btn--outline scan-login-panel__refresh" onClick={() => void start()}>
          刷新二维码
        </View>
      )}
    </View>
  );
}
