export default definePageConfig({ enableShareAppMessage: true, navigationBarTitleText: '服务评价', enablePullDownRefresh: true });
