import { Button, Card, Form, Input, Segmented, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { problemOf, type Problem } from '../api/problem';
import { useCan } from '../auth';
import { ButtonLink } from '../components/ButtonLink';
import { ProblemAlert } from '../components/ProblemAlert';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useI18n } from '../i18n';
import { searchRecords, type RegisterKey, type SearchQuery, type SearchResult } from './api';
import { registerOf, useFieldText, useRegisters } from './useRegisters';

const criteria: Record<RegisterKey, Array<'idNumber' | 'creditCode' | 'name' | 'address'>> = {
  persons: ['idNumber', 'name', 'address'],
  'legal-persons': ['creditCode', 'name', 'address'],
  places: ['address'],
};
const PAGE = 20;

/** `/work/registry`: search one register by its criteria; results show only granted fields, masked. */
export function RegistrySearchPage() {
  const { lang, t } = useI18n();
  useDocumentTitle(t('registry.title'));
  const [params, setParams] = useSearchParams();
  const register = registerOf(params.get('r'));
  const registers = useRegisters();
  const text = useFieldText(registers.data);
  const canImport = useCan('registry:maintain');
  const [form] = Form.useForm<Record<string, string>>();
  const [result, setResult] = useState<SearchResult>();
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);
  const info = registers.data?.items.find((r) => r.key === register);
  const columns = (info?.fields ?? []).filter((f) => f.key !== 'sourceOrg').slice(0, 6);

  const run = async (page: number) => {
    const values = form.getFieldsValue();
    const query: SearchQuery = { page, pageSize: PAGE };
    for (const key of criteria[register]) if (values[key]?.trim()) query[key] = values[key].trim();
    setBusy(true);
    setProblem(undefined);
    try {
      setResult(await searchRecords(register, query));
    } catch (error) {
      setResult(undefined);
      setProblem(problemOf(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="work-stack" data-testid="registry-page">
      <Card
        title={t('registry.title')}
        extra={canImport && <ButtonLink to="/work/registry/import" data-testid="registry-import-link">{t('registry.import')}</ButtonLink>}
      >
        <Typography.Paragraph type="secondary">{t('registry.hint')}</Typography.Paragraph>
        <Segmented
          value={register}
          onChange={(value) => {
            setParams({ r: String(value) });
            setResult(undefined);
            form.resetFields();
          }}
          options={(registers.data?.items ?? []).map((r) => ({ value: r.key, label: <span data-testid={`registry-register-${r.key}`}>{r[lang]}</span> }))}
        />
        <Form form={form} layout="inline" className="registry-search" onFinish={() => void run(1)} style={{ marginTop: 16, rowGap: 8 }}>
          {criteria[register].map((key) => (
            <Form.Item key={key} name={key} label={t(`registry.${key}`)}>
              <Input allowClear data-testid={`registry-q-${key}`} style={{ width: key === 'address' ? 240 : 200 }} />
            </Form.Item>
          ))}
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={busy} data-testid="registry-search">
              {t('registry.search')}
            </Button>
          </Form.Item>
        </Form>
      </Card>
      {problem && <ProblemAlert problem={problem} />}
      {result && (
        <Card title={t('registry.total', { count: result.total })}>
          <Table
            data-testid="registry-results"
            rowKey="id"
            size="small"
            scroll={{ x: true }}
            dataSource={result.items}
            pagination={{ current: result.page, pageSize: PAGE, total: result.total, showSizeChanger: false, onChange: (page) => void run(page) }}
            columns={[
              ...columns.map((f) => ({ key: f.key, title: f[lang], render: (_: unknown, row: SearchResult['items'][number]) => text(register, f.key, row.fields[f.key]) })),
              {
                key: 'open',
                title: '',
                render: (_: unknown, row: SearchResult['items'][number]) => (
                  <Link to={`/work/registry/${register}/${row.id}`} data-testid={`registry-open-${row.id}`}>
                    {t('registry.open')}
                  </Link>
                ),
              },
            ]}
          />
        </Card>
      )}
    </div>
  );
}
