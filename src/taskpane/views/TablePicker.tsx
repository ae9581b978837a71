/** Asked when more than one table could be the log: the user picks, then the template step runs again. */
import { useState } from 'react';
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Radio, RadioGroup } from '@fluentui/react-components';
import { ui } from '../../core/i18n/ui';
import { useT } from '../appContext';

interface Props {
  candidates: string[];
  onPick(name: string): void;
  onCancel(): void;
}

export default function TablePicker({ candidates, onPick, onCancel }: Props): JSX.Element {
  const tr = useT();
  const [choice, setChoice] = useState(candidates[0] ?? '');
  return (
    <Dialog open modalType="alert">
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{tr(ui.ambiguousTitle)}</DialogTitle>
          <DialogContent>
            <p>{tr(ui.ambiguousBody)}</p>
            <RadioGroup value={choice} onChange={(_, d) => setChoice(d.value)} aria-label={tr(ui.ambiguousTitle)}>
              {candidates.map((c) => (
                <Radio key={c} value={c} label={c} />
              ))}
            </RadioGroup>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabled={!choice} onClick={() => onPick(choice)}>
              {tr(ui.useThisTable)}
            </Button>
            <Button onClick={onCancel}>{tr(ui.cancel)}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
