import { Alert, Button, Card, Checkbox, Input, Rate, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useLocation } from 'react-router-dom';
import { problemOf, type Problem } from '../../api/problem';
import { AsyncView } from '../../components/AsyncView';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useApi } from '../../hooks/useApi';
import { useI18n } from '../../i18n';
import { CertificatesShell } from '../certificates/CertificatesShell';
import { fetchMyRatings, submitRating, type MyRating } from './api';

const DIMENSIONS = ['overall', 'efficiency', 'guidance', 'convenience', 'usability'] as const;
type Dimension = (typeof DIMENSIONS)[number];

/** `/me/ratings` (signed in): my concluded applications; each is rated once (一事一评). */
export function MyRatingsPage() {
  const { t } = useI18n();
  const mine = useApi(fetchMyRatings, []);
  const { hash } = useLocation();
  // the application page links here with its business number: bring that one into view
  useEffect(() => {
    if (hash && mine.data) document.getElementById(`rating-${decodeURIComponent(hash.slice(1))}`)?.scrollIntoView({ block: 'start' });
  }, [hash, mine.data]);
  return (
    <CertificatesShell title={t('ratings.mine.title')} testId="my-ratings-page" signedIn>
      <div className="cert-list" data-testid="my-ratings" data-loading={mine.loading ? 'true' : 'false'}>
        <AsyncView state={mine} isEmpty={(items) => items.length === 0} emptyText={t('ratings.mine.empty')}>
          {(items) => items.map((item) => <RatingItem key={item.applicationId} item={item} onRated={mine.reload} />)}
        </AsyncView>
      </div>
    </CertificatesShell>
  );
}

function RatingItem({ item, onRated }: { item: MyRating; onRated: () => void }) {
  const { t } = useI18n();
  return (
    <Card size="small" id={`rating-${item.applicationNo}`} title={item.itemName} extra={item.applicationNo} data-testid={`my-rating-${item.applicationNo}`}>
      {item.rating ? (
        <>
          <Tag color={item.rating.bad ? 'red' : 'green'} data-testid="my-rating-done">
            {t('ratings.mine.done', { level: t(`ratings.level.${item.rating.overall as 1 | 2 | 3 | 4 | 5}`) })}
          </Tag>
          {item.rating.bad && <Alert type="info" showIcon message={t('ratings.mine.rectifying')} style={{ marginTop: 8 }} />}
        </>
      ) : (
        <RatingForm applicationId={item.applicationId} onRated={onRated} />
      )}
    </Card>
  );
}

function RatingForm({ applicationId, onRated }: { applicationId: string; onRated: () => void }) {
  const { t } = useI18n();
  const [scores, setScores] = useState<Record<Dimension, number>>({ overall: 0, efficiency: 0, guidance: 0, convenience: 0, usability: 0 });
  const [comment, setComment] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);
  const complete = DIMENSIONS.every((d) => scores[d] >= 1);
  const submit = async () => {
    setBusy(true);
    setProblem(undefined);
    try {
      await submitRating({ applicationId, ...scores, comment, anonymous });
      onRated();
    } catch (error) {
      setProblem(problemOf(error));
    } finally {
      setBusy(false);
    }
  };
  const tips = [1, 2, 3, 4, 5].map((l) => t(`ratings.level.${l as 1 | 2 | 3 | 4 | 5}`));
  return (
    <div className="rating-form" data-testid="rating-form">
      {DIMENSIONS.map((d) => (
        <div className="rating-dim" key={d}>
          <span>{t(`ratings.dim.${d}`)}</span>
          <Rate value={scores[d]} tooltips={tips} onChange={(v) => setScores({ ...scores, [d]: v })} data-testid={`rating-${d}`} />
        </div>
      ))}
      <Input.TextArea value={comment} onChange={(e) => setComment(e.target.value)} placeholder={t('ratings.mine.comment')} maxLength={500} rows={2} data-testid="rating-comment" />
      <Checkbox checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} style={{ margin: '8px 0' }}>
        {t('ratings.mine.anonymous')}
      </Checkbox>
      {problem && <ProblemAlert problem={problem} />}
      <div>
        <Button type="primary" disabled={!complete} loading={busy} onClick={() => void submit()} data-testid="rating-submit">
          {t('ratings.mine.submit')}
        </Button>
      </div>
    </div>
  );
}
