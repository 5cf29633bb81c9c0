import { Rate, Typography } from 'antd';
import { useApi } from '../../hooks/useApi';
import { useI18n } from '../../i18n';
import { fetchRatingSummary } from './api';
import { percent } from './RatingsPage';

/** The item's 好差评 for its guide page (办事指南): overall stars, count and satisfaction rate. */
export function ItemRatingSummary({ code }: { code: string }) {
  const { t } = useI18n();
  const summary = useApi((signal) => fetchRatingSummary('item', code, signal), [code]);
  const s = summary.data?.[0];
  if (summary.loading && !summary.data) return null;
  return (
    <div data-testid="item-rating" className="item-rating">
      {s ? (
        <>
          <Rate disabled allowHalf value={Math.round(s.averages.overall * 2) / 2} />{' '}
          <Typography.Text type="secondary">{t('ratings.item.summary', { total: s.total, rate: percent(s.satisfaction) })}</Typography.Text>
        </>
      ) : (
        <Typography.Text type="secondary">{t('ratings.none')}</Typography.Text>
      )}
    </div>
  );
}
