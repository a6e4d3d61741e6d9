export default definePageConfig({ enableShareAppMessage: true, navigationBarTitleText: '阳光政务', enablePullDownRefresh: true });
