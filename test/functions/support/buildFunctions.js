/**
 * Builds only the custom functions, with the plugin setup webpack.config.js uses, into a directory given on the
 * command line; prints {"errors": [...], "files": [...]} as JSON. Run as a child process by the metadata test so
 * webpack and tsx load as they do under `npm run build`, outside jest's module system.
 */
'use strict';
const path = require('path');
const webpack = require('webpack');
const CustomFunctionsMetadataPlugin = require('custom-functions-metadata-plugin');
const ZhFunctionsPlugin = require('../../../scripts/build/zhFunctionsPlugin.js');
const FunctionNamesPlugin = require('../../../scripts/build/functionNames.js');

const root = path.resolve(__dirname, '../../..');
const outDir = process.argv[2];
// --without-metadata: leave CustomFunctionsMetadataPlugin out, to prove the Chinese step then fails the build.
const withMetadata = process.argv[3] !== '--without-metadata';
// --input=<file>: build another functions source (a fixture with names that break Microsoft's rules).
const inputArg = process.argv.slice(3).find((a) => a.startsWith('--input='));
const input = inputArg ? path.resolve(root, inputArg.slice('--input='.length)) : path.join(root, 'src/functions/functions.ts');

webpack(
  {
    mode: 'development',
    context: root,
    devtool: false,
    target: ['web', 'es2019'],
    entry: { functions: input },
    output: { path: outDir, filename: '[name].js' },
    resolve: { extensions: ['.ts', '.js'] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: { transpileOnly: true, compilerOptions: { module: 'es2020', target: 'es2019', sourceMap: false } },
          },
        },
      ],
    },
    plugins: [
      ...(withMetadata ? [new CustomFunctionsMetadataPlugin({ output: 'functions.json', input })] : []),
      new ZhFunctionsPlugin({ source: 'functions.json', output: 'functions.zh-cn.json' }),
      new FunctionNamesPlugin({ files: ['functions.json', 'functions.zh-cn.json'] }),
    ],
  },
  (err, stats) => {
    const errors = err ? [String(err.stack || err)] : stats.compilation.errors.map((e) => String(e.message || e));
    const files = stats ? Object.keys(stats.compilation.assets).sort() : [];
    process.stdout.write(JSON.stringify({ errors, files }));
  },
);
