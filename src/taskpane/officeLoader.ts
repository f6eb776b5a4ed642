/**
 * Office.js as the boot script (boot.js, inlined before the bundle) loaded it: from which
 * location, or which locations it tried before giving up (within 10 s, also when a request never
 * answers). The bundle never loads office.js itself and never waits longer than the boot script.
 */

/** What the boot script reports on window.kaoheOfficeJs. */
interface BootState {
  status: 'loading' | 'loaded' | 'failed';
  tried: string[];
  location: string | null;
  waiters: (() => void)[];
}

export interface OfficeJsLoad {
  /** The Office global, when office.js loaded. */
  office?: typeof Office;
  /** Where it came from. */
  location?: string;
  /** Where it was looked for in vain, in order. */
  tried: string[];
}

/** Waits for the boot script's verdict. Without a boot script (a page that loads office.js itself), whatever Office there is. */
export function waitForOffice(win: Window & { kaoheOfficeJs?: BootState; Office?: typeof Office } = window): Promise<OfficeJsLoad> {
  const state = win.kaoheOfficeJs;
  const verdict = (): OfficeJsLoad => {
    const tried = [...new Set(state?.tried ?? [])];
    return win.Office !== undefined && state?.status !== 'failed' ? { office: win.Office, location: state?.location ?? undefined, tried } : { tried };
  };
  if (!state || state.status !== 'loading') return Promise.resolve(verdict());
  return new Promise((resolve) => state.waiters.push(() => resolve(verdict())));
}

/** Office.onReady, or undefined when Office does not answer within `ms` (office.js loaded but no Office around it answers). */
export async function officeReady(office: typeof Office, ms = 10_000): Promise<{ host: Office.HostType | null } | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([office.onReady(), new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}
