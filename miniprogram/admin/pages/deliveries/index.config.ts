export default definePageConfig({ navigationBarTitleText: '通知送达情况', enablePullDownRefresh: true });
