import { Tag } from 'antd';
import { useI18n } from '../../i18n';
import { materialUrl, type Application } from './api';
import { coverageLabel } from './labels';

const coverageColour: Record<string, string> = { uploaded: 'green', certificate: 'cyan', shared: 'cyan', form: 'blue', missing: 'red', optional: 'default' };

/** 申请材料 of an application: how each is covered (file, e-certificate, shared data, the form) and its files. */
export function MaterialsView({ application }: { application: Application }) {
  const { t } = useI18n();
  return (
    <ol className="apply-materials" data-testid="application-materials">
      {application.materials.map((m) => (
        <li key={m.seq} data-testid={`application-material-${m.seq}`} data-coverage={m.coverage}>
          <div>
            <Tag color={coverageColour[m.coverage] ?? 'default'}>{coverageLabel(t, m.coverage)}</Tag>
            {m.name}
          </div>
          {m.files.length > 0 && (
            <ul className="apply-files">
              {m.files.map((f) => (
                <li key={f.fileId}>
                  <a href={materialUrl(application.id, f.fileId)} target="_blank" rel="noreferrer">
                    {f.name}
                  </a>
                  {f.round > 1 && <Tag color="orange">{t('apply.material.corrected')}</Tag>}
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}
