/**
 * Runs long work (engine/steps.ts) in slices: a slice goes on until it has taken `budget` ms, then
 * the browser gets the main thread back (to paint the progress, take a click) before the next. So
 * scoring or making the outputs of 300 units never freezes a frame for long, and the work is the
 * very same code the command line runs at once.
 */
import type { Steps } from '../engine/steps';

/** Time for one slice, well under the 200 ms a user feels as a freeze. */
const BUDGET_MS = 40;

export async function runSliced<T>(steps: Steps<T>, budget = BUDGET_MS): Promise<T> {
  let start = now();
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    if (now() - start >= budget) {
      await yieldToBrowser();
      start = now();
    }
  }
}

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}

/** A macrotask later: the browser paints and handles input in between. */
function yieldToBrowser(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
