import { Tag } from 'antd';
import { useI18n, type MessageKey, type Translate } from '../i18n';

/** The states of `interaction.ticket` in the order a ticket goes through them, plus 撤回. */
export const TICKET_STATES = ['registered', 'to_dispatch', 'to_sign', 'handling', 'to_visit', 'closed', 'rejected', 'withdrawn'] as const;

/** Waiting at the centre warm, at a department blue, finished green or grey. */
const COLOURS: Record<string, string> = {
  registered: '#fa8c16',
  to_dispatch: '#eb2f96',
  to_sign: '#13c2c2',
  handling: '#1677ff',
  to_visit: '#722ed1',
  closed: '#389e0d',
  rejected: '#a6a6a6',
  withdrawn: '#bfbfbf',
};

export function ticketStateLabel(t: Translate, state: string): string {
  return (TICKET_STATES as readonly string[]).includes(state) ? t(`interaction.state.${state}` as MessageKey) : state;
}

export function TicketState({ state, testId }: { state: string; testId?: string }) {
  const { t } = useI18n();
  return (
    <Tag color={COLOURS[state] ?? '#595959'} data-testid={testId} data-state={state}>
      {ticketStateLabel(t, state)}
    </Tag>
  );
}
