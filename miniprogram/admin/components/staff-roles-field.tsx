import { Text, View } from '@tarojs/components';
import type { Department } from '../../../shared/api/common';
import { STAFF_ROLE_LABELS, STAFF_ROLES, type StaffRole } from '../../../shared/staff/roles';
import { FormField } from './form-field';

/** What each role may do, in a line: the admin picks roles knowing what they grant. */
const ROLE_HINTS: Record<StaffRole, string> = {
  admin: '全部功能，含人员管理、工作日历',
  handler: '办理所属部门的依申请公开',
  publisher: '发布信息、审核意见',
  ratingOfficer: '所属部门的服务窗口、差评整改',
  answerer: '答复所属部门的咨询和分派给本人的投诉、维护常见问题',
  reviewer: '审核所属部门待发出的信息和告知书（公开审查）',
  viewer: '只看统计和排名',
};

const toggle = <T,>(list: readonly T[], item: T) => (list.includes(item) ? list.filter((x) => x !== item) : [...list, item]);

/** Roles (several may be held) and departments (several, or none), as chips to tick. */
export function StaffRolesField(props: {
  roles: StaffRole[];
  departmentIds: string[];
  departments: Department[];
  errors: Record<string, string>;
  onChange: (next: { roles: StaffRole[]; departmentIds: string[] }) => void;
  testId: string;
}) {
  const { roles, departmentIds, departments, errors, onChange, testId } = props;
  return (
    <>
      <FormField label="角色（可多选）" required error={errors.roles}>
        <View className="chips">
          {STAFF_ROLES.map((role) => (
            <View role="button" tabIndex={0}
              key={role}
              className={`chip ${roles.includes(role) ? 'chip--selected' : ''}`}
              onClick={() => onChange({ roles: toggle(roles, role), departmentIds })}
              data-testid={`${testId}-role-${role}`}
            >
              <Text className="chip__label">{STAFF_ROLE_LABELS[role]}</Text>
              <Text className="chip__hint">{ROLE_HINTS[role]}</Text>
            </View>
          ))}
        </View>
      </FormField>
      <FormField label="所属部门（可多选）" error={errors.departmentIds}>
        <View className="chips">
          {departments.map((d) => (
            <View role="button" tabIndex={0}
              key={d.id}
              className={`chip ${departmentIds.includes(d.id) ? 'chip--selected' : ''}`}
              onClick={() => onChange({ roles, departmentIds: toggle(departmentIds, d.id) })}
              data-testid={`${testId}-dept-${d.id}`}
            >
              <Text className="chip__label">{d.name}</Text>
            </View>
          ))}
        </View>
        {/* department-scope.ts: a handler sees only their departments' requests (and those waiting for registration). */}
        {roles.includes('handler') && !roles.includes('admin') && departmentIds.length === 0 ? (
          <Text className="hint" data-testid={`${testId}-handler-without-department`}>
            未选择部门的申请办理人员只能看到待受理的网上申请，看不到任何部门的申请；请选择其所属部门。
          </Text>
        ) : null}
        {/* rating-scope.ts: an officer of no department is the bureau's 好差评 desk, of every window. */}
        {roles.includes('ratingOfficer') && !roles.includes('admin') ? (
          <Text className="hint" data-testid={`${testId}-rating-officer-scope`}>
            {departmentIds.length === 0
              ? '未选择部门的好差评整改人员负责全部服务窗口的差评（本机关好差评专岗），能看到每位评价人的联系方式。'
              : '好差评整改人员只看到所选部门的服务窗口和差评。'}
          </Text>
        ) : null}
        {/* case-access.ts: an answerer of no department has only what nobody was given yet, and what is assigned to them. */}
        {roles.includes('answerer') && !roles.includes('admin') && departmentIds.length === 0 ? (
          <Text className="hint" data-testid={`${testId}-answerer-without-department`}>
            未选择部门的咨询答复人员只能看到尚未分派部门的咨询和分派给本人的事项。
          </Text>
        ) : null}
        {/* review-scope.ts: a reviewer of no department reviews for the whole bureau. */}
        {roles.includes('reviewer') && !roles.includes('admin') ? (
          <Text className="hint" data-testid={`${testId}-reviewer-scope`}>
            {departmentIds.length === 0 ? '未选择部门的公开审查人员审核本机关各部门待发出的信息和告知书。' : '公开审查人员只审核所选部门待发出的信息和告知书。'}
          </Text>
        ) : null}
      </FormField>
    </>
  );
}
