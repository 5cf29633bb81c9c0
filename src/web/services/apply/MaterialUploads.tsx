import { Button, Tag, Typography, message } from 'antd';
import { useRef, useState } from 'react';
import { problemOf } from '../../api/problem';
import { problemText } from '../../api/problemText';
import { useI18n } from '../../i18n';
import { uploadMaterial, type MaterialFile } from '../applications/api';

export interface UploadedFile extends MaterialFile {
  name: string;
}

interface MaterialInfo {
  name: string;
  required: boolean;
  /** why it need not be uploaded (e-certificate, shared data, the online form), if so */
  free?: string | null | undefined;
}

interface Props {
  materials: MaterialInfo[];
  value: UploadedFile[];
  onChange: (files: UploadedFile[]) => void;
  /** only these materials (1-based), e.g. those a correction notice names */
  only?: number[] | undefined;
}

/** 上传材料: a file (PDF, OFD or image) per material; the server judges the type by the content. */
export function MaterialUploads({ materials, value, onChange, only }: Props) {
  const { t } = useI18n();
  return (
    <ol className="apply-materials" data-testid="apply-materials">
      {materials.map((m, i) => {
        const seq = i + 1;
        if (only && !only.includes(seq)) return null;
        return <MaterialRow key={seq} seq={seq} material={m} files={value.filter((f) => f.seq === seq)} onAdd={(f) => onChange([...value, f])} onRemove={(id) => onChange(value.filter((f) => !(f.seq === seq && f.fileId === id)))} t={t} />;
      })}
    </ol>
  );
}

function MaterialRow({ seq, material, files, onAdd, onRemove, t }: { seq: number; material: MaterialInfo; files: UploadedFile[]; onAdd: (f: UploadedFile) => void; onRemove: (id: string) => void; t: ReturnType<typeof useI18n>['t'] }) {
  const { lang } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const pick = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    try {
      const uploaded = await uploadMaterial(file);
      onAdd({ seq, fileId: uploaded.id, name: file.name });
    } catch (error) {
      void message.error(problemText(problemOf(error), lang, t));
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };
  return (
    <li data-testid={`apply-material-${seq}`} data-files={files.length}>
      <div>
        {material.required ? <Tag color="red">{t('apply.material.required')}</Tag> : <Tag>{t('apply.material.optional')}</Tag>}
        {material.name}
      </div>
      {material.free && <Typography.Text type="success">{material.free}</Typography.Text>}
      <ul className="apply-files">
        {files.map((f) => (
          <li key={f.fileId}>
            {f.name}{' '}
            <Button size="small" type="link" onClick={() => onRemove(f.fileId)}>
              {t('apply.material.remove')}
            </Button>
          </li>
        ))}
      </ul>
      <input ref={input} type="file" accept=".pdf,.ofd,image/png,image/jpeg,image/webp,application/pdf" hidden data-testid={`apply-material-input-${seq}`} onChange={(e) => void pick(e.target.files?.[0])} />
      <Button size="small" loading={busy} onClick={() => input.current?.click()}>
        {t('apply.material.upload')}
      </Button>
    </li>
  );
}
