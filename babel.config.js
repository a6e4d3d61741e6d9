// babel-preset-taro compiles the app for both the WeChat and H5 builds.
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
};
