/**
 * An item's reason (扣分原因 or 加分依据): typed freely, or picked from suggestions (entry/reasons) —
 * the item's rules and the reasons already used in this workbook. A combobox with a listbox: ↓ opens
 * the list at its first suggestion, ↑/↓ move, Enter takes the one shown and the form's Enter moves
 * on; Esc closes the list; a click on the field or its arrow opens it, a click on a suggestion takes
 * it. Enter never opens the list: in the form it means "next field". What is typed filters the list
 * (characters or pinyin), and nothing is taken unless chosen.
 */
import * as React from 'react';
import { Combobox, Option } from '@fluentui/react-components';
import { searchBy } from './textSearch';

/** At most this many suggestions show at once; typing narrows them. */
const SHOWN = 12;

export interface ReasonInputProps {
  value: string;
  onValue: (value: string) => void;
  suggestions: readonly string[];
  ariaLabel: string;
  className: string;
  /** The form's item key ('0.3', 'a.2') and whether points were lost: the form's Enter order reads them. */
  item: string;
  lost: boolean;
}

export function ReasonInput(props: ReasonInputProps): React.JSX.Element {
  const [open, setOpen] = React.useState(false);
  // How the list was last opened: by ↓/↑ (its first suggestion is shown active), by a click, or by typing (filtered).
  const [by, setBy] = React.useState<'keys' | 'click' | 'typing'>('click');
  const all = props.suggestions;
  const shown = (by === 'typing' ? searchBy(all, props.value, (s) => [s]) : [...all]).slice(0, SHOWN);
  return (
    <Combobox
      freeform
      className={props.className}
      size="large"
      value={props.value}
      open={open && shown.length > 0}
      // Nothing is chosen unless ↓ showed it: Enter after typing or a click keeps what is in the field.
      disableAutoFocus={by !== 'keys'}
      selectedOptions={shown.includes(props.value) ? [props.value] : []}
      aria-label={props.ariaLabel}
      data-kaohe-step="reason"
      data-kaohe-item={props.item}
      data-kaohe-lost={props.lost ? 'true' : 'false'}
      expandIcon={{ tabIndex: -1, 'aria-label': `${props.ariaLabel}：常用原因` }}
      onOpenChange={(e, d) => {
        const key = (e as React.KeyboardEvent).key;
        // Enter on a closed list is the form's "next field", not "open".
        if (d.open && key === 'Enter') return;
        if (d.open && !open) setBy(key === 'ArrowDown' || key === 'ArrowUp' ? 'keys' : key === undefined ? 'click' : 'typing');
        setOpen(d.open);
      }}
      onChange={(e) => {
        setBy('typing');
        props.onValue(e.target.value);
      }}
      onOptionSelect={(_e, d) => {
        if (d.optionText !== undefined) props.onValue(d.optionText);
      }}
    >
      {shown.map((s) => (
        <Option key={s} value={s} text={s}>
          {s}
        </Option>
      ))}
    </Combobox>
  );
}
