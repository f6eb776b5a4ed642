/**
 * Builds the task pane into dist/pane: `npm run build` (production) or `npm run dev-server`
 * (https://localhost:3000 with Office dev certificates, as manifest.xml expects).
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

module.exports = async (env, argv) => {
  const dev = argv.mode !== 'production';
  return {
    devtool: dev ? 'source-map' : false,
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/taskpane/commands.ts',
    },
    output: {
      path: path.resolve(__dirname, 'dist/pane'),
      filename: '[name].[contenthash:8].js',
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
            // ES modules for the bundle, or webpack cannot tree-shake Fluent UI (17 MB instead of ~300 KB).
            options: { configFile: 'tsconfig.json', transpileOnly: true, compilerOptions: { module: 'esnext', moduleResolution: 'bundler', sourceMap: dev } },
          },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './src/taskpane/taskpane.html', chunks: ['taskpane'] }),
      new HtmlWebpackPlugin({ filename: 'commands.html', template: './src/taskpane/commands.html', chunks: ['commands'] }),
      new HtmlWebpackPlugin({ filename: 'help.html', template: './src/taskpane/help.html', chunks: [] }),
      new CopyFilesPlugin([
        ...[16, 32, 64, 80].map((size) => [`assets/icon-${size}.png`, `assets/icon-${size}.png`]),
        ['manifest.xml', 'manifest.xml'],
      ]),
    ],
    performance: { hints: false },
    devServer: dev
      ? {
          port: 3000,
          headers: { 'Access-Control-Allow-Origin': '*' },
          server: await httpsServer(),
        }
      : undefined,
  };
};
