export default definePageConfig({ enableShareAppMessage: true, enableShareTimeline: true, navigationBarTitleText: '政务公开', enablePullDownRefresh: true, onReachBottomDistance: 80 });
