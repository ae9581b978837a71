/** Settings: the pane language (per user, kept in local storage, not in the workbook). */
import { Field, Radio, RadioGroup, Text } from '@fluentui/react-components';
import { ui } from '../../core/i18n/ui';
import { useT } from '../appContext';
import type { LangPref } from '../prefs';
import { useViewStyles } from '../shell/styles';

interface Props {
  pref: LangPref;
  onChange(pref: LangPref): void;
}

export default function SettingsView({ pref, onChange }: Props): JSX.Element {
  const tr = useT();
  const styles = useViewStyles();
  return (
    <section className={styles.stack}>
      <h2>{tr(ui.settingsHeading)}</h2>
      <Field label={tr(ui.languageLabel)}>
        <RadioGroup value={pref} onChange={(_, d) => onChange(d.value as LangPref)}>
          <Radio value="auto" label={tr(ui.languageAuto)} />
          <Radio value="zh-CN" label={tr(ui.languageZh)} />
          <Radio value="en-US" label={tr(ui.languageEn)} />
        </RadioGroup>
      </Field>
      <Text className={styles.muted}>{tr(ui.settingsStorageNote)}</Text>
    </section>
  );
}
