/** The ribbon's function file. The only button opens the task pane, so it needs no functions. */
if (typeof Office !== 'undefined') {
  Office.onReady(() => undefined);
}
