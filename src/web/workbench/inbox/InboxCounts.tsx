import { Button } from 'antd';
import type { Colour, Inbox } from '../../api/workflow';
import { useI18n } from '../../i18n';
import { COLOUR_LABEL, COLOURS } from '../../workflow/due';
import { ColourDot } from '../../workflow/DueText';

interface Props {
  counts: Inbox['counts'] | undefined;
  active: Colour | undefined;
  onPick: (colour: Colour | undefined) => void;
}

/** 全部 / 正常 / 临期 / 超期 / 暂停计时 with their counts; a click filters the list (again: all). */
export function InboxCounts({ counts, active, onPick }: Props) {
  const { t } = useI18n();
  const total = counts ? Object.values(counts).reduce((a, b) => a + b, 0) : undefined;
  return (
    <div className="inbox-counts" role="group" aria-label={t('inbox.filter')}>
      <Button className="inbox-count" type={active === undefined ? 'primary' : 'default'} aria-pressed={active === undefined} onClick={() => onPick(undefined)} data-testid="inbox-count-all">
        {t('inbox.all')}
        <span className="inbox-count-n">{total ?? '–'}</span>
      </Button>
      {COLOURS.map((colour) => (
        <Button
          key={colour}
          className="inbox-count"
          type={active === colour ? 'primary' : 'default'}
          ghost={active === colour}
          aria-pressed={active === colour}
          onClick={() => onPick(active === colour ? undefined : colour)}
          data-testid={`inbox-count-${colour}`}
          data-count={counts?.[colour] ?? ''}
        >
          <ColourDot colour={colour} />
          {t(COLOUR_LABEL[colour])}
          <span className="inbox-count-n">{counts?.[colour] ?? '–'}</span>
        </Button>
      ))}
    </div>
  );
}
