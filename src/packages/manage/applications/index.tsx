import { useRef, useState, type ReactNode } from 'react';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { Application, FieldErrors } from '@cloud/contract';
import { ApiError, call, errorMessage } from '@/services/api';
import { usePagedList } from '@/hooks/usePagedList';
import { StateView } from '@/components/StateView';
import { ListFooter } from '@/components/ListFooter';
import { formatDateTime } from '@/utils/time';
import { AdminGate } from '../components/AdminGate';
import { Field, LIMITS, TextArea, fieldError } from '@/components/form';
import { Sheet } from '../components/Sheet';
import { saveFailure } from '../lib/fields';
import '../shared.scss';

export type ReviewStatus = Application['status'];

export const STATUS_LABEL: Record<ReviewStatus, string> = { applied: '待审核', approved: '已通过', rejected: '未通过' };
const TABS: ReviewStatus[] = ['applied', 'approved', 'rejected'];

const KIND_TEXT: Record<string, string> = { speaker: '宣讲', technician: '技术服务' };

/** The same rule as the server: a rejection carries a reason of at least 2 characters. */
export function validateReason(reason: string): string | null {
  const r = reason.trim();
  if (r.length < 2) return '请填写驳回理由（至少 2 个字）';
  if (r.length > 200) return '理由最多 200 字';
  return null;
}

function Tags({ items, tone }: { items: string[]; tone?: 'gold' | 'red' }) {
  if (items.length === 0) return <Text className="muted">—</Text>;
  return (
    <View className="mg-item-tags">
      {items.map((x) => (
        <Text key={x} className={`chip${tone ? ` chip--${tone}` : ''}`}>
          {x}
        </Text>
      ))}
    </View>
  );
}

function Row({ k, children }: { k: string; children: ReactNode }) {
  return (
    <View className="mg-kv">
      <Text className="mg-kv__key">{k}</Text>
      <View className="mg-kv__value">{children}</View>
    </View>
  );
}

interface ItemProps {
  a: Application;
  busy: boolean;
  onApprove: () => void;
  onReject: () => void;
}

function ApplicationItem({ a, busy, onApprove, onReject }: ItemProps) {
  return (
    <View className="card application-item" data-id={a.id} data-status={a.status}>
      <View className="application-item__head">
        <View>
          <Text className="application-item__name">{a.name}</Text>
          {a.title !== '' && <Text className="application-item__title">{a.title}</Text>}
        </View>
        <Text className={`mg-status mg-status--${a.status}`}>{STATUS_LABEL[a.status]}</Text>
      </View>
      <Row k="申报类型">
        <Tags items={a.kinds.map((k) => KIND_TEXT[k] ?? k)} tone="red" />
      </Row>
      <Row k="荣誉">
        <Tags items={a.honours} tone="gold" />
      </Row>
      <Row k="技能">
        <Tags items={a.skills} />
      </Row>
      <Row k="服务地区">
        <Tags items={a.regions} />
      </Row>
      <Row k="所属工会">
        <Text>{a.orgName}</Text>
      </Row>
      <Row k="申报时间">
        <Text>{a.appliedAt ? formatDateTime(a.appliedAt) : '—'}</Text>
      </Row>
      <Row k="个人简介">
        <Text className="application-item__bio">{a.bio}</Text>
      </Row>
      {a.status === 'rejected' && a.reviewNote && <Text className="application-item__note">驳回理由：{a.reviewNote}</Text>}
      {a.status === 'applied' && (
        <View className="application-item__actions">
          <View className={`btn btn--outline btn--small reject-btn${busy ? ' btn--disabled' : ''}`} onClick={() => !busy && onReject()}>
            驳回
          </View>
          <View className={`btn btn--primary btn--small approve-btn${busy ? ' btn--disabled' : ''}`} onClick={() => !busy && onApprove()}>
            {busy ? '处理中…' : '通过'}
          </View>
        </View>
      )}
    </View>
  );
}

function Review() {
  const [status, setStatus] = useState<ReviewStatus>('applied');
  const list = usePagedList((page) => call('admin', 'applications', { status, page, pageSize: 20 }), [status]);
  /** Reviewed here: they leave the 待审核 tab at once. */
  const [gone, setGone] = useState<Set<string>>(new Set());
  const [busyId, setBusyId] = useState<string | null>(null);
  const busy = useRef(false);

  const [rejecting, setRejecting] = useState<Application | null>(null);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [sheetError, setSheetError] = useState<string | null>(null);

  useReachBottom(() => list.loadMore());
  usePullDownRefresh(() => {
    setGone(new Set());
    void list.reload().finally(() => void Taro.stopPullDownRefresh());
  });

  const shown = list.items.filter((a) => !gone.has(a.id));

  const review = async (a: Application, approve: boolean, why?: string): Promise<boolean> => {
    if (busy.current) return false;
    busy.current = true;
    setBusyId(a.id);
    try {
      await call('admin', 'reviewVolunteer', approve ? { id: a.id, approve: true } : { id: a.id, approve: false, reason: why });
      setGone((s) => new Set(s).add(a.id));
      void Taro.showToast({ title: approve ? `已通过 ${a.name}` : `已驳回 ${a.name}`, icon: 'none' });
      return true;
    } catch (err) {
      if (err instanceof ApiError && (err.code === 'CONFLICT' || err.code === 'NOT_FOUND')) {
        // Someone else reviewed it meanwhile: it no longer waits here.
        setGone((s) => new Set(s).add(a.id));
        void Taro.showToast({ title: err.message, icon: 'none' });
        return true;
      }
      if (approve) void Taro.showToast({ title: errorMessage(err), icon: 'none' });
      else {
        const f = saveFailure(err);
        setErrors(f.fields);
        setSheetError(f.message);
      }
      return false;
    } finally {
      busy.current = false;
      setBusyId(null);
    }
  };

  const approve = async (a: Application) => {
    const ok = await Taro.showModal({ title: '通过申报', content: `通过后 ${a.name} 即成为志愿者，可以接单、抢单。`, confirmText: '通过', confirmColor: '#c8161d' })
      .then((r) => r.confirm)
      .catch(() => false);
    if (ok) await review(a, true);
  };

  const openReject = (a: Application) => {
    setRejecting(a);
    setReason('');
    setErrors({});
    setSheetError(null);
  };

  const confirmReject = async () => {
    if (!rejecting) return;
    const local = validateReason(reason);
    if (local) {
      setErrors({ reason: local });
      return;
    }
    if (await review(rejecting, false, reason.trim())) setRejecting(null);
  };

  return (
    <View className="mg-page applications-page">
      <View className="mg-tabs application-tabs" role="tablist">
        {TABS.map((s) => (
          <View
            key={s}
            role="tab"
            data-status={s}
            aria-selected={s === status ? 'true' : 'false'}
            className={`mg-tabs__item${s === status ? ' mg-tabs__item--on' : ''}`}
            onClick={() => {
              setGone(new Set());
              setStatus(s);
            }}
          >
            {STATUS_LABEL[s]}
            {s === status && !list.loading ? `（${Math.max(0, list.total - (s === 'applied' ? gone.size : 0))}）` : ''}
          </View>
        ))}
      </View>
      <StateView
        loading={list.loading}
        error={list.error}
        empty={shown.length === 0}
        emptyText={status === 'applied' ? '没有待审核的申报' : status === 'approved' ? '还没有通过的申报' : '没有未通过的申报'}
        onRetry={() => void list.reload()}
      >
        {shown.map((a) => (
          <ApplicationItem key={a.id} a={a} busy={busyId === a.id} onApprove={() => void approve(a)} onReject={() => openReject(a)} />
        ))}
        <ListFooter count={shown.length} hasMore={list.hasMore} loadingMore={list.loadingMore} moreError={list.moreError} onLoadMore={list.loadMore} />
      </StateView>

      <Sheet
        open={rejecting != null}
        title={`驳回 ${rejecting?.name ?? ''} 的申报`}
        onClose={() => setRejecting(null)}
        className="reject-sheet"
        footer={
          <>
            <View className="btn btn--ghost" onClick={() => setRejecting(null)}>
              取消
            </View>
            <View className={`btn btn--primary reject-confirm${busyId ? ' btn--disabled' : ''}`} onClick={() => void confirmReject()}>
              {busyId ? '提交中…' : '确认驳回'}
            </View>
          </>
        }
      >
        {sheetError && !fieldError(errors, 'reason') && <Text className="mg-banner reject-error">{sheetError}</Text>}
        <Field name="reason" label="驳回理由" required error={fieldError(errors, 'reason')} hint="申报人会在消息中看到这条理由，可修改后重新申报" count={reason.length} max={LIMITS.review.reason}>
          <TextArea
            className="reject-reason"
            value={reason}
            max={LIMITS.review.reason}
            placeholder="例如：请补充荣誉证明或具体技能"
            onChange={(v) => {
              setReason(v);
              setErrors({});
            }}
          />
        </Field>
      </Sheet>
    </View>
  );
}

/** 志愿者审核: applications of the admin's orgs, by status; approve, or reject with a reason. */
export default function ApplicationsPage() {
  return (
    <AdminGate>
      <Review />
    </AdminGate>
  );
}
