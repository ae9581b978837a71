/**
 * Build for the add-in: one shared-runtime page (taskpane.html) that loads the custom functions, the ribbon commands
 * and the React pane. `npm run build` writes dist/, ready for any static HTTPS host; `npm start` serves the dev build
 * on https://localhost:3000 (see scripts/start.js).
 *
 * Production base URL: env SHOP_STATS_BASE_URL (https, ending with "/"); every development URL in manifest.xml is
 * rewritten to it.
 */
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const CustomFunctionsMetadataPlugin = require('custom-functions-metadata-plugin');

const DEV_BASE_URL = 'https://localhost:3000/';
const DEFAULT_BASE_URL = 'https://shopstats.example.com/addin/';
const DEV_PORT = 3000;
const FUNCTIONS_SOURCE = path.resolve(__dirname, 'src/functions/functions.ts');
const ZH_PLUGIN_PATH = path.resolve(__dirname, 'scripts/build/zhFunctionsPlugin.js');
const FunctionNamesPlugin = require('./scripts/build/functionNames');
const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

/** Reads and checks the production base URL; throws a message a person can act on. */
function productionBaseUrl(env = process.env) {
  const raw = (env.SHOP_STATS_BASE_URL || DEFAULT_BASE_URL).trim();
  const hint =
    'Set SHOP_STATS_BASE_URL to the https address where dist/ will be hosted, ending with "/", e.g.\n' +
    '  SHOP_STATS_BASE_URL=https://addins.example.com/shop-stats/ npm run build';
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`SHOP_STATS_BASE_URL is not a valid URL: "${raw}".\n${hint}`);
  }
  if (url.protocol !== 'https:') {
    throw new Error(`SHOP_STATS_BASE_URL must use https (Office loads add-ins over HTTPS only): "${raw}".\n${hint}`);
  }
  if (!raw.endsWith('/')) {
    throw new Error(`SHOP_STATS_BASE_URL must end with "/": "${raw}".\n${hint}`);
  }
  if (url.search || url.hash) {
    throw new Error(`SHOP_STATS_BASE_URL must not carry a query or fragment: "${raw}".\n${hint}`);
  }
  if (url.hostname === 'localhost' || url.hostname === '127.0.0.1') {
    throw new Error(`SHOP_STATS_BASE_URL points at this machine ("${raw}"); use "npm start" for local testing.\n${hint}`);
  }
  return raw;
}

/** Rewrites every development URL of the manifest to the production base URL and proves none is left. */
function productionManifest(xml, baseUrl) {
  const out = xml.split(DEV_BASE_URL).join(baseUrl);
  const left = out.match(/https?:\/\/(localhost|127\.0\.0\.1)[^"<\s]*/);
  if (left) {
    throw new Error(`manifest.xml still holds a development URL after rewriting: ${left[0]} (use ${DEV_BASE_URL}… only)`);
  }
  return out;
}

/** The step that writes functions.zh-cn.json; its absence must stop the build, not ship English-only metadata. */
function loadZhFunctionsPlugin() {
  if (!fs.existsSync(ZH_PLUGIN_PATH)) {
    throw new Error(
      `Missing ${path.relative(__dirname, ZH_PLUGIN_PATH)}: the build step that writes functions.zh-cn.json ` +
        '(Chinese function names for Chinese Excel). Restore that file before building.',
    );
  }
  const loaded = require(ZH_PLUGIN_PATH);
  const Plugin = loaded && (loaded.ZhFunctionsPlugin || loaded.default || loaded);
  if (typeof Plugin !== 'function') {
    throw new Error(`${path.relative(__dirname, ZH_PLUGIN_PATH)} must export the ZhFunctionsPlugin class`);
  }
  return Plugin;
}

/**
 * HTTPS for the dev server: the Office dev certificates when they exist (trusted after
 * `npx office-addin-dev-certs install`); on Windows/macOS they are created and trusted on first run; elsewhere
 * webpack-dev-server makes a self-signed certificate the browser must be told to trust once.
 */
async function devServerHttps() {
  const dir = path.join(os.homedir(), '.office-addin-dev-certs');
  const files = { key: 'localhost.key', cert: 'localhost.crt', ca: 'ca.crt' };
  const present = Object.values(files).every((f) => fs.existsSync(path.join(dir, f)));
  if (present) {
    const options = {};
    for (const [k, f] of Object.entries(files)) options[k] = fs.readFileSync(path.join(dir, f));
    return { type: 'https', options };
  }
  if (process.platform === 'win32' || process.platform === 'darwin') {
    try {
      const devCerts = require('office-addin-dev-certs');
      return { type: 'https', options: await devCerts.getHttpsServerOptions() };
    } catch (err) {
      console.warn(`office-addin-dev-certs could not install a trusted certificate (${err.message}); using a self-signed one.`);
    }
  }
  return 'https';
}

module.exports = async (env = {}, argv = {}) => {
  const mode = argv.mode === 'development' ? 'development' : 'production';
  const prod = mode === 'production';
  const baseUrl = prod ? productionBaseUrl() : DEV_BASE_URL;
  const ZhFunctionsPlugin = loadZhFunctionsPlugin();
  const serving = Boolean(env.WEBPACK_SERVE || env.serve);

  return {
    mode,
    context: __dirname,
    target: ['web', 'es2019'],
    devtool: prod ? false : 'source-map',
    // Order matters only for readability: functions register first, then the commands, then the pane renders.
    entry: {
      functions: FUNCTIONS_SOURCE,
      commands: './src/commands/commands.ts',
      taskpane: './src/taskpane/index.tsx',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      // The manifest names functions.js (Functions.Script.Url), so that one keeps a stable name; taskpane.html
      // references it with a ?hash query in production so browsers still pick up new releases.
      filename: (pathData) => (!prod || pathData.chunk.name === 'functions' ? '[name].js' : '[name].[contenthash:8].js'),
      chunkFilename: prod ? '[name].[contenthash:8].js' : '[name].js',
      // Lazy view chunks resolve next to the script that loads them, wherever dist/ is hosted.
      publicPath: 'auto',
      clean: true,
    },
    resolve: { extensions: ['.tsx', '.ts', '.js'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              transpileOnly: true,
              configFile: path.resolve(__dirname, 'tsconfig.json'),
              // ES modules so webpack can split lazy views (import()) and drop unused code; tsconfig's commonjs is
              // for jest and the CLI.
              compilerOptions: { module: 'es2020', target: 'es2019', sourceMap: !prod },
            },
          },
        },
        {
          // Outside Office (the browser demo, tests) there is no CustomFunctions global: keep the generated
          // registrations from throwing there.
          test: FUNCTIONS_SOURCE,
          use: path.resolve(__dirname, 'scripts/webpack/associateGuardLoader.js'),
        },
      ],
    },
    optimization: {
      // One runtime for all entries: commands and pane share module instances (navigation state) in one page.
      runtimeChunk: 'single',
      splitChunks: { chunks: 'all' },
    },
    performance: { hints: false }, // sizes are tracked by `npm run bench` against the budget instead
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: 'functions.json', input: FUNCTIONS_SOURCE }),
      new ZhFunctionsPlugin({ source: 'functions.json', output: 'functions.zh-cn.json' }),
      // Microsoft's naming rules for ids and names, on both metadata files: a broken rule fails the build.
      new FunctionNamesPlugin({ files: ['functions.json', 'functions.zh-cn.json'] }),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        templateParameters: { officeJs: OFFICE_JS_CDN },
        scriptLoading: 'defer',
        hash: prod,
        minify: prod ? { collapseWhitespace: true, removeComments: true } : false,
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets', to: 'assets', globOptions: { ignore: ['**/*.md'] } },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: prod ? (content) => productionManifest(content.toString('utf8'), baseUrl) : undefined,
          },
        ],
      }),
    ],
    devServer: serving
      ? {
          port: DEV_PORT,
          host: 'localhost',
          server: await devServerHttps(),
          headers: { 'Access-Control-Allow-Origin': '*' },
          hot: false,
          client: { overlay: { errors: true, warnings: false } },
          static: false,
        }
      : undefined,
  };
};

module.exports.productionBaseUrl = productionBaseUrl;
module.exports.productionManifest = productionManifest;
module.exports.devServerHttps = devServerHttps;
module.exports.DEV_BASE_URL = DEV_BASE_URL;
module.exports.DEFAULT_BASE_URL = DEFAULT_BASE_URL;
module.exports.DEV_PORT = DEV_PORT;
