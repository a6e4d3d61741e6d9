export default definePageConfig({
  navigationBarTitleText: '公开信息',
  // 转发给朋友: the page answers with useNoticeShares (hooks/use-notice-share.ts).
  enableShareAppMessage: true,
  // 分享到朋友圈: the same notice, reopened from its id (useNoticeShares).
  enableShareTimeline: true,
  // A native custom component; Taro copies it into the WeChat build. The H5 build draws the same facts itself.
  usingComponents: { 'period-progress': '../../native/period-progress/index' },
});
