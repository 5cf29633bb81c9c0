import { Button, Space, Upload } from 'antd';
import { useState } from 'react';
import { uploadSample } from '../../api/services';
import { problemOf } from '../../api/problem';
import { problemText } from '../../api/problemText';
import { useI18n } from '../../i18n';

interface Props {
  value?: string | null;
  onChange?: (id: string | null) => void;
}

/** A material's sample (样表): an uploaded attachment (PDF, Word…), kept by its id; shown to the public once published. */
export function SampleField({ value, onChange }: Props) {
  const { lang, t } = useI18n();
  const [error, setError] = useState<string>();
  return (
    <Space wrap>
      {value && <span className="services-code">{value.slice(0, 8)}…</span>}
      <Upload
        showUploadList={false}
        customRequest={({ file }) => {
          setError(undefined);
          uploadSample(file as File).then(
            (uploaded) => onChange?.(uploaded.id),
            (e: unknown) => setError(problemText(problemOf(e), lang, t)),
          );
        }}
      >
        <Button size="small">{t('services.material.sample')}</Button>
      </Upload>
      {value && (
        <Button size="small" type="link" onClick={() => onChange?.(null)}>
          {t('services.editor.remove')}
        </Button>
      )}
      {error && <span role="alert">{error}</span>}
    </Space>
  );
}
