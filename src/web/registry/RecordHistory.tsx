import { Timeline, Typography } from 'antd';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n';
import type { RegisterInfo, RegisterKey, Version } from './api';

/** Versions newest first: when, who, from which department, why, and what changed (personal values never shown). */
export function RecordHistory({ register, info, versions, text }: { register: RegisterKey; info: RegisterInfo | undefined; versions: Version[]; text: (r: RegisterKey, f: string, v: string | number | null) => string }) {
  const { lang, t } = useI18n();
  const label = (key: string) => info?.fields.find((f) => f.key === key)?.[lang] ?? key;
  return (
    <Timeline
      data-testid="registry-history"
      items={versions.map((v) => ({
        children: (
          <div data-testid={`registry-version-${v.version}`}>
            <Typography.Text strong>
              {t('registry.version', { version: v.version })} · {t(`registry.kind.${v.kind as 'create'}`)}
            </Typography.Text>{' '}
            <Typography.Text type="secondary">
              {formatDateTime(v.at, lang)} · {v.actorName ?? '—'} · {v.sourceOrg}
              {v.reason ? ` · ${v.reason}` : ''}
            </Typography.Text>
            <ul className="registry-changes">
              {Object.entries(v.changes).map(([key, change]) => {
                const c = change as { from?: string | number | null; to?: string | number | null; changed?: boolean };
                return (
                  <li key={key}>
                    {label(key)}：{c.changed ? t('registry.changed') : `${text(register, key, c.from ?? null)} → ${text(register, key, c.to ?? null)}`}
                  </li>
                );
              })}
            </ul>
          </div>
        ),
      }))}
    />
  );
}
