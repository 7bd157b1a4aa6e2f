import { Input, Text, View } from '@tarojs/components';
import type { Order } from '@cloud/contract';
import { call } from '@/services/api';
import { useAsync } from '@/hooks/useAsync';
import { StateView } from '@/components/StateView';
import { KIND_LABEL, orderTitle } from '../lib/labels';
import { orgsInTreeOrder } from './OrgPicker';
import { Sheet } from './Sheet';
import { usePickConfirm } from './usePickConfirm';

export interface TransferSheetProps {
  order: Order | null;
  onClose: () => void;
  onDone: (updated: Order, orgName: string) => void;
}

/** 转办: hand the order to another union org (any org, not only the admin's own). */
export function TransferSheet({ order, onClose, onDone }: TransferSheetProps) {
  return order ? <TransferPanel key={order.id} order={order} onClose={onClose} onDone={onDone} /> : null;
}

function TransferPanel({ order, onClose, onDone }: { order: Order } & Omit<TransferSheetProps, 'order'>) {
  const orgs = useAsync(() => call('admin', 'orgs', {}), []);
  const items = orgsInTreeOrder(orgs.data?.items ?? []).filter((o) => o.id !== order.orgId);
  const currentOrg = orgs.data?.items.find((o) => o.id === order.orgId)?.name;
  const { selected, pick, note, setNote, busy, error, confirm } = usePickConfirm(async (orgId, text) => {
    const updated = await call('admin', 'transfer', { id: order.id, orgId, note: text });
    onDone(updated, items.find((o) => o.id === orgId)?.name ?? '');
  });

  return (
    <Sheet
      open
      className="transfer-sheet"
      title="转办"
      subtitle={`${KIND_LABEL[order.kind]} · ${orderTitle(order)}${currentOrg ? `（现属 ${currentOrg}）` : ''}`}
      onClose={onClose}
      footer={
        <View className="dispatch-sheet__foot">
          {error && (
            <View className="admin-sheet__error" role="alert">
              {error}
            </View>
          )}
          <Input
            className="admin-sheet__note"
            value={note}
            maxlength={500}
            placeholder="转办说明（选填），会通知对方工会管理员"
            onInput={(e) => setNote(e.detail.value)}
          />
          <View
            className={`admin-btn admin-btn--primary transfer-confirm${!selected || busy ? ' admin-btn--disabled' : ''}`}
            onClick={() => void confirm()}
          >
            {busy ? '转办中…' : '确认转办'}
          </View>
        </View>
      }
    >
      <StateView
        loading={orgs.status === 'loading' && !orgs.data}
        error={orgs.error}
        empty={items.length === 0}
        emptyText="没有可转办的工会组织"
        onRetry={() => void orgs.reload()}
        skeletonRows={2}
      >
        {items.map((o) => (
          <View
            key={o.id}
            data-id={o.id}
            className={`transfer-option transfer-option--${o.level}${o.id === selected ? ' transfer-option--active' : ''}`}
            onClick={() => pick(o.id)}
          >
            <View className="dispatch-option__radio" />
            <Text className="transfer-option__name">{o.name}</Text>
            <Text className="transfer-option__region">{o.region}</Text>
          </View>
        ))}
      </StateView>
    </Sheet>
  );
}
