/**
 * Text for a terminal. A cell can hold control characters (ESC [2J clears the screen, BEL rings):
 * printed raw they would act on the user's terminal. They are shown as visible symbols instead
 * (␛, ␇ …); the workbook's cells are never changed for this.
 */

// C0 controls except tab and line feed, DEL, and the C1 controls.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f\u0080-\u009f]/g;

/** terminalSafe('张庄村\u001b[2J') → '张庄村␛[2J' */
export function terminalSafe(text: string): string {
  return text.replace(CONTROL, (ch) => {
    const code = ch.charCodeAt(0);
    if (code < 0x20) return String.fromCharCode(0x2400 + code);
    if (code === 0x7f) return '\u2421';
    return '\ufffd';
  });
}
