/** Entry of the task pane: renders at once, then again when Office answers (or is missing). */
import { createRoot } from 'react-dom/client';
import { OfficeHost } from '../host/officeHost';
import { App } from './App';
import { officePaneHost } from './officeActions';
import { waitForOffice } from './officeLoader';
import { detectStatus } from './status';
import { isDarkOfficeTheme } from './theme';

const container = document.getElementById('root');
// On a webview too old for the bundle the boot script has said so; the bundle would not parse there anyway.
if (container && !(window as { kaoheOldWebview?: boolean }).kaoheOldWebview) {
  const root = createRoot(container);
  root.render(<App status="loading" />);
  waitForOffice()
    .then(async ({ office, tried }) => {
      const status = await detectStatus(office);
      const ready = status === 'ready';
      root.render(
        <App
          status={status}
          tried={tried}
          host={ready ? officePaneHost(new OfficeHost()) : undefined}
          dark={ready && isDarkOfficeTheme(Office.context.officeTheme)}
        />,
      );
    })
    // Office.onReady failing is office.js not working: the same message as office.js missing.
    .catch(() => root.render(<App status="office-missing" />));
}
