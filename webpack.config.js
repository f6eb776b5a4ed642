/**
 * Two builds: the task pane into dist/pane (`npm run build`, or `npm run dev-server` on
 * https://localhost:3000 with Office dev certificates, as manifest.xml expects), and the browser
 * preview of the same pane into dist/preview (`npm run preview` on http://localhost:3001).
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
  return env.preview !== undefined ? [preview] : [pane, preview];
};
module.exports.officeJsLocations = officeJsLocations;
