import { Button, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { call, messageOf } from '../../api/call';
import { FormField, TextField } from '../../admin/components/form-field';

/**
 * A resident's mobile number: the digit keyboard, and in WeChat also WeChat's own phone-number
 * button (`open-type="getPhoneNumber"`), which fills the number bound to their account after they
 * agree in WeChat's sheet. The page gets only a one-time code; `me.phoneNumber` exchanges it on the
 * server. The H5 app has no such button (a browser has no WeChat account), so there the number is
 * typed. Never offered on staff pages: it would give the clerk's own number.
 */
export function PhoneField(props: { name: string; label: string; value: string; onChange: (phone: string) => void; error?: string; required?: boolean; placeholder?: string }) {
  const [asking, setAsking] = useState(false);
  const fromWeChat = async (detail: { code?: string; errMsg?: string }) => {
    // Refused in WeChat's sheet, or a WeChat without the code: nothing happens but a word on typing it.
    if (!detail.code) {
      void Taro.showToast({ title: '未获取手机号，请直接填写', icon: 'none' });
      return;
    }
    setAsking(true);
    try {
      const { phone } = await call('me', 'phoneNumber', { code: detail.code });
      props.onChange(phone);
    } catch (e) {
      void Taro.showToast({ title: messageOf(e), icon: 'none' });
    } finally {
      setAsking(false);
    }
  };
  return (
    <FormField label={props.label} required={props.required} error={props.error}>
      <TextField name={props.name} keyboard="number" value={props.value} onChange={props.onChange} placeholder={props.placeholder} />
      {process.env.TARO_ENV === 'weapp' ? (
        <View className="field__phone-wechat">
          <Button
            className="btn btn--plain btn--block"
            openType="getPhoneNumber"
            disabled={asking || undefined}
            onGetPhoneNumber={(e) => void fromWeChat(e.detail)}
            data-testid={`wechat-phone-${props.name}`}
          >
            使用微信绑定的手机号
          </Button>
        </View>
      ) : null}
    </FormField>
  );
}
