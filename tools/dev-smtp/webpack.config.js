// `nx build dev-smtp`: one CommonJS bundle, dist/tools/dev-smtp/main.js, built like the API's so
// `npm start` runs compiled JavaScript instead of compiling TypeScript at every start. Packages
// from node_modules stay external (required at run time); @mailroute/testing is bundled from source.
const { NxAppWebpackPlugin } = require('@nx/webpack/app-plugin');
const { join } = require('path');

module.exports = {
  output: {
    path: join(__dirname, '../../dist/tools/dev-smtp'),
    clean: true,
    devtoolModuleFilenameTemplate: '[absolute-resource-path]',
  },
  plugins: [
    new NxAppWebpackPlugin({
      target: 'node',
      compiler: 'tsc',
      main: './src/main.ts',
      tsConfig: './tsconfig.app.json',
      optimization: false,
      outputHashing: 'none',
      sourceMap: true,
    }),
  ],
};
