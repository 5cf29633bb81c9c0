import { Table, Tag } from 'antd';
import { formatDateTime } from '../../format';
import { useI18n, type MessageKey } from '../../i18n';
import type { Rejections } from '../api';

/** 拒收: counts per reason and the newest refused samples of one device. */
export function DeviceRejections({ data }: { data: Rejections }) {
  const { lang, t } = useI18n();
  const reason = (r: string) => t(`iot.reject.${r}` as MessageKey);
  return (
    <div data-testid="device-rejections" data-count={data.counts.length}>
      <div className="iot-reject-counts">
        {data.counts.length === 0 && <span className="iot-muted">{t('iot.reject.none')}</span>}
        {data.counts.map((c) => (
          <Tag key={c.reason} color="volcano">
            {reason(c.reason)} × {c.count}
            <span className="iot-muted">（{formatDateTime(c.lastAt, lang)}）</span>
          </Tag>
        ))}
      </div>
      {data.samples.length > 0 && (
        <Table
          rowKey={(s) => `${s.at}-${s.reason}-${s.detail}`}
          size="small"
          pagination={false}
          scroll={{ x: 560 }}
          dataSource={data.samples}
          columns={[
            { title: t('iot.reject.at'), dataIndex: 'at', width: 170, render: (v: string) => formatDateTime(v, lang) },
            { title: t('iot.reject.reason'), dataIndex: 'reason', width: 120, render: (r: string) => reason(r) },
            { title: t('iot.reject.detail'), dataIndex: 'detail' },
          ]}
        />
      )}
    </div>
  );
}
