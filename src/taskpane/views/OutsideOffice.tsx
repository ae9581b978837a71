/** A plain browser (no Office host): say clearly, in both languages, where the add-in runs, and offer the demo. */
import { Link, Text } from '@fluentui/react-components';
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
      <Link href="?demo">
        {ui.outsideDemoLink['zh-CN']} / {ui.outsideDemoLink['en-US']}
      </Link>
    </section>
  );
}
