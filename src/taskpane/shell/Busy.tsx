/** A light "loading" line for the first paint (Fluent's Spinner stays out of the first chunk). */
import { Text } from '@fluentui/react-components';

export function Busy({ label }: { label: string }): JSX.Element {
  return (
    <Text role="status" size={200} italic>
      {label}
    </Text>
  );
}
