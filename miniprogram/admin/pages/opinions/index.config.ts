export default definePageConfig({ navigationBarTitleText: '征求意见审核', enablePullDownRefresh: true });
