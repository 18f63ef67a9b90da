/**
 * Builds the task pane (taskpane.html; index.html is the same pane as the browser page, without office.js),
 * the ribbon's function file (commands.html), the support page and
 * copies manifest.xml and assets/ into dist/. Shaped like the official Office task-pane template, with:
 * - ts-loader (transpile only; `npm run typecheck` type-checks) and ESM output so `import()` splits chunks;
 * - no eval-based source maps (the pages' Content-Security-Policy forbids eval) and none in production;
 * - `npm run dev-server`: https://localhost:3000 with office-addin-dev-certs when a trusted certificate is
 *   installed or can be installed without a password prompt; otherwise plain http and one line saying why.
 *
 * Environment:
 *   SHINCHOKU_ORIGIN=https://addins.example.lg.jp  rewrites https://localhost:3000 in dist/manifest.xml
 *   SHINCHOKU_DEV_HTTP=1                            dev-server: skip certificates, serve http
 */
const path = require('path');
const { execFileSync } = require('child_process');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const DEV_ORIGIN = 'https://localhost:3000';
const PORT = 3000;

/** The origin the built manifest points at (a deployment sets SHINCHOKU_ORIGIN; default: localhost). */
function deploymentOrigin() {
  const raw = process.env.SHINCHOKU_ORIGIN;
  if (!raw) return DEV_ORIGIN;
  const url = new URL(raw);
  if (url.protocol !== 'https:' || url.origin !== raw.replace(/\/$/, '')) {
    throw new Error(`webpack.config.js: SHINCHOKU_ORIGIN must be a bare https origin, got "${raw}"`);
  }
  return url.origin;
}

/**
 * Why certificates cannot be installed without someone typing a password, or null when they can.
 * Linux installs the CA with `sudo`: only try when sudo exists and will not stop to ask for a password.
 */
function whyNoSilentCertificateInstall() {
  if (process.platform === 'win32' || process.platform === 'darwin') return null; // the OS shows its own dialog
  try {
    execFileSync('sudo', ['-n', 'true'], { stdio: 'ignore', timeout: 5000 });
    return null;
  } catch (err) {
    return err.code === 'ENOENT' ? 'sudo is not installed' : 'sudo would ask for a password';
  }
}

function httpFallback(reason) {
  console.warn(
    `[shinchoku] dev-server: ${reason}; serving http://localhost:${PORT} (a browser works, Office needs https). ` +
      'To trust a localhost certificate: npx office-addin-dev-certs install (needs sudo), or the manual ' +
      'update-ca-certificates steps in docs/sideload.md.',
  );
  return { type: 'http' };
}

/** https options for webpack-dev-server, or http with one explanatory line. Never waits on a prompt. */
async function devServerTransport() {
  if (process.env.SHINCHOKU_DEV_HTTP === '1') return httpFallback('SHINCHOKU_DEV_HTTP=1');
  let devCerts;
  try {
    devCerts = require('office-addin-dev-certs');
  } catch (err) {
    return httpFallback(`office-addin-dev-certs is not installed (${err.message})`);
  }
  let trusted = false;
  try {
    trusted = devCerts.verifyCertificates();
  } catch {
    trusted = false;
  }
  const blocker = trusted ? null : whyNoSilentCertificateInstall();
  if (blocker) return httpFallback(`no trusted localhost certificate and ${blocker}`);
  try {
    const options = await devCerts.getHttpsServerOptions();
    return { type: 'https', options };
  } catch (err) {
    return httpFallback(`certificate setup failed: ${String(err.message).split('\n')[0]}`);
  }
}

module.exports = async (env = {}, argv = {}) => {
  const dev = argv.mode !== 'production';
  const origin = deploymentOrigin();
  const serving = Boolean(env.WEBPACK_SERVE);

  return {
    mode: dev ? 'development' : 'production',
    context: __dirname,
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: dev ? '[name].js' : '[name].[contenthash:8].js',
      chunkFilename: dev ? '[name].chunk.js' : '[name].[contenthash:8].chunk.js',
      publicPath: 'auto',
      clean: true,
    },
    // 'source-map' writes .map files next to the bundles (same origin); eval-* would break the CSP.
    devtool: dev ? 'source-map' : false,
    resolve: {
      extensions: ['.ts', '.tsx', '.js', '.json'],
      // The browser build of ExcelJS (self-contained; the package's main entry expects Node's fs/stream).
      alias: { exceljs$: 'exceljs/dist/exceljs.min.js' },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              transpileOnly: true,
              compilerOptions: { module: 'esnext', moduleResolution: 'bundler', sourceMap: dev },
            },
          },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
        scriptLoading: 'defer',
      }),
      // The browser page: the same bundle without office.js, so that outside Office no request leaves the
      // machine (taskpane.html, which Excel opens, loads office.js from Microsoft's CDN).
      new HtmlWebpackPlugin({
        filename: 'index.html',
        template: './src/taskpane/browser.html',
        chunks: ['taskpane'],
        scriptLoading: 'defer',
      }),
      new HtmlWebpackPlugin({
        filename: 'commands.html',
        template: './src/commands/commands.html',
        chunks: ['commands'],
        scriptLoading: 'defer',
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'src/support/support.html', to: 'support.html' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) =>
              origin === DEV_ORIGIN ? content : Buffer.from(content.toString('utf8').split(DEV_ORIGIN).join(origin)),
          },
        ],
      }),
    ],
    performance: dev
      ? false
      : {
          // A task pane starts on a cold cache inside Office: keep the first screen's script small (400 KiB
          // minified ≈ 125 kB gzip; React + Fluent take ≈ 270 KiB of it today). Lazily loaded chunks (the
          // engine, ExcelJS for the browser page, ≈ 1 MiB) may be larger.
          hints: 'warning',
          maxEntrypointSize: 400 * 1024,
          maxAssetSize: 1100 * 1024,
          assetFilter: (file) => file.endsWith('.js'),
        },
    devServer: serving
      ? {
          port: PORT,
          host: 'localhost',
          server: await devServerTransport(),
          static: false,
          hot: false,
          liveReload: true,
          client: { overlay: { errors: true, warnings: false } },
        }
      : undefined,
  };
};
