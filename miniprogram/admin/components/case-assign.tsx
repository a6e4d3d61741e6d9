import { Button, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { call } from '../../api/call';
import { ChoiceGroup } from '../../components/requests/choice-group';
import { useRemote } from '../../hooks/use-remote';
import type { Department } from '../../../shared/api/common';
import type { StaffCaseView } from '../../../shared/inquiries/inquiry-types';

const DEPARTMENT_ONLY = 'department';

/**
 * 分派: a department, and in it one answerer by name (谁办理、谁负责: they are reminded of its due
 * date) or the department's answerers together. A complaint goes to one person only: nobody else
 * but admins may know of it. The people offered are those the server would accept
 * (inquiries.answerers), so a choice here is never refused for who it names.
 */
export function CaseAssign(props: {
  view: StaffCaseView;
  departments: Department[];
  busy: boolean;
  /** The choice as the server takes it, and its names for the confirmation. */
  onAssign: (choice: { departmentId: string; answererOpenid?: string }, names: { departmentName: string; answererName?: string }) => void;
}) {
  const { view, departments } = props;
  const [departmentId, setDepartmentId] = useState(view.departmentId ?? departments[0]?.id ?? '');
  const people = useRemote(() => (departmentId ? call('inquiries', 'answerers', { departmentId }) : Promise.resolve([])), [departmentId]);
  const personal = view.kind === 'complaint';
  const [person, setPerson] = useState(view.assignedTo?.openid ?? (personal ? '' : DEPARTMENT_ONLY));
  const offered = people.data ?? [];
  const options = [
    ...(personal ? [] : [{ value: DEPARTMENT_ONLY, label: '不指定，部门答复人员均可' }]),
    ...offered.map((p) => ({ value: p.openid, label: p.admin ? `${p.name}（管理员）` : p.name })),
  ];
  const chosen = person === DEPARTMENT_ONLY || offered.some((p) => p.openid === person);

  return (
    <View className="card action-card" data-testid="action-assign">
      <Text className="action-card__title">分派</Text>
      <Text className="hint">部门</Text>
      <ChoiceGroup
        name="caseDepartment"
        options={departments.map((d) => ({ value: d.id, label: d.name }))}
        value={departmentId}
        onChange={(d) => {
          setDepartmentId(d);
          setPerson(personal ? '' : DEPARTMENT_ONLY);
        }}
      />
      <Text className="hint">{personal ? '答复人员（投诉举报须分派给具体的人）' : '答复人员'}</Text>
      {people.loading ? <Text className="hint">正在加载…</Text> : <ChoiceGroup name="caseAnswerer" column options={options} value={person} onChange={setPerson} />}
      {!people.loading && offered.length === 0 ? <Text className="hint" data-testid="no-answerers">该部门还没有咨询答复人员</Text> : null}
      <Button
        className="btn btn--primary btn--block"
        disabled={props.busy || !departmentId || !chosen || undefined}
        data-testid="do-assign"
        onClick={() => {
          const answerer = offered.find((p) => p.openid === person);
          props.onAssign(
            { departmentId, ...(person !== DEPARTMENT_ONLY ? { answererOpenid: person } : {}) },
            { departmentName: departments.find((d) => d.id === departmentId)?.name ?? '所选部门', ...(answerer ? { answererName: answerer.name } : {}) },
          );
        }}
      >
        分派
      </Button>
    </View>
  );
}
