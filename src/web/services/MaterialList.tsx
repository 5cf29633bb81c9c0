import { Tag, Typography } from 'antd';
import { sampleUrl, type Material } from '../api/services';
import { useI18n } from '../i18n';
import { formLabel } from './labels';

/** 申请材料: required or not, copies and form, the sample, and 免提交 when shared data or an e-certificate stands in. */
export function MaterialList({ code, materials }: { code: string; materials: Material[] }) {
  const { t } = useI18n();
  if (materials.length === 0) return <Typography.Text type="secondary">{t('services.material.none')}</Typography.Text>;
  return (
    <ol className="services-materials" data-testid="guide-materials">
      {materials.map((m, i) => {
        const free = m.sharedSource ? t('services.material.shared', { source: m.sharedSource }) : m.certName ? t('services.material.cert', { name: m.certName }) : null;
        return (
          <li key={`${i}-${m.name}`} data-testid={`guide-material-${i + 1}`} data-required={m.required ? 'true' : 'false'}>
            <div className="services-material-name">
              {m.required ? <Tag color="red">{t('services.material.required')}</Tag> : <Tag>{t('services.material.optional')}</Tag>}
              {m.name}
            </div>
            <div className="services-material-meta">
              {m.copies > 0 ? t('services.material.copies', { n: m.copies }) : t('services.material.electronicOnly')} · {formLabel(t, m.form)}
              {m.note && ` · ${m.note}`}
              {m.sampleFileId && (
                <>
                  {' · '}
                  <a href={sampleUrl(code, i + 1)} download>
                    {t('services.material.sample')}
                  </a>
                </>
              )}
            </div>
            {free && (
              <div className="services-material-free" data-testid={`guide-material-free-${i + 1}`}>
                {free}
              </div>
            )}
          </li>
        );
      })}
    </ol>
  );
}
