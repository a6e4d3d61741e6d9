import { Button, Image, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { ApiError, call } from '../../../api/call';
import { useRemote } from '../../../hooks/use-remote';
import { useValidatedForm } from '../../../hooks/use-validated-form';
import type { Department } from '../../../../shared/api/common';
import { STAFF_ROLE_LABELS, type StaffRole } from '../../../../shared/staff/roles';
import { InviteStaffSchema, SetStaffRolesSchema, type IssuedInvite, type StaffMemberView } from '../../../../shared/staff/staff-admin';
import { formatBeijingDateTime } from '../../../../shared/time/beijing-time';
import { FormField, TextField } from '../../components/form-field';
import { StaffRolesField } from '../../components/staff-roles-field';
import './staff.css';

const rolesText = (roles: readonly StaffRole[]) => roles.map((r) => STAFF_ROLE_LABELS[r]).join('、');
/** Read aloud or typed from a screen: three groups of four. */
const spaced = (code: string) => code.replace(/(.{4})(?=.)/g, '$1 ');

/** In the H5 build the QR should lead back to this very server; in WeChat the code opens the mini-program. */
function currentOrigin(): string | undefined {
  return process.env.TARO_ENV === 'h5' && typeof window !== 'undefined' ? window.location.origin : undefined;
}

/** Admin: 人员管理 — who works here in which roles; invite, change, remove. */
export default function StaffPage() {
  const list = useRemote(() => call('staff', 'list', {}), []);
  const departments = useRemote(() => call('directory', 'departments', {}), []);
  const empty = { name: '', roles: [] as StaffRole[], departmentIds: [] as string[] };
  const [draft, setDraft] = useState(empty);
  const [issued, setIssued] = useState<(IssuedInvite & { name: string }) | null>(null);
  const invite = useValidatedForm({
    schema: InviteStaffSchema,
    submit: (data) => call('staff', 'invite', { ...data, origin: currentOrigin() }),
    done: '已生成邀请码',
    onDone: (result) => {
      setIssued({ ...result, name: draft.name.trim() });
      setDraft(empty);
    },
  });

  if (list.error || departments.error) return <View className="page list-state list-state--error">{list.error?.message ?? departments.error?.message}</View>;
  if (!list.data || !departments.data) return <View className="page list-state">正在加载…</View>;
  const depts = departments.data;

  return (
    <View className="page form">
      <View className="card" data-testid="staff-invite">
        <Text className="staff-section-title">邀请工作人员</Text>
        <FormField label="姓名" required error={invite.errors.name}>
          <TextField name="invite-name" value={draft.name} onChange={(name) => setDraft({ ...draft, name })} placeholder="对方的真实姓名" />
        </FormField>
        <StaffRolesField
          roles={draft.roles}
          departmentIds={draft.departmentIds}
          departments={depts}
          errors={invite.errors}
          onChange={(next) => setDraft({ ...draft, ...next })}
          testId="invite"
        />
        <Button className="btn btn--primary btn--block" disabled={invite.busy || undefined} onClick={() => void invite.submit(draft)} data-testid="invite-submit">
          生成邀请码
        </Button>
        {issued && (
          <View className="invite-code" data-testid="invite-code">
            <Text className="hint">给 {issued.name} 的邀请码（只显示这一次，仅能使用一次）</Text>
            <Text className="invite-code__code" data-testid="invite-code-value">{spaced(issued.code)}</Text>
            {issued.qr && <Image className="invite-code__qr" src={issued.qr} mode="aspectFit" nativeProps={{ alt: "邀请二维码" }} data-testid="invite-code-qr" />}
            {process.env.TARO_ENV === 'h5' && <Text className="hint qr__link">{issued.link}</Text>}
            <Text className="hint" data-testid="invite-code-expiry">有效期至 {formatBeijingDateTime(issued.expiresAt)}（北京时间）</Text>
            <Text className="hint">请对方在微信中打开本小程序：我的 → 加入工作人员（邀请码），输入上面的邀请码。</Text>
          </View>
        )}
      </View>

      <Text className="staff-section-title">工作人员（{list.data.filter((m) => m.active).length} 人在职）</Text>
      {list.data.map((member) => (
        <StaffMemberCard key={member.openid} member={member} departments={depts} onChanged={() => void list.reload()} />
      ))}
    </View>
  );
}

function StaffMemberCard({ member, departments, onChanged }: { member: StaffMemberView; departments: Department[]; onChanged: () => void }) {
  const [mode, setMode] = useState<'view' | 'edit' | 'confirmRemove'>('view');
  const [draft, setDraft] = useState({ roles: member.roles, departmentIds: member.departmentIds });
  // A department is named, never shown by its id: one without a name, or no longer on the list, says which.
  const names = new Map(departments.map((d) => [d.id, d.name.trim() || '未命名部门']));
  const form = useValidatedForm({
    schema: SetStaffRolesSchema,
    submit: (data) => call('staff', 'setRoles', data),
    done: '已保存，对方下一次操作起生效',
    onDone: () => {
      setMode('view');
      onChanged();
    },
    // Someone else changed this person meanwhile: show the list as it is now (the toast says why).
    onFailure: (e) => void (e instanceof ApiError && e.code === 'VERSION_CONFLICT' && onChanged()),
  });
  const remove = () =>
    form.send(() => call('staff', 'remove', { openid: member.openid, version: member.version }), {
      done: '已移除',
      onDone: () => {
        setMode('view');
        onChanged();
      },
    });
  const losesAdmin = member.self && member.roles.includes('admin') && !draft.roles.includes('admin');

  return (
    <View className={`staff-member ${member.active ? '' : 'staff-member--removed'}`} data-testid="staff-member">
      <Text className="staff-member__name">{member.name.trim() || `未命名人员（${member.maskedOpenid}）`}</Text>
      <Text className="hint">{member.self ? '（本人）' : ''}{member.active ? '在职' : '已移除'}</Text>
      <Text className="staff-member__meta" data-testid="staff-member-roles">{rolesText(member.roles) || '无角色'}</Text>
      <Text className="staff-member__meta">部门：{member.departmentIds.map((id) => names.get(id) ?? '已撤销的部门').join('、') || '未指定'}</Text>

      {member.active && mode === 'view' && (
        <View className="staff-member__actions">
          <Button className="btn btn--plain btn--small" onClick={() => setMode('edit')} data-testid="staff-edit">调整角色</Button>
          <Button className="btn btn--plain btn--small" onClick={() => setMode('confirmRemove')} data-testid="staff-remove">移除</Button>
        </View>
      )}

      {mode === 'edit' && (
        <View data-testid="staff-editor">
          <StaffRolesField roles={draft.roles} departmentIds={draft.departmentIds} departments={departments} errors={form.errors} onChange={setDraft} testId="edit" />
          {losesAdmin && <Text className="field__error">保存后您将不再是管理员，不能再进入人员管理。</Text>}
          <View className="staff-member__actions">
            <Button
              className="btn btn--primary btn--small"
              disabled={form.busy || undefined}
              onClick={() => void form.submit({ openid: member.openid, version: member.version, ...draft })}
              data-testid="staff-save"
            >
              保存
            </Button>
            <Button className="btn btn--plain btn--small" onClick={() => setMode('view')}>取消</Button>
          </View>
        </View>
      )}

      {mode === 'confirmRemove' && (
        <View className="staff-confirm" data-testid="staff-remove-confirm">
          <Text className="staff-confirm__text">
            {member.self ? '您将移除自己。' : ''}移除后，{member.name.trim() || '该人员'}从下一次操作起不能再使用工作台（{rolesText(member.roles)}），
            只能像居民一样使用小程序；已办理的记录和署名保留。如需恢复，须重新邀请。
          </Text>
          <View className="staff-member__actions">
            <Button className="btn btn--primary btn--small" disabled={form.busy || undefined} onClick={() => void remove()} data-testid="staff-remove-confirmed">
              确认移除
            </Button>
            <Button className="btn btn--plain btn--small" onClick={() => setMode('view')}>取消</Button>
          </View>
        </View>
      )}
    </View>
  );
}
