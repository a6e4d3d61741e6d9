import { Button, Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { messageOf } from '../../api/call';
import { devSignIn, devSignOut } from '../../api/dev-sign-in';
import { forgetWhoami } from '../../hooks/use-whoami';
import { routes } from '../../navigation';

/**
 * Local cloud only (this page is not in the WeChat build): choose who you are.
 * The server still decides what that identity may do, from its staff table.
 */
const PRESETS = [
  { openid: 'demo-admin', label: '张敏 · 管理员' },
  { openid: 'demo-editor', label: '王芳 · 信息发布人员' },
  { openid: 'demo-clerk', label: '李华 · 申请办理、咨询答复人员' },
  { openid: 'demo-rater', label: '赵磊 · 好差评整改人员' },
  { openid: 'demo-reviewer', label: '孙静 · 公开审查人员' },
  { openid: 'demo-viewer', label: '周涛 · 统计查看人员' },
  { openid: 'resident-zhao', label: '赵女士 · 居民' },
];

export default function DevSignInPage() {
  const [custom, setCustom] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function become(openid: string) {
    setError(null);
    try {
      await devSignIn(openid);
      forgetWhoami();
      await Taro.showToast({ title: '已切换身份', icon: 'success' });
      // Start afresh on 我的, which shows who you now are (and the staff entry, if the server says so).
      await Taro.reLaunch({ url: routes.me() });
    } catch (e) {
      setError(messageOf(e));
    }
  }

  return (
    <View className="page">
      <Text className="hint">本页面只在本地云中出现。微信中的身份由微信提供。</Text>
      {PRESETS.map((p) => (
        <Button key={p.openid} className="btn btn--block" onClick={() => void become(p.openid)} data-testid={`as-${p.openid}`}>
          {p.label}
        </Button>
      ))}
      <View className="field">
        <Text className="field__label">其他居民（任意 openid）</Text>
        <Input className="field__input" nativeProps={{ 'aria-label': '其他身份的 openid' }} value={custom} placeholder="例如 resident-001" onInput={(e) => setCustom(e.detail.value)} />
        {error && <Text className="field__error">{error}</Text>}
      </View>
      <Button className="btn btn--block" onClick={() => void become(custom.trim())}>以此身份进入</Button>
      <Button
        className="btn btn--plain btn--block"
        data-testid="dev-sign-out"
        onClick={() => void devSignOut().then(() => { forgetWhoami(); return Taro.showToast({ title: '已退出', icon: 'none' }); })}
      >
        退出登录（匿名访问）
      </Button>
    </View>
  );
}
