import type { PaneStatus } from './App';

/** What the pane should show, given the global `Office` (undefined when the CDN script failed to load). */
export async function detectStatus(office: typeof Office | undefined): Promise<PaneStatus> {
  if (office === undefined) return 'office-missing';
  const info = await office.onReady();
  return info.host === office.HostType.Excel ? 'ready' : 'not-excel';
}
