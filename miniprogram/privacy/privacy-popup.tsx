import { Button, Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { go, routes } from '../navigation';
import { AGREE_BUTTON_ID, agreed, checkPrivacyNeeded, declined, onPrivacyRequest, reportPopupShown } from './privacy-authorization';

/**
 * The privacy popup WeChat requires before the first privacy API: what the app collects and where to
 * read the 隐私政策, with 同意 (`open-type="agreePrivacyAuthorization"`) and 不同意. It shows itself when
 * WeChat asks (privacy-authorization.ts) or, with `askOnOpen`, as soon as the page opens while consent
 * is still needed. Renders nothing in H5, where there is no such consent.
 */
export function PrivacyPopup(props: { askOnOpen?: boolean }) {
  const [open, setOpen] = useState(false);
  useEffect(() => onPrivacyRequest(setOpen), []);
  useEffect(() => {
    if (props.askOnOpen) void checkPrivacyNeeded().then((needed) => needed && setOpen(true));
  }, [props.askOnOpen]);
  useEffect(() => {
    if (open) reportPopupShown();
  }, [open]);
  if (process.env.TARO_ENV !== 'weapp' || !open) return null;

  const agree = () => {
    agreed();
    setOpen(false);
  };
  const decline = () => {
    declined();
    setOpen(false);
  };
  return (
    <View className="privacy-popup" data-testid="privacy-popup">
      <View className="privacy-popup__panel">
        <Text className="privacy-popup__title">个人信息保护提示</Text>
        <Text className="privacy-popup__text">
          为办理政府信息公开申请、咨询和评价，本小程序会在您提交时收集您填写的姓名、证件号码、联系电话、地址或邮箱，
          复制地址、选择文件时会使用剪贴板和文件。我们只为办理您的事项使用这些信息，按法定期限保存，您可以在“我的 → 个人信息”中查看、导出或删除。
        </Text>
        <Text role="button" tabIndex={0} className="privacy-popup__link" onClick={() => go(routes.privacyPolicy())}>阅读《隐私政策》</Text>
        <View className="privacy-popup__actions">
          <Button className="btn btn--plain" onClick={decline} data-testid="privacy-decline">不同意</Button>
          <Button
            id={AGREE_BUTTON_ID}
            className="btn btn--primary"
            openType="agreePrivacyAuthorization"
            onAgreePrivacyAuthorization={agree}
            data-testid="privacy-agree"
          >
            同意
          </Button>
        </View>
      </View>
    </View>
  );
}
