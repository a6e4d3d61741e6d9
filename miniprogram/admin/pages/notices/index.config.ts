export default definePageConfig({ navigationBarTitleText: '信息发布', enablePullDownRefresh: true });
