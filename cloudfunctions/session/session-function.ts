import { isStaff } from '../../shared/staff/roles';
import { defineFunction } from '../_runtime/define-function';
import { sessionContract } from '../../shared/api/session-contract';

export const sessionFunction = defineFunction('session', sessionContract, {
  async whoami(_input, { caller, platform }) {
    return {
      openid: caller.openid,
      isStaff: isStaff(caller),
      staff: caller.staff,
      devSignIn: platform === 'local',
    };
  },
});
