export default definePageConfig({ navigationBarTitleText: '公开审查', enablePullDownRefresh: true });
