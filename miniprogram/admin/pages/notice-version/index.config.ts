export default definePageConfig({
  navigationBarTitleText: '版本详情',
  // The version's full text is the resident's NoticeBody, which uses the native period-progress in WeChat.
  usingComponents: { 'period-progress': '../../../native/period-progress/index' },
});
