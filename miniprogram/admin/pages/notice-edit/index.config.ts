export default definePageConfig({
  navigationBarTitleText: '编辑公开信息',
  // 预览 draws the resident's NoticeBody, which uses the native period-progress in WeChat.
  usingComponents: { 'period-progress': '../../../native/period-progress/index' },
});
