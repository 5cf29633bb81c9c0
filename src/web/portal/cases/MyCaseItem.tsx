import { Button, Card, Rate, Space, Typography, message } from 'antd';
import { useState } from 'react';
import { rateCase, type MyCase } from '../../api/cases';
import { problemOf, type Problem } from '../../api/problem';
import { StateTag } from '../../cases/StateTag';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatDateTime } from '../../format';
import { useI18n } from '../../i18n';

/** One of my reports: number, class, state, place, time; 1–5 stars once it is closed. */
export function MyCaseItem({ item, onRated }: { item: MyCase; onRated: () => void }) {
  const { lang, t } = useI18n();
  const [stars, setStars] = useState(0);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem>();
  const rate = async () => {
    setBusy(true);
    setProblem(undefined);
    try {
      await rateCase(item.id, stars);
      void message.success(t('cases.mine.rated'));
      onRated();
    } catch (error) {
      setProblem(problemOf(error));
      setBusy(false);
    }
  };
  return (
    <Card size="small" data-testid={`mycase-${item.caseNo}`} data-state={item.status}>
      <Space direction="vertical" size={4} style={{ width: '100%' }}>
        <Space wrap>
          <Typography.Text strong>{item.className}</Typography.Text>
          <StateTag state={item.status} testId={`mycase-state-${item.caseNo}`} />
        </Space>
        <Typography.Text type="secondary">
          {t('cases.caseNo')} {item.caseNo} · {formatDateTime(item.reportedAt, lang)}
        </Typography.Text>
        {item.address && <Typography.Text>{item.address}</Typography.Text>}
        {item.rating !== null && (
          <span data-testid={`mycase-rating-${item.caseNo}`} data-stars={item.rating}>
            {t('cases.mine.yourRating')} <Rate disabled value={item.rating} />
          </span>
        )}
        {item.rating === null && item.status === 'closed' && (
          <Space wrap>
            <span>{t('cases.mine.rateHint')}</span>
            <Rate value={stars} onChange={setStars} data-testid={`mycase-rate-${item.caseNo}`} />
            <Button type="primary" size="small" disabled={stars === 0} loading={busy} onClick={() => void rate()} data-testid={`mycase-rate-submit-${item.caseNo}`}>
              {t('cases.mine.rate')}
            </Button>
          </Space>
        )}
        {problem && <ProblemAlert problem={problem} />}
      </Space>
    </Card>
  );
}
