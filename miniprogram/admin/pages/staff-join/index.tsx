import { Button, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { call } from '../../../api/call';
import { useValidatedForm } from '../../../hooks/use-validated-form';
import { forgetWhoami } from '../../../hooks/use-whoami';
import { go, routes } from '../../../navigation';
import { STAFF_ROLE_LABELS } from '../../../../shared/staff/roles';
import { AcceptInviteSchema, type AcceptedInvite } from '../../../../shared/staff/staff-admin';
import { FormField, TextField } from '../../components/form-field';

/** A mini-program code's `scene` is `j=<code>`; an H5 link carries `?code=`. */
function codeFromRoute(params: Record<string, string | undefined>): string {
  if (params.code) return params.code;
  const scene = params.scene ? decodeURIComponent(params.scene) : '';
  return scene.startsWith('j=') ? scene.slice(2) : '';
}

/** 加入工作人员: the invited person types (or scans) the code an admin gave them. */
export default function StaffJoinPage() {
  const params = useRouter().params;
  const [code, setCode] = useState(() => codeFromRoute(params));
  const [joined, setJoined] = useState<AcceptedInvite | null>(null);
  const form = useValidatedForm({
    schema: AcceptInviteSchema,
    submit: (data) => call('staff', 'accept', data),
    done: '已加入',
    onDone: (result) => {
      // 我的 shows the staff entries from a fresh whoami.
      forgetWhoami();
      setJoined(result);
    },
  });

  if (joined) {
    return (
      <View className="page" data-testid="staff-joined">
        <Text className="done__title">欢迎您，{joined.name}</Text>
        <Text className="hint">您已加入为：{joined.roles.map((r) => STAFF_ROLE_LABELS[r]).join('、')}。工作台入口在「我的」页面。</Text>
        <Button className="btn btn--primary btn--block" onClick={() => go(routes.me())}>前往我的</Button>
      </View>
    );
  }
  return (
    <View className="page form">
      <FormField label="邀请码" required error={form.errors.code}>
        <TextField name="invite-code" value={code} onChange={setCode} placeholder="管理员给您的 12 位邀请码" />
      </FormField>
      <Text className="hint">邀请码由本单位管理员在「人员管理」中生成，仅能使用一次。加入后，您的微信将用于登录工作台。</Text>
      <Button className="btn btn--primary btn--block" disabled={form.busy || undefined} onClick={() => void form.submit({ code })} data-testid="staff-join-submit">
        加入
      </Button>
    </View>
  );
}
