/** Entry of the task pane: renders at once, then again when Office answers (or is missing). */
import { createRoot } from 'react-dom/client';
import { OfficeHost } from '../host/officeHost';
import { App } from './App';
import { officePaneHost } from './officeActions';
import { detectStatus } from './status';
import { isDarkOfficeTheme } from './theme';

const container = document.getElementById('root');
if (container) {
  const root = createRoot(container);
  root.render(<App status="loading" />);
  const office = typeof Office === 'undefined' ? undefined : Office;
  detectStatus(office).then(
    (status) => {
      const ready = status === 'ready';
      root.render(
        <App
          status={status}
          host={ready ? officePaneHost(new OfficeHost()) : undefined}
          dark={ready && isDarkOfficeTheme(Office.context.officeTheme)}
        />,
      );
    },
    // Office.onReady failing is office.js not working: the same message as office.js missing.
    () => root.render(<App status="office-missing" />),
  );
}
