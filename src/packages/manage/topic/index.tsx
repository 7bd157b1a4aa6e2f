import { useEffect } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { CategoryId } from '@cloud/contract';
import { call } from '@/services/api';
import { useAsync } from '@/hooks/useAsync';
import { useRouteParam } from '@/hooks/useRouteParam';
import { StateView } from '@/components/StateView';
import { CATEGORY_LABEL } from '@/utils/labels';
import { AdminGate } from '../components/AdminGate';
import { Choices, Field, FormBanner, LIMITS, MultiChoices, SubmitBar, TextArea, TextInput, fieldError } from '@/components/form';
import { Switch } from '../components/Switch';
import { VolunteerPicker } from '../components/VolunteerPicker';
import { manageRoutes } from '../lib/routes';
import { useAdminOrgs } from '../lib/scope';
import { saveMenuItem } from '../lib/saveMenuItem';
import { useForm } from '../lib/useForm';
import { DURATION_OPTIONS, VENUE_OPTIONS, emptyTopic, toSaveTopicInput, topicToDraft, validateTopic } from './form';
import '../shared.scss';
import { useRootClass } from '@/hooks/useElder';

const FALLBACK_CATEGORIES = (Object.keys(CATEGORY_LABEL) as CategoryId[]).map((id) => ({ value: id, label: CATEGORY_LABEL[id] }));

function Editor() {
  const elder = useRootClass('');
  const id = useRouteParam('id');
  const { canEdit } = useAdminOrgs(true);
  const form = useForm(emptyTopic());
  const { draft, set, errors } = form;

  const topic = useAsync(async () => (id ? call('catalog', 'topic', { id }) : null), [id]);
  const categories = useAsync(async () => (await call('catalog', 'categories', {})).items.map((c) => ({ value: c.id, label: c.name })), []);

  useEffect(() => {
    if (topic.data) form.setDraft(topicToDraft(topic.data));
    void Taro.setNavigationBarTitle({ title: id ? '编辑宣讲主题' : '新建宣讲主题' });
  }, [topic.data]); // eslint-disable-line react-hooks/exhaustive-deps

  const readOnly = topic.data != null && !canEdit(topic.data.orgId);
  // The fields mount once the draft holds the loaded values: on H5 a value changed right after a
  // field mounts reaches Taro's input before its inner element exists ('reading value' at watchValue).
  const draftPending = topic.data != null && draft.id !== topic.data.id;
  const durationOptions = [...new Set([...DURATION_OPTIONS, ...draft.durations])]
    .sort((a, b) => a - b)
    .map((m) => ({ value: m, label: `${m} 分钟` }));

  const save = () =>
    saveMenuItem({
      form,
      validate: validateTopic,
      noun: '主题',
      send: (d) => call('admin', 'saveTopic', toSaveTopicInput(d)),
      list: 'topics',
      backTo: manageRoutes.topics,
    });

  return (
    <View className={`mg-page topic-editor${elder}`}>
      <StateView loading={(topic.status === 'loading' && topic.data == null) || draftPending} error={topic.error} onRetry={() => void topic.reload()}>
        {readOnly && <Text className="mg-banner topic-readonly">该主题不属于您管辖的工会，只能查看，不能修改</Text>}
        <FormBanner className="topic-error" message={form.banner} />
        <View className="card form-card topic-form">
          <Field name="title" label="主题标题" required error={fieldError(errors, 'title')}>
            <TextInput
              className="topic-title"
              value={draft.title}
              max={LIMITS.topic.title}
              placeholder="例如：新时代劳模精神的传承与弘扬"
              onChange={(v) => set('title', v)}
            />
          </Field>
          <Field name="category" label="分类" required error={fieldError(errors, 'category')}>
            <Choices
              className="topic-category"
              options={categories.data ?? FALLBACK_CATEGORIES}
              value={draft.category}
              onChange={(v) => set('category', v)}
            />
          </Field>
          <Field name="summary" label="简介" error={fieldError(errors, 'summary')} count={draft.summary.length} max={LIMITS.topic.summary}>
            <TextArea
              className="topic-summary"
              value={draft.summary}
              max={LIMITS.topic.summary}
              placeholder="讲什么、讲给谁、有什么收获"
              onChange={(v) => set('summary', v)}
            />
          </Field>
          <Field name="durations" label="可选时长" required error={fieldError(errors, 'durations')} hint="可多选，点单时由对方挑选">
            <MultiChoices className="topic-durations" options={durationOptions} value={draft.durations} onChange={(v) => set('durations', v)} />
          </Field>
          <Field name="audience" label="适合对象" error={fieldError(errors, 'audience')}>
            <TextInput
              className="topic-audience"
              value={draft.audience}
              max={LIMITS.topic.audience}
              placeholder="例如：一线职工、青年职工"
              onChange={(v) => set('audience', v)}
            />
          </Field>
          <Field name="venueTypes" label="适合场地" error={fieldError(errors, 'venueTypes')} hint="不选表示不限">
            <MultiChoices className="topic-venues" options={VENUE_OPTIONS} value={draft.venueTypes} onChange={(v) => set('venueTypes', v)} />
          </Field>
          <Field name="volunteerIds" label="宣讲人" error={fieldError(errors, 'volunteerIds')} extra={`${draft.speakers.length} 位`}>
            <VolunteerPicker className="topic-speakers" kind="speaker" noun="宣讲人" value={draft.speakers} onChange={(v) => set('speakers', v, 'volunteerIds')} />
          </Field>
          <Field name="active" label="上架状态">
            <Switch className="topic-active" checked={draft.active} onChange={(v) => set('active', v)} onText="上架中：出现在点单菜单" offText="停用：从菜单中隐藏" />
          </Field>
        </View>
        <SubmitBar
          className="topic-save"
          label={draft.id ? '保存修改' : '创建主题'}
          busy={form.saving}
          busyLabel="保存中…"
          disabled={readOnly}
          onSubmit={() => void save()}
        />
      </StateView>
    </View>
  );
}

/** 宣讲主题 editor: a new topic (no id) or an existing one → admin.saveTopic. */
export default function TopicEditorPage() {
  return (
    <AdminGate>
      <Editor />
    </AdminGate>
  );
}
