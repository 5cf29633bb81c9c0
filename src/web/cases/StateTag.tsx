import { Tag } from 'antd';
import { useI18n } from '../i18n';
import { stateColour, stateLabel } from './states';

/** A case's state as a coloured tag (the marker colour on the maps). */
export function StateTag({ state, testId }: { state: string; testId?: string }) {
  const { t } = useI18n();
  return (
    <Tag color={stateColour(state)} data-testid={testId} data-state={state}>
      {stateLabel(t, state)}
    </Tag>
  );
}
