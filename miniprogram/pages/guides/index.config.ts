export default definePageConfig({ enableShareAppMessage: true, navigationBarTitleText: '办事', enablePullDownRefresh: true, onReachBottomDistance: 80 });
