import type { PaneStatus } from './App';
import { officeReady } from './officeLoader';

/** What the pane should show, given the global `Office` (undefined when office.js could not be loaded). Office that never answers is treated as missing. */
export async function detectStatus(office: typeof Office | undefined, readyMs?: number): Promise<PaneStatus> {
  if (office === undefined) return 'office-missing';
  const info = await officeReady(office, readyMs);
  if (!info) return 'office-missing';
  return info.host === office.HostType.Excel ? 'ready' : 'not-excel';
}
