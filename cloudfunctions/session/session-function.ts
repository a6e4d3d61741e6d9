import { isStaff } from '../../shared/staff/roles';
import { defineFunction } from '../_runtime/define-function';

export const sessionFunction = defineFunction('session', {
  async whoami(_input, { caller, platform }) {
    return {
      openid: caller.openid,
      isStaff: isStaff(caller),
      staff: caller.staff,
      devSignIn: platform === 'local',
    };
  },
});
