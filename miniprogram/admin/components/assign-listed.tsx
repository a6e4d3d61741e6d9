import { Button, Picker, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { call } from '../../api/call';
import { useRemote } from '../../hooks/use-remote';
import { askFirst } from '../ask-first';
import type { QueueItem } from '../../../shared/requests/request-types';

/**
 * 未分配部门 (admins): hands every request listed to one department. One `assignDepartment` each, against
 * the version listed, so each is a step on the request's record and in 操作记录 like a handover from
 * its own page; one changed meanwhile is left for a second look, and the toast names how many.
 */
export function AssignListed(props: { rows: QueueItem[]; onDone: () => Promise<void> }) {
  const departments = useRemote(() => call('directory', 'departments', {}), []);
  const [index, setIndex] = useState(-1);
  const [busy, setBusy] = useState(false);
  const options = departments.data ?? [];
  const target = options[index];

  async function assignAll(): Promise<void> {
    if (!target || busy) return;
    const ask = {
      title: '确认全部转交',
      content: `下列 ${props.rows.length} 件申请将转交${target.name}办理，由该部门的办理人员答复，答复期限不变。转交后只有该部门和管理员能看到；如需改交，须逐件在申请页再转交。`,
      confirmText: '确认转交',
    };
    if (!(await askFirst(ask))) return;
    setBusy(true);
    let moved = 0;
    let left = 0;
    for (const row of props.rows) {
      try {
        await call('requests', 'assignDepartment', { id: row.id, version: row.version, departmentId: target.id });
        moved += 1;
      } catch {
        left += 1;
      }
    }
    setBusy(false);
    void Taro.showToast({ title: left ? `已转交 ${moved} 件，${left} 件未能转交（可能已被他人修改），请刷新后重试` : `已转交 ${moved} 件至${target.name}`, icon: 'none' });
    await props.onDone();
  }

  return (
    <View className="card" data-testid="assign-listed">
      <Text>这些申请在部门功能启用前登记，没有承办部门，只有管理员能看到。可在申请页逐件“转交承办部门”，或将下列 {props.rows.length} 件一并转交：</Text>
      <View className="toolbar">
        <Picker mode="selector" range={options.map((d) => d.name)} value={Math.max(0, index)} onChange={(e) => setIndex(Number(e.detail.value))} data-testid="assign-listed-department">
          <Text className="search-order__item">{target ? target.name : '选择承办部门'} ▾</Text>
        </Picker>
        <Button className="btn btn--primary btn--small" disabled={!target || busy} onClick={() => void assignAll()} data-testid="assign-listed-submit">
          全部转交
        </Button>
      </View>
    </View>
  );
}
