import { Alert, Button, Card, Empty, Input, message, Select, Space, Spin, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { fetchOfficeHours, saveOfficeHours, type OfficePeriod } from '../../api/calendar';
import type { Org } from '../../api/orgs';
import { problemOf, type Problem } from '../../api/problem';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useApi } from '../../hooks/useApi';
import { useI18n } from '../../i18n';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

interface Props {
  orgs: Org[];
  canManage: boolean;
}

/** 办公时间 of an organisation (own, inherited from an ancestor, or the district default); editable with calendar:manage. */
export function OfficeHoursCard({ orgs, canManage }: Props) {
  const { t } = useI18n();
  const [orgId, setOrgId] = useState<string | undefined>(() => orgs.find((o) => o.parentId === null)?.id);
  const hours = useApi(async (signal) => (orgId ? fetchOfficeHours(orgId, signal) : undefined), [orgId]);
  const [rows, setRows] = useState<OfficePeriod[]>([]);
  const [problem, setProblem] = useState<Problem>();
  const [invalid, setInvalid] = useState(false);
  const [busy, setBusy] = useState(false);
  const orgNames = useMemo(() => new Map(orgs.map((o) => [o.id, o.name])), [orgs]);

  useEffect(() => {
    setRows(hours.data ? hours.data.periods.map((p) => ({ ...p })) : []);
    setProblem(undefined);
    setInvalid(false);
  }, [hours.data]);

  const edit = (index: number, field: keyof OfficePeriod, value: string) => {
    setProblem(undefined);
    setInvalid(false);
    setRows((list) => list.map((row, i) => (i === index ? { ...row, [field]: value.trim() } : row)));
  };

  const onSave = async () => {
    if (!orgId) return;
    if (rows.length === 0 || rows.some((r) => !TIME.test(r.start) || !TIME.test(r.end))) {
      setInvalid(true);
      return;
    }
    setBusy(true);
    setProblem(undefined);
    try {
      await saveOfficeHours(orgId, rows);
      void message.success(t('calendar.officeSaved'));
      hours.reload();
    } catch (error) {
      setProblem(problemOf(error));
    } finally {
      setBusy(false);
    }
  };

  const source = hours.data
    ? hours.data.inheritedFrom
      ? t('calendar.officeInherited', { org: orgNames.get(hours.data.inheritedFrom) ?? hours.data.inheritedFrom })
      : t('calendar.officeOwnOrDefault')
    : '';

  return (
    <Card title={t('calendar.officeTitle')} data-testid="office-card">
      <Space direction="vertical" size="middle" className="cal-office">
        <Select
          showSearch
          optionFilterProp="label"
          value={orgId}
          onChange={setOrgId}
          placeholder={t('calendar.officeOrg')}
          options={orgs.map((o) => ({ value: o.id, label: o.name }))}
          className="cal-office-org"
          data-testid="office-org"
        />
        {hours.problem && <ProblemAlert problem={hours.problem} onRetry={hours.reload} />}
        <Spin spinning={hours.loading}>
          {hours.data && (
            <div data-testid="office-hours">
              <Typography.Paragraph type="secondary" data-testid="office-source">
                {source}
              </Typography.Paragraph>
              {canManage ? (
                <Space direction="vertical">
                  {rows.length === 0 && <Empty description={t('calendar.officeEmpty')} />}
                  {rows.map((row, i) => (
                    <Space key={i} wrap data-testid={`office-row-${i}`}>
                      <Input
                        value={row.start}
                        onChange={(e) => edit(i, 'start', e.target.value)}
                        placeholder="09:00"
                        maxLength={5}
                        className="cal-time"
                        aria-label={t('calendar.officeStart')}
                        status={invalid && !TIME.test(row.start) ? 'error' : undefined}
                        data-testid={`office-start-${i}`}
                      />
                      <span>–</span>
                      <Input
                        value={row.end}
                        onChange={(e) => edit(i, 'end', e.target.value)}
                        placeholder="17:30"
                        maxLength={5}
                        className="cal-time"
                        aria-label={t('calendar.officeEnd')}
                        status={invalid && !TIME.test(row.end) ? 'error' : undefined}
                        data-testid={`office-end-${i}`}
                      />
                      <Button onClick={() => setRows((list) => list.filter((_, j) => j !== i))} data-testid={`office-remove-${i}`}>
                        {t('calendar.officeRemove')}
                      </Button>
                    </Space>
                  ))}
                  {invalid && <Alert type="error" showIcon message={t('calendar.officeInvalid')} data-testid="office-invalid" />}
                  {problem && (
                    <div data-testid="office-error">
                      <ProblemAlert problem={problem} />
                    </div>
                  )}
                  <Space wrap>
                    <Button disabled={rows.length >= 6} onClick={() => setRows((list) => [...list, { start: '', end: '' }])} data-testid="office-add">
                      {t('calendar.officeAdd')}
                    </Button>
                    <Button type="primary" loading={busy} onClick={() => void onSave()} data-testid="office-save">
                      {t('calendar.officeSave')}
                    </Button>
                  </Space>
                </Space>
              ) : (
                <ul className="cal-office-list" data-testid="office-periods">
                  {hours.data.periods.map((p) => (
                    <li key={`${p.start}-${p.end}`}>
                      {p.start}–{p.end}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          )}
        </Spin>
      </Space>
    </Card>
  );
}

