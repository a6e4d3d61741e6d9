import { action } from '../api/define';
import { EmptySchema } from '../api/common';
import { resident, staff } from './roles';
import {
  AcceptInviteSchema,
  InviteStaffSchema,
  RemoveStaffSchema,
  SetStaffRolesSchema,
  type AcceptedInvite,
  type IssuedInvite,
  type StaffMemberView,
} from './staff-admin';

const admins = staff('admin');

/**
 * Function `staff`: who works for the bureau and in which roles. Admins invite
 * by a one-time code, change roles and departments, and remove people; the
 * invited person accepts the code from their own WeChat. A change reaches the
 * person on their next call (roles are read from the staff record each call).
 */
export const staffContract = {
  list: action<StaffMemberView[]>()({
    input: EmptySchema,
    access: admins,
    summary: '人员管理：全部工作人员及其角色、部门、是否在职',
    writes: false,
  }),
  invite: action<IssuedInvite>()({
    input: InviteStaffSchema,
    access: admins,
    summary: '邀请工作人员：生成一次性邀请码（默认 72 小时内有效）',
    writes: true,
  }),
  accept: action<AcceptedInvite>()({
    input: AcceptInviteSchema,
    access: resident,
    summary: '凭邀请码加入为工作人员',
    writes: true,
    audited: true,
  }),
  setRoles: action<StaffMemberView>()({
    input: SetStaffRolesSchema,
    access: admins,
    summary: '调整工作人员的角色和所属部门',
    writes: true,
  }),
  remove: action<StaffMemberView>()({
    input: RemoveStaffSchema,
    access: admins,
    summary: '移除工作人员（停用，记录保留）',
    writes: true,
  }),
};
