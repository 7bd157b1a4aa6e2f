import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { call, errorMessage } from '@/services/api';
import { useStore } from '@/stores';
import { useAsync } from '@/hooks/useAsync';
import { AdminShell } from '../components/AdminShell';
import { OrgPicker } from '../components/OrgPicker';
import { initialPeriod, PeriodPicker, type PeriodValue } from '../components/PeriodPicker';
import { deliverExport } from '../lib/download';
import { periodLabel } from '../lib/period';
import '../shared.scss';
import './index.scss';

type Format = 'csv' | 'xlsx';
type What = 'orders' | 'stats';

const FORMATS: { value: Format; label: string; hint: string }[] = [
  { value: 'xlsx', label: 'Excel（xlsx）', hint: '适合直接打开、打印、汇总' },
  { value: 'csv', label: 'CSV', hint: '适合导入其他系统' },
];
const CONTENTS: { value: What; label: string; hint: string }[] = [
  { value: 'orders', label: '订单明细', hint: '每个订单一行：类型、主题、时间、单位、志愿者、状态、评分' },
  { value: 'stats', label: '统计报表', hint: '总量、按月、按组织、按服务队的统计（仅 Excel）' },
];

function Choice<T extends string>({ items, value, onChange, disabled }: {
  items: { value: T; label: string; hint: string }[];
  value: T;
  onChange: (v: T) => void;
  disabled?: (v: T) => boolean;
}) {
  return (
    <View className="export-choice">
      {items.map((it) => {
        const off = disabled?.(it.value) ?? false;
        return (
          <View
            key={it.value}
            data-value={it.value}
            className={`export-choice__item${it.value === value ? ' export-choice__item--active' : ''}${off ? ' export-choice__item--disabled' : ''}`}
            onClick={() => !off && onChange(it.value)}
          >
            <Text className="export-choice__label">{it.label}</Text>
            <Text className="export-choice__hint">{it.hint}</Text>
          </View>
        );
      })}
    </View>
  );
}

/** 导出报表: orders or statistics of a period and org, as CSV or Excel. */
export default function ExportPage() {
  const user = useStore((s) => s.user);
  const isAdmin = user?.roles.includes('admin') ?? false;
  const [period, setPeriod] = useState<PeriodValue>(() => initialPeriod('month'));
  const [orgId, setOrgId] = useState<string | undefined>(user?.orgId ?? undefined);
  const [format, setFormat] = useState<Format>('xlsx');
  const [what, setWhat] = useState<What>('orders');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const orgs = useAsync(() => (isAdmin ? call('admin', 'orgs', {}) : Promise.resolve(null)), [isAdmin]);
  const inScope = (orgs.data?.items ?? []).filter((o) => o.inScope);

  const chooseWhat = (w: What) => {
    setWhat(w);
    if (w === 'stats') setFormat('xlsx');
  };

  const run = async () => {
    if (busy) return;
    setBusy(true);
    setResult(null);
    try {
      const file = await call('admin', 'export', { ...period.period, orgId, format, what });
      const text = await deliverExport(file);
      setResult({ ok: true, text: `${text}（${file.rows} 行）` });
    } catch (err) {
      setResult({ ok: false, text: err instanceof Error && !('code' in err) ? `保存失败：${err.message}` : errorMessage(err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <AdminShell active="export">
      <View className="export-page">
        <View className="admin-panel">
          <Text className="admin-panel__title">统计区间</Text>
          <PeriodPicker value={period} onChange={setPeriod} />
        </View>
        <View className="admin-panel">
          <Text className="admin-panel__title">工会组织</Text>
          {inScope.length > 0 ? (
            <OrgPicker orgs={inScope} value={orgId} onChange={setOrgId} label="范围" />
          ) : (
            <Text className="muted">{orgs.error ?? (orgs.status === 'loading' ? '加载中…' : user?.orgName ?? '')}</Text>
          )}
          <Text className="admin-panel__hint">包含所选组织及其下级工会</Text>
        </View>
        <View className="admin-panel">
          <Text className="admin-panel__title">导出内容</Text>
          <Choice items={CONTENTS} value={what} onChange={chooseWhat} />
        </View>
        <View className="admin-panel">
          <Text className="admin-panel__title">文件格式</Text>
          <Choice items={FORMATS} value={format} onChange={setFormat} disabled={(f) => what === 'stats' && f === 'csv'} />
        </View>
        <View className="export-page__bar">
          <Text className="export-page__summary">
            {periodLabel(period.period)} · {what === 'orders' ? '订单明细' : '统计报表'} · {format === 'xlsx' ? 'Excel' : 'CSV'}
          </Text>
          <View className={`admin-btn admin-btn--primary export-btn${busy ? ' admin-btn--disabled' : ''}`} onClick={() => void run()}>
            {busy ? '正在生成…' : '导出'}
          </View>
          {result && (
            <View className={`export-page__result${result.ok ? '' : ' export-page__result--error'}`} role={result.ok ? 'status' : 'alert'}>
              {result.text}
            </View>
          )}
        </View>
      </View>
    </AdminShell>
  );
}
