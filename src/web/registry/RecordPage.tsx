import { Alert, Button, Card, Descriptions, Space, Tag } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { useCan } from '../auth';
import { AsyncView } from '../components/AsyncView';
import { ButtonLink } from '../components/ButtonLink';
import { NotFound } from '../components/NotFound';
import { useApi } from '../hooks/useApi';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useI18n } from '../i18n';
import { fetchHistory, fetchRecord, type RecordView, type RegisterKey } from './api';
import { ObjectionDialog } from './ObjectionDialog';
import { RecordHistory } from './RecordHistory';
import { RevealDialog } from './RevealDialog';
import { registerOf, useFieldText, useRegisters } from './useRegisters';
import './registry.css';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `/work/registry/:register/:id`: the granted fields (masked), an audited reveal, history, and objections. */
export function RecordPage() {
  const { register = '', id = '' } = useParams();
  return UUID.test(id) && ['persons', 'legal-persons', 'places'].includes(register) ? <Record key={id} register={registerOf(register)} id={id} /> : <NotFound />;
}

function Record({ register, id }: { register: RegisterKey; id: string }) {
  const { lang, t } = useI18n();
  useDocumentTitle(t('registry.record'));
  const registers = useRegisters();
  const text = useFieldText(registers.data);
  const record = useApi((signal) => fetchRecord(register, id, signal), [register, id]);
  const history = useApi((signal) => fetchHistory(register, id, signal), [register, id]);
  const canReveal = useCan('personal:reveal');
  const canObject = useCan('registry:objection.raise');
  const [revealed, setRevealed] = useState<RecordView>();
  const [dialog, setDialog] = useState<'reveal' | 'objection'>();
  const info = registers.data?.items.find((r) => r.key === register);

  return (
    <div className="work-stack" data-testid="registry-record-page">
      <div>
        <ButtonLink to={`/work/registry?r=${register}`}>‹ {t('registry.back')}</ButtonLink>
      </div>
      <AsyncView state={record}>
        {(loaded) => {
          const view = revealed ?? loaded;
          return (
            <Card
              title={`${info?.[lang] ?? ''} · ${t('registry.version', { version: view.version })}`}
              extra={
                <Space>
                  {canReveal && !revealed && loaded.masked.length > 0 && (
                    <Button onClick={() => setDialog('reveal')} data-testid="registry-reveal">
                      {t('registry.reveal')}
                    </Button>
                  )}
                  {canObject && (
                    <Button onClick={() => setDialog('objection')} data-testid="registry-objection">
                      {t('registry.objection')}
                    </Button>
                  )}
                </Space>
              }
            >
              {revealed && <Alert type="info" showIcon message={t('registry.revealed')} style={{ marginBottom: 16 }} data-testid="registry-revealed" />}
              <Descriptions column={{ xs: 1, md: 2 }} bordered size="small">
                {(info?.fields ?? []).filter((f) => f.key in view.fields).map((f) => (
                  <Descriptions.Item key={f.key} label={f[lang]}>
                    <span data-testid={`registry-field-${f.key}`}>{text(register, f.key, view.fields[f.key])}</span>
                    {view.masked.includes(f.key) && <Tag className="registry-masked-tag">{t('registry.masked')}</Tag>}
                  </Descriptions.Item>
                ))}
              </Descriptions>
            </Card>
          );
        }}
      </AsyncView>
      <Card title={t('registry.history')}>
        <AsyncView state={history}>{(versions) => <RecordHistory register={register} info={info} versions={versions} text={text} />}</AsyncView>
      </Card>
      <RevealDialog
        open={dialog === 'reveal'}
        register={register}
        id={id}
        onClose={() => setDialog(undefined)}
        onRevealed={(view) => {
          setRevealed(view);
          setDialog(undefined);
        }}
      />
      <ObjectionDialog open={dialog === 'objection'} register={register} id={id} info={info} onClose={() => setDialog(undefined)} />
    </div>
  );
}
