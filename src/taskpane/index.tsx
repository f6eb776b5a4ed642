/** Entry of the task pane: renders at once, then again when Office answers (or is missing). */
import { createRoot } from 'react-dom/client';
import { OfficeHost } from '../host/officeHost';
import { App } from './App';
import { detectStatus } from './status';

const container = document.getElementById('root');
if (container) {
  const root = createRoot(container);
  root.render(<App status="loading" />);
  const office = typeof Office === 'undefined' ? undefined : Office;
  void detectStatus(office).then((status) => {
    const dark = status === 'ready' && Boolean((Office.context as { officeTheme?: { isDarkTheme?: boolean } }).officeTheme?.isDarkTheme);
    root.render(<App status={status} host={status === 'ready' ? new OfficeHost() : undefined} dark={dark} />);
  });
}
