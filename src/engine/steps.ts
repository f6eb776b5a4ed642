/**
 * Long work written once, run two ways. A function that may take long on a large workbook (reading
 * 300 unit sheets, making 300 signed sheets) is written as a generator that yields between its
 * parts; it does nothing else when it yields. The command line runs it at once (runSteps); the
 * pane runs it in slices between frames (taskpane/slices.ts), so the page never freezes.
 *
 *   function* countSteps(n: number): Steps<number> { let s = 0; for (let i = 0; i < n; i++) { s += i; yield; } return s; }
 *   runSteps(countSteps(3)) → 3
 */
export type Steps<T> = Generator<void, T, void>;

/** Runs the work to its end, without pausing. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}
