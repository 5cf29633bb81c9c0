import { Card, Empty, Typography } from 'antd';
import { useState } from 'react';
import { findCitizens, type Citizen } from '../../api/citizens';
import { problemOf, type Problem } from '../../api/problem';
import { useCan } from '../../auth';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n';
import { CitizenCard } from './CitizenCard';
import { citizenQueryOf } from './citizenQuery';
import { CitizenSearch } from './CitizenSearch';
import { RevealDialog } from './RevealDialog';

/** `/work/citizens` (identity:citizen.lookup): masked lookup; audited reveal with personal:reveal. */
export function CitizensPage() {
  const { t } = useI18n();
  const canReveal = useCan('personal:reveal');
  const [results, setResults] = useState<Citizen[]>();
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);
  const [revealing, setRevealing] = useState<Citizen>();

  const onSearch = async (input: string) => {
    const query = citizenQueryOf(input);
    if (!query) return;
    setBusy(true);
    setProblem(undefined);
    try {
      setResults(await findCitizens(query));
    } catch (error) {
      setResults(undefined);
      setProblem(problemOf(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="work-stack" data-testid="citizens-page">
      <Card title={t('citizens.title')}>
        <Typography.Paragraph type="secondary">{t('citizens.hint')}</Typography.Paragraph>
        <CitizenSearch busy={busy} onSearch={(input) => void onSearch(input)} />
      </Card>
      {problem && <ProblemAlert problem={problem} />}
      {results && results.length === 0 && (
        <Card>
          <Empty description={t('citizens.noResult')} />
        </Card>
      )}
      {results?.map((citizen) => (
        <CitizenCard key={citizen.id} citizen={citizen} canReveal={canReveal} onReveal={setRevealing} />
      ))}
      <RevealDialog citizen={revealing} onClose={() => setRevealing(undefined)} />
    </div>
  );
}
