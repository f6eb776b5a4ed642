/** Entry of the task pane: renders at once, then again when Office answers (or is missing). */
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { detectStatus } from './status';

const container = document.getElementById('root');
if (container) {
  const root = createRoot(container);
  root.render(<App status="loading" />);
  void detectStatus(typeof Office === 'undefined' ? undefined : Office).then((status) => root.render(<App status={status} />));
}
