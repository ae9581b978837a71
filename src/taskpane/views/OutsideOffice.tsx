/** A plain browser (no Office host): say clearly, in both languages, where the add-in runs, and offer the demo. */
import { Text, tokens } from '@fluentui/react-components';
import { ui } from '../../core/i18n/ui';
import { useViewStyles } from '../shell/styles';

export function OutsideOffice(): JSX.Element {
  const styles = useViewStyles();
  return (
    <section className={styles.stack} style={{ padding: 16 }} data-testid="outside-office">
      <h1>
        {ui.outsideTitle['zh-CN']} / {ui.outsideTitle['en-US']}
      </h1>
      <Text lang="zh-CN">{ui.outsideBody['zh-CN']}</Text>
      <Text lang="en-US">{ui.outsideBody['en-US']}</Text>
      <a href="?demo" style={{ color: tokens.colorBrandForegroundLink }}>
        {ui.outsideDemoLink['zh-CN']} / {ui.outsideDemoLink['en-US']}
      </a>
    </section>
  );
}
