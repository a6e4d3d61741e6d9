import { Button, Input, Picker, Switch, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { call } from '../../../api/call';
import { useRemote } from '../../../hooks/use-remote';
import { useWhoami } from '../../../hooks/use-whoami';
import { ratingInScope, ratingScopeOf } from '../../../../shared/ratings/rating-scope';
import { useValidatedForm } from '../../../hooks/use-validated-form';
import { WindowContentSchema } from '../../../../shared/ratings/ratings-schema';
import { FormField, TextField } from '../../components/form-field';
import { routes } from '../../../navigation';
import { StaffLoadState } from '../../components/staff-load-state';
import { askFirst } from '../../ask-first';
import { windowActiveConfirmation } from '../../../../shared/ratings/window-confirmations';
import '../../../rating/rating.css';

interface Draft {
  name: string;
  departmentId: string;
  location: string;
  services: Array<{ id?: string; name: string }>;
  active: boolean;
}

/** Staff: a window's name, department, location and the services it offers. */
export default function WindowEditPage() {
  const id = useRouter().params.id;
  const all = useRemote(() => call('directory', 'departments', {}), []);
  const { whoami, failed } = useWhoami();
  // A unit's rating officer keeps windows within their departments (the server refuses any other): offer only those.
  const scope = whoami ? ratingScopeOf({ openid: whoami.openid, staff: whoami.staff }) : failed ? ({ kind: 'all' } as const) : null;
  const departments = { error: all.error, data: scope && all.data ? all.data.filter((d) => ratingInScope(scope, d.id)) : null };
  // The window as last loaded or saved (null for a new one until its first save).
  const loaded = useRemote(() => (id ? call('windows', 'get', { id }) : Promise.resolve(null)), [id]);
  const saved = loaded.data;
  const setSaved = loaded.setData;
  const [draft, setDraft] = useState<Draft | null>(null);
  const form = useValidatedForm({
    schema: WindowContentSchema,
    submit: (_checked, window: Draft) => call('windows', 'save', saved ? { id: saved.id, version: saved.version, window } : { window }),
    done: '已保存',
    onDone: (result) => {
      setSaved(result);
      setDraft((current) => current && { ...current, services: result.services });
    },
    // The server checks the window nested under `window`; the fields here are the window's own.
    serverFields: (fields) => Object.fromEntries(Object.entries(fields).map(([k, v]) => [k.replace(/^window\./, ''), v])),
  });
  const { errors, busy } = form;
  // The form starts from the window once it has loaded; after that it is the clerk's.
  useEffect(() => {
    if (saved && !draft) setDraft({ name: saved.name, departmentId: saved.departmentId, location: saved.location, services: saved.services, active: saved.active });
  }, [saved, draft]);
  useEffect(() => {
    if (!id && !draft && departments.data?.length) setDraft({ name: '', departmentId: departments.data[0].id, location: '', services: [{ name: '' }], active: true });
  }, [id, draft, departments.data]);

  if (loaded.error || departments.error) return <StaffLoadState error={loaded.error ?? departments.error} what="个服务窗口" back={{ label: '返回服务窗口', url: routes.adminWindows() }} />;
  if (!draft || !departments.data) return <View className="page list-state">正在加载…</View>;
  const deptIndex = Math.max(0, departments.data.findIndex((d) => d.id === draft.departmentId));
  /** Taking a window out of use (or back) changes what residents can rate at once: it asks first. */
  const save = async () => {
    if (saved && draft.active !== saved.active) {
      if (!form.validate(draft)) return;
      if (!(await askFirst(windowActiveConfirmation(draft.name, draft.active)))) return;
    }
    void form.submit(draft);
  };
  const setService = (index: number, name: string) => setDraft({ ...draft, services: draft.services.map((s, i) => (i === index ? { ...s, name } : s)) });

  return (
    <View className="page form">
      <FormField label="窗口名称" required error={errors.name}>
        <TextField name="name" value={draft.name} onChange={(name) => setDraft({ ...draft, name })} placeholder="如 3号窗口 · 住房保障" />
      </FormField>
      <FormField label="所属部门" required error={errors.departmentId}>
        <Picker mode="selector" range={departments.data.map((d) => d.name)} value={deptIndex} onChange={(e) => setDraft({ ...draft, departmentId: departments.data![Number(e.detail.value)].id })}>
          <View className="field__picker">{departments.data[deptIndex]?.name}</View>
        </Picker>
      </FormField>
      <FormField label="位置" required error={errors.location}>
        <TextField name="location" value={draft.location} onChange={(location) => setDraft({ ...draft, location })} placeholder="如 政务服务中心一楼 A 区 3 号" />
      </FormField>
      <FormField label="办理事项" required error={errors.services}>
        <View className="services-edit">
          {draft.services.map((s, i) => (
            <View key={s.id ?? `new-${i}`} className="services-edit__row">
              <Input className="field__input" maxlength={-1} nativeProps={{ 'aria-label': `事项 ${i + 1} 名称` }} value={s.name} placeholder="事项名称" onInput={(e) => setService(i, e.detail.value)} data-testid={`input-service-${i}`} />
              {draft.services.length > 1 && (
                <Text role="button" tabIndex={0} className="btn btn--plain btn--small" onClick={() => setDraft({ ...draft, services: draft.services.filter((_, j) => j !== i) })}>删除</Text>
              )}
              {errors[`services.${i}.name`] && <Text className="field__error">{errors[`services.${i}.name`]}</Text>}
            </View>
          ))}
          <Text role="button" tabIndex={0} className="btn btn--plain btn--small" onClick={() => setDraft({ ...draft, services: [...draft.services, { name: '' }] })} data-testid="add-service">＋ 添加事项</Text>
        </View>
      </FormField>
      <View className="switch-row">
        <Text>在用（停用后不再接受评价，已有评价保留）</Text>
        <Switch checked={draft.active} nativeProps={{ 'aria-label': '在用' }} onChange={(e) => setDraft({ ...draft, active: e.detail.value })} color="#b71c1c" />
      </View>
      <Button className="btn btn--primary btn--block" disabled={busy || undefined} onClick={() => void save()} data-testid="save-window">保存</Button>
    </View>
  );
}
