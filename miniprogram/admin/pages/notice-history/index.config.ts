export default definePageConfig({ navigationBarTitleText: '历史版本', enablePullDownRefresh: true });
