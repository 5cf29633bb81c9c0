import { Button, Card, message, Switch, Table, Tag, type TableColumnsType } from 'antd';
import { useMemo, useState, type HTMLAttributes } from 'react';
import { fetchCaseClasses } from '../../api/cases';
import { problemOf } from '../../api/problem';
import { problemText } from '../../api/problemText';
import { useCan } from '../../auth';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useApi } from '../../hooks/useApi';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useI18n, type MessageKey } from '../../i18n';
import { changeRule, fetchDeviceTypes, fetchRules, type Rule } from '../api';
import { severityLabel, severityTag } from '../labels';
import { RuleDialog } from './RuleDialog';
import { ruleCondition } from './ruleSummary';

/** `/work/iot/rules` (告警规则): every rule with its switch and open alarms; shift leaders create and edit them. */
export function RulesPage() {
  const { lang, t } = useI18n();
  useDocumentTitle(t('iot.rule.title'));
  const canManage = useCan('iot:rules.manage');
  const rules = useApi(fetchRules, []);
  const types = useApi(fetchDeviceTypes, []);
  const classes = useApi(fetchCaseClasses, []);
  const [editing, setEditing] = useState<{ rule: Rule | undefined }>();
  const [switching, setSwitching] = useState<string>();
  const typeByCode = useMemo(() => new Map((types.data ?? []).map((ty) => [ty.code, ty])), [types.data]);
  const classByCode = useMemo(() => new Map((classes.data ?? []).map((c) => [c.code, c.name])), [classes.data]);

  const toggle = async (rule: Rule, enabled: boolean) => {
    setSwitching(rule.id);
    try {
      await changeRule(rule.id, { enabled });
      rules.reload();
    } catch (error) {
      void message.error(problemText(problemOf(error), lang, t));
    } finally {
      setSwitching(undefined);
    }
  };

  const columns: TableColumnsType<Rule> = [
    {
      title: t('iot.rule.enabled'),
      dataIndex: 'enabled',
      width: 70,
      render: (on: boolean, r) => (
        <Switch size="small" checked={on} disabled={!canManage} loading={switching === r.id} onChange={(v) => void toggle(r, v)} data-testid={`rule-switch-${r.id}`} />
      ),
    },
    { title: t('iot.rule.name'), dataIndex: 'name' },
    {
      title: t('iot.rule.target'),
      key: 'target',
      width: 160,
      render: (_: unknown, r) => {
        const ty = typeByCode.get(r.typeCode);
        const q = ty?.quantities.find((x) => x.key === r.quantity);
        return (
          <>
            <div>{r.deviceId ?? (ty ? (lang === 'zh' ? ty.nameZh : ty.nameEn) : r.typeCode)}</div>
            <div className="iot-muted">{q?.name ?? r.quantity}</div>
          </>
        );
      },
    },
    {
      title: t('iot.rule.condition'),
      key: 'condition',
      render: (_: unknown, r) => (
        <>
          <Tag>{t(`iot.ruleKind.${r.kind}` as MessageKey)}</Tag>
          {ruleCondition(t, r, typeByCode.get(r.typeCode)?.quantities.find((x) => x.key === r.quantity))}
        </>
      ),
    },
    { title: t('iot.alarm.severity'), dataIndex: 'severity', width: 80, render: (s: string) => <Tag color={severityTag(s)}>{severityLabel(t, s)}</Tag> },
    { title: t('iot.rule.caseClass'), dataIndex: 'caseClassCode', width: 140, render: (c: string | null) => (c ? `${classByCode.get(c) ?? ''} ${c}` : '—') },
    { title: t('iot.rule.notify'), dataIndex: 'notify', width: 80, render: (on: boolean) => (on ? t('iot.rule.notifyOn') : t('iot.rule.notifyOff')) },
    { title: t('iot.rule.openAlarms'), dataIndex: 'openAlarms', width: 80, align: 'right', render: (n: number, r) => <span data-testid={`rule-open-${r.id}`}>{n}</span> },
  ];
  if (canManage) {
    columns.push({
      title: t('iot.common.actions'),
      key: 'actions',
      width: 80,
      render: (_: unknown, r) => (
        <Button size="small" onClick={() => setEditing({ rule: r })} data-testid={`rule-edit-${r.id}`}>
          {t('iot.rule.edit')}
        </Button>
      ),
    });
  }

  return (
    <Card
      title={t('iot.rule.title')}
      data-testid="rules-page"
      data-count={rules.data?.length ?? 0}
      extra={
        canManage && (
          <Button type="primary" onClick={() => setEditing({ rule: undefined })} data-testid="rule-new">
            {t('iot.rule.new')}
          </Button>
        )
      }
    >
      {rules.problem && <ProblemAlert problem={rules.problem} onRetry={rules.reload} />}
      <Table<Rule>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={rules.data ?? []}
        loading={rules.loading && !rules.data}
        pagination={false}
        scroll={{ x: 900 }}
        onRow={(r) => ({ 'data-testid': `rule-row-${r.id}`, 'data-name': r.name }) as HTMLAttributes<HTMLElement>}
      />
      <RuleDialog
        open={editing !== undefined}
        rule={editing?.rule}
        types={types.data ?? []}
        classes={classes.data ?? []}
        onClose={() => setEditing(undefined)}
        onSaved={(saved) => {
          setEditing(undefined);
          void message.success(t('iot.rule.saved', { name: saved.name }));
          rules.reload();
        }}
      />
    </Card>
  );
}
