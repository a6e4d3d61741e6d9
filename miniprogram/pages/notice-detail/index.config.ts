export default definePageConfig({
  navigationBarTitleText: '公开信息',
  // A native custom component; Taro copies it into the WeChat build. The H5 build draws the same facts itself.
  usingComponents: { 'period-progress': '../../native/period-progress/index' },
});
