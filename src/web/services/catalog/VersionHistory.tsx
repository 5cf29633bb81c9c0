import { Button, Drawer, Table } from 'antd';
import { useState } from 'react';
import { fetchVersion, fetchVersions, type VersionInfo } from '../../api/services';
import { AsyncView } from '../../components/AsyncView';
import { formatDateTime } from '../../format';
import { useApi } from '../../hooks/useApi';
import { useI18n } from '../../i18n';
import { GuideView } from '../GuideView';

/** Every published version, newest first; each opens as the guide the public saw. */
export function VersionHistory({ itemId, refresh }: { itemId: string; refresh: number }) {
  const { lang, t } = useI18n();
  const versions = useApi((signal) => fetchVersions(itemId, signal), [itemId, refresh]);
  const [open, setOpen] = useState<number | null>(null);
  return (
    <>
      <Table<VersionInfo>
        size="small"
        rowKey="version"
        loading={versions.loading}
        dataSource={versions.data ?? []}
        pagination={false}
        locale={{ emptyText: t('services.versions.empty') }}
        scroll={{ x: 560 }}
        data-testid="version-history"
        columns={[
          { title: t('services.versions.version'), dataIndex: 'version', width: 70 },
          { title: t('services.versions.note'), dataIndex: 'note' },
          { title: t('services.versions.by'), dataIndex: 'publishedBy', width: 120 },
          { title: t('services.versions.at'), dataIndex: 'publishedAt', width: 180, render: (v: string) => formatDateTime(v, lang) },
          { title: '', key: 'view', width: 70, render: (_: unknown, row) => <Button type="link" onClick={() => setOpen(row.version)} data-testid={`version-view-${row.version}`}>{t('services.versions.view')}</Button> },
        ]}
      />
      <Drawer open={open !== null} onClose={() => setOpen(null)} width="min(720px, 100vw)" title={open !== null ? t('services.catalog.versionN', { version: open }) : ''} destroyOnHidden>
        {open !== null && <VersionGuide itemId={itemId} version={open} />}
      </Drawer>
    </>
  );
}

function VersionGuide({ itemId, version }: { itemId: string; version: number }) {
  const detail = useApi((signal) => fetchVersion(itemId, version, signal), [itemId, version]);
  return <AsyncView state={detail}>{(d) => <GuideView guide={d.guide} />}</AsyncView>;
}
