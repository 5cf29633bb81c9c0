import { Tag } from 'antd';
import { useI18n } from '../i18n';
import { kindColor, kindLabel } from '../orgs/kinds';

export function KindTag({ kind }: { kind: string }) {
  const { t } = useI18n();
  return (
    <Tag color={kindColor(kind)} bordered={false}>
      {kindLabel(t, kind)}
    </Tag>
  );
}
