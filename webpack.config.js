/**
 * Three builds of one code base: the task pane into dist/pane (`npm run build`, or `npm run
 * dev-server` on https://localhost:3000 with Office dev certificates, as manifest.xml expects), the
 * browser preview of the same pane into dist/preview (`npm run preview` on http://localhost:3001),
 * and the single-file web version dist/web/考核助手.html (`npm run build:web`): the preview's page
 * with its script, styles, icon and workbook worker inlined, to open from file:// with no network.
 */
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const fs = require('fs');

/** Copies the icons and the manifest beside the pane (a few files; no plugin dependency needed). */
class CopyFilesPlugin {
  constructor(files) {
    this.files = files;
  }
  apply(compiler) {
    const { RawSource } = compiler.webpack.sources;
    compiler.hooks.thisCompilation.tap('CopyFilesPlugin', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'CopyFilesPlugin', stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        for (const [from, to] of this.files) {
          compilation.fileDependencies.add(path.resolve(__dirname, from));
          compilation.emitAsset(to, new RawSource(fs.readFileSync(path.resolve(__dirname, from))));
        }
      });
    });
  }
}

/** Office's trusted dev certificates; without them (e.g. no admin rights) webpack's own self-signed one. */
async function httpsServer() {
  try {
    return { type: 'https', options: await require('office-addin-dev-certs').getHttpsServerOptions() };
  } catch (error) {
    console.warn(`无法安装 Office 开发证书（${error.message}），改用自签名证书；浏览器会提示证书不受信任。`);
    return 'https';
  }
}

/**
 * Writes one self-contained HTML file: the template with the page's script inlined (after
 * minification) and the script asset dropped. Nothing is loaded from anywhere else.
 */
class SingleFilePlugin {
  constructor({ template, filename, icon }) {
    Object.assign(this, { template, filename, icon });
  }
  apply(compiler) {
    const { RawSource } = compiler.webpack.sources;
    compiler.hooks.thisCompilation.tap('SingleFilePlugin', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'SingleFilePlugin', stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_INLINE }, (assets) => {
        const scripts = Object.keys(assets).filter((name) => name.endsWith('.js'));
        // In a <script> element, '</script' and '<!--' would end or confuse it; '<\/' means the same in JS.
        const code = scripts.map((name) => assets[name].source().toString().replace(/<\/script/gi, '<\\/script').replace(/<!--/g, '<\\!--')).join('\n');
        const icon = `data:image/png;base64,${fs.readFileSync(path.resolve(__dirname, this.icon)).toString('base64')}`;
        const html = fs
          .readFileSync(path.resolve(__dirname, this.template), 'utf8')
          .replace('<!--ICON-->', () => `<link rel="icon" type="image/png" href="${icon}" />`)
          .replace('<!--SCRIPT-->', () => `<script>${code}</script>`);
        for (const name of scripts) compilation.deleteAsset(name);
        compilation.emitAsset(this.filename, new RawSource(html));
      });
    });
  }
}

const typescript = (dev) => ({
  test: /\.tsx?$/,
  exclude: /node_modules/,
  use: {
    loader: 'ts-loader',
    // ES modules for the bundle, or webpack cannot tree-shake Fluent UI (17 MB instead of ~300 KB).
    options: { configFile: 'tsconfig.json', transpileOnly: true, compilerOptions: { module: 'esnext', moduleResolution: 'bundler', sourceMap: dev } },
  },
});

/** Where the pane looks for office.js, in order. */
const OFFICE_JS = {
  microsoft: 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js',
  /** Microsoft 365 operated by 21Vianet (世纪互联): Microsoft's documented CDN for that cloud. */
  china: 'https://appsforoffice.cdn.partner.office365.cn/appsforoffice/lib/1/hosted/office.js',
};

/**
 * office.js locations for this build: `--env officejs=china` puts the 21Vianet CDN first;
 * `--env officejsFallback=<url>` names the copy on the office's own server (default: the folder
 * office-js/ beside taskpane.html, where README's 内网部署 says to put it; a missing copy fails at once).
 */
function officeJsLocations(env) {
  const cdn = env.officejs === 'china' ? OFFICE_JS.china : OFFICE_JS.microsoft;
  return [cdn, env.officejsFallback || 'office-js/office.js'];
}

/** What the pane's HTML templates fill in: the locations and the boot script, inline. */
function paneTemplateParameters(env) {
  return {
    officeJsLocations: JSON.stringify(officeJsLocations(env)),
    bootScript: fs.readFileSync(path.resolve(__dirname, 'src/taskpane/boot.js'), 'utf8'),
  };
}

module.exports = async (env, argv) => {
  const dev = argv.mode !== 'production';
  const common = {
    devtool: dev ? 'source-map' : false,
    resolve: { extensions: ['.tsx', '.ts', '.js'] },
    module: {
      rules: [
        typescript(dev),
        // chinese-days declares "type": "commonjs" but its "module" entry is an ES module: parse it as one.
        { test: /[\\/]chinese-days[\\/]dist[\\/]index\.es\.js$/, type: 'javascript/esm' },
      ],
    },
    performance: { hints: false },
  };
  const pane = {
    ...common,
    name: 'pane',
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/taskpane/commands.ts',
    },
    output: {
      path: path.resolve(__dirname, 'dist/pane'),
      filename: '[name].[contenthash:8].js',
      clean: true,
    },
    plugins: [
      new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './src/taskpane/taskpane.html', chunks: ['taskpane'], templateParameters: paneTemplateParameters(env) }),
      new HtmlWebpackPlugin({ filename: 'commands.html', template: './src/taskpane/commands.html', chunks: ['commands'], templateParameters: paneTemplateParameters(env) }),
      new HtmlWebpackPlugin({ filename: 'help.html', template: './src/taskpane/help.html', chunks: [] }),
      new CopyFilesPlugin([
        ...[16, 32, 64, 80].map((size) => [`assets/icon-${size}.png`, `assets/icon-${size}.png`]),
        ['manifest.xml', 'manifest.xml'],
      ]),
    ],
    devServer: dev && env.preview === undefined
      ? {
          port: 3000,
          headers: { 'Access-Control-Allow-Origin': '*' },
          server: await httpsServer(),
        }
      : undefined,
  };
  const preview = {
    ...common,
    name: 'preview',
    // ExcelJS's browser build (its package.json "browser" field) holds what it needs of Node.
    entry: { preview: './src/preview/index.tsx' },
    output: {
      path: path.resolve(__dirname, 'dist/preview'),
      filename: '[name].[contenthash:8].js',
      clean: true,
    },
    plugins: [
      new HtmlWebpackPlugin({ filename: 'index.html', template: './src/preview/preview.html', chunks: ['preview'] }),
      new CopyFilesPlugin([['examples/sample-2024.xlsx', 'sample-2024.xlsx']]),
    ],
    devServer: { port: 3001, open: false },
  };
  // The web version: its workbook worker first (target webworker), then the page with the worker's code inside.
  const workerFile = path.resolve(__dirname, 'dist/web-worker/worker.js');
  const webWorker = {
    ...common,
    name: 'web-worker',
    target: 'webworker',
    entry: { worker: './src/preview/worker.ts' },
    output: { path: path.dirname(workerFile), filename: 'worker.js', clean: true },
  };
  const web = {
    ...common,
    name: 'web',
    dependencies: ['web-worker'],
    devtool: false,
    entry: { web: './src/preview/index.tsx' },
    output: { path: path.resolve(__dirname, 'dist/web'), filename: '[name].js', clean: true },
    optimization: { splitChunks: false, runtimeChunk: false },
    plugins: [
      new (require('webpack').optimize.LimitChunkCountPlugin)({ maxChunks: 1 }),
      new (require('webpack').DefinePlugin)({
        KAOHE_WORKER_SOURCE: require('webpack').DefinePlugin.runtimeValue(() => JSON.stringify(fs.readFileSync(workerFile, 'utf8')), { fileDependencies: [workerFile] }),
      }),
      new SingleFilePlugin({ template: './src/preview/web.html', filename: '考核助手.html', icon: 'assets/icon-32.png' }),
    ],
  };
  if (env.web !== undefined) return [webWorker, web];
  return env.preview !== undefined ? [preview] : [pane, preview];
};
module.exports.officeJsLocations = officeJsLocations;
