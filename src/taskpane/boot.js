/*
 * 考核助手 · the first script of the pane, inlined into taskpane.html before the bundle. It is ES5
 * on purpose (test/taskpane/boot.test.ts parses it as ES5): it must run where the bundle cannot.
 *
 * 1. Old webviews: Office 2016/2019 volume editions show panes in Internet Explorer 11, some Windows
 *    10 builds in EdgeHTML; neither runs the bundle (optional chaining, ??, classes …). There the
 *    pane says so in Chinese and points to the command line and the browser version, instead of
 *    staying blank.
 * 2. office.js, loaded without blocking the page, from each location in turn (Microsoft's CDN or
 *    the 21Vianet one, then the copy on the office's own server): the next location is tried as
 *    soon as one fails, or after STEP_MS when one does not answer (a firewall that drops packets);
 *    after DEADLINE_MS without Office the pane is told it failed. The bundle waits on
 *    window.kaoheOfficeJs (src/taskpane/officeLoader.ts).
 */
(function () {
  var DEADLINE_MS = 10000;
  var STEP_MS = 4000;
  var locations = window.KAOHE_OFFICE_JS || ['https://appsforoffice.microsoft.com/lib/1/hosted/office.js'];

  function show(title, lines) {
    var render = function () {
      var root = document.getElementById('root');
      if (!root) return;
      var box = document.createElement('div');
      box.setAttribute('role', 'alert');
      box.style.cssText = 'font-family: "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; margin: 12px; padding: 12px; border: 1px solid #c50f1f; background: #fdf3f4; color: #242424; line-height: 1.6;';
      var h = document.createElement('h1');
      h.style.cssText = 'font-size: 16px; margin: 0 0 8px 0;';
      h.appendChild(document.createTextNode(title));
      box.appendChild(h);
      for (var i = 0; i < lines.length; i++) {
        var p = document.createElement('p');
        p.style.margin = '0 0 6px 0';
        p.appendChild(document.createTextNode(lines[i]));
        box.appendChild(p);
      }
      root.innerHTML = '';
      root.appendChild(box);
    };
    if (document.getElementById('root')) render();
    else if (document.addEventListener) document.addEventListener('DOMContentLoaded', render);
    else window.attachEvent('onload', render);
  }

  // 1. Can this webview run the bundle? The syntax it uses, tried in a Function so that a parse error is caught here.
  var modern = true;
  try {
    modern = new Function('var a = { b: { c: 1 } }; class K { m() { return a?.b?.c ?? 0; } } return new K().m() === 1 && typeof Promise === "function" && typeof Symbol === "function";')();
    // ES5 has no catch without a binding.
    // eslint-disable-next-line @typescript-eslint/no-unused-vars
  } catch (e) {
    modern = false;
  }
  if (!modern) {
    window.kaoheOldWebview = true;
    show('此版本 Office 无法运行考核助手窗格', [
      'Office 2016、Office 2019（批量许可版）等版本用 Internet Explorer 11 或旧版 Edge 显示加载项窗格，考核助手的窗格无法在其中运行。',
      '请改用：命令行 kaohe（npx kaohe score 工作簿.xlsx --out 已评分.xlsx），或在 Chrome / 新版 Edge 浏览器中打开考核助手预览版；也可以升级到 Office 2021、LTSC 2024 或 Microsoft 365。',
    ]);
    return;
  }

  // 2. office.js.
  var state = { status: 'loading', tried: [], location: null, waiters: [] };
  window.kaoheOfficeJs = state;
  var settle = function (status, location) {
    if (state.status !== 'loading') return;
    state.status = status;
    state.location = location || null;
    var waiters = state.waiters;
    state.waiters = [];
    for (var i = 0; i < waiters.length; i++) waiters[i]();
  };
  var next = 0;
  var failed = 0;
  var step = null;
  var tryNext = function () {
    if (step) clearTimeout(step);
    if (state.status !== 'loading' || next >= locations.length) return;
    var src = locations[next++];
    var script = document.createElement('script');
    script.src = src;
    script.async = true;
    script.onload = function () {
      if (typeof window.Office !== 'undefined') settle('loaded', src);
      else {
        state.tried.push(src);
        failed++;
        if (failed === locations.length) settle('failed');
        else tryNext();
      }
    };
    script.onerror = function () {
      state.tried.push(src);
      failed++;
      if (failed === locations.length) settle('failed');
      else tryNext();
    };
    (document.head || document.getElementsByTagName('head')[0]).appendChild(script);
    // No answer yet: try the next location too, without waiting for this one to time out.
    step = setTimeout(function () {
      if (state.status === 'loading' && state.tried.indexOf(src) < 0) {
        state.tried.push(src);
        tryNext();
      }
    }, STEP_MS);
  };
  setTimeout(function () {
    for (var i = 0; i < locations.length; i++) if (state.tried.indexOf(locations[i]) < 0) state.tried.push(locations[i]);
    settle('failed');
  }, DEADLINE_MS);
  tryNext();
})();
