import './zod-messages';
import { EmptySchema, type Department } from './common';
import { action } from './define';
import { anyone, type StaffRole } from '../staff/roles';

/** The two smallest functions' contracts: who is calling (`session`) and the bureau's departments (`directory`). */
export interface Whoami {
  openid: string | null;
  isStaff: boolean;
  staff: { name: string; roles: StaffRole[]; departmentIds: string[]; departmentId: string | null } | null;
  /** True only in the local cloud, where the dev sign-in screen exists. */
  devSignIn: boolean;
}

export const sessionContract = {
  whoami: action<Whoami>()({
    input: EmptySchema,
    access: anyone,
    summary: '当前用户是谁：居民、工作人员或未登录',
    writes: false,
  }),
};

export const directoryContract = {
  departments: action<Department[]>()({
    input: EmptySchema,
    access: anyone,
    summary: '本机关各部门',
    writes: false,
  }),
};
