import { useId, useState } from 'react';

/**
 * The WAI-ARIA disclosure wiring shared by every show/hide control: open state, and the props that tie the button to
 * its panel. `onToggle` runs on each press (e.g. to start loading the panel's content the first time).
 */
export function useDisclosure(onToggle?: () => void) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  return {
    open,
    buttonProps: {
      type: 'button' as const,
      'aria-expanded': open,
      'aria-controls': panelId,
      onClick: () => {
        setOpen((o) => !o);
        onToggle?.();
      },
    },
    panelProps: { id: panelId, hidden: !open },
  };
}
