import { Button, Card, List, Popconfirm, Typography, type ButtonProps } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { fetchCases, mergeCase, type CaseDetail } from '../../api/cases';
import { problemOf, type Problem } from '../../api/problem';
import { DUPLICATE_HOURS, DUPLICATE_METRES, metresBetween } from '../../cases/distance';
import { StateTag } from '../../cases/StateTag';
import { isFinished } from '../../cases/states';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatDateTime } from '../../format';
import { useApi } from '../../hooks/useApi';
import { useI18n } from '../../i18n';

/** Open cases of the same class reported up to 24 h before this one within 50 m, nearest first. */
async function nearbyEarlier(detail: CaseDetail, signal: AbortSignal) {
  const reported = new Date(detail.reportedAt).getTime();
  const items = await fetchCases({ classCode: detail.class.code, from: new Date(reported - DUPLICATE_HOURS * 3_600_000).toISOString(), limit: 500 }, signal);
  return items
    .filter((c) => c.id !== detail.id && !isFinished(c.status) && new Date(c.reportedAt).getTime() <= reported)
    .map((c) => ({ ...c, metres: metresBetween(c, detail) }))
    .filter((c) => c.metres <= DUPLICATE_METRES)
    .sort((a, b) => a.metres - b.metres);
}

/** 疑似重复: for the operator, the earlier open cases nearby; merging ends this report as a duplicate of one. */
export function DuplicatesCard({ detail, onDone }: { detail: CaseDetail; onDone: (notice: string) => void }) {
  const { lang, t } = useI18n();
  const nearby = useApi((signal) => nearbyEarlier(detail, signal), [detail.id]);
  const [busy, setBusy] = useState<string>();
  const [problem, setProblem] = useState<Problem>();
  const merge = async (caseNo: string) => {
    setBusy(caseNo);
    setProblem(undefined);
    try {
      await mergeCase(detail.instanceId, caseNo, t('cases.duplicates.comment', { caseNo }));
      onDone(t('cases.duplicates.merged', { caseNo }));
    } catch (error) {
      setProblem(problemOf(error));
    }
    setBusy(undefined);
  };
  const items = nearby.data ?? [];
  return (
    <Card title={t('cases.duplicates.title')} data-testid="duplicates-card" data-count={items.length}>
      {problem && <ProblemAlert problem={problem} />}
      <List
        loading={nearby.loading}
        dataSource={items}
        locale={{ emptyText: t('cases.duplicates.none') }}
        renderItem={(c) => (
          <List.Item
            data-testid={`duplicate-${c.caseNo}`}
            actions={[
              <Popconfirm
                key="merge"
                title={t('cases.duplicates.confirm', { caseNo: c.caseNo })}
                okText={t('cases.duplicates.merge')}
                cancelText={t('common.cancel')}
                okButtonProps={{ 'data-testid': `duplicate-merge-confirm-${c.caseNo}` } as ButtonProps}
                onConfirm={() => merge(c.caseNo)}
              >
                <Button size="small" loading={busy === c.caseNo} data-testid={`duplicate-merge-${c.caseNo}`}>
                  {t('cases.duplicates.merge')}
                </Button>
              </Popconfirm>,
            ]}
          >
            <List.Item.Meta
              title={<Link to={`/work/cases/${c.id}`}>{c.caseNo}</Link>}
              description={
                <Typography.Text type="secondary">
                  <StateTag state={c.status} /> {t('cases.duplicates.distance', { metres: Math.round(c.metres) })} · {formatDateTime(c.reportedAt, lang)}
                </Typography.Text>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
