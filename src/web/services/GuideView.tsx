import { Card, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { Guide } from '../api/services';
import { useI18n } from '../i18n';
import { BasicFacts, HandlingFacts } from './GuideFacts';
import { dayOf, handlingLabel, levelLabel, tierLabel, typeLabel } from './labels';
import { MaterialList } from './MaterialList';
import { StepList } from './StepList';

/** The 办事指南 of one published version: every element, readable on a phone. */
export function GuideView({ guide }: { guide: Guide }) {
  const { lang, t } = useI18n();
  return (
    <div className="services-guide" data-testid="guide" data-code={guide.code} data-version={guide.version}>
      <Typography.Title level={3} className="services-guide-name" data-testid="guide-name">
        {guide.name}
      </Typography.Title>
      <div className="services-hit-tags">
        <Tag color="blue">{typeLabel(t, guide.type)}</Tag>
        <Tag>{levelLabel(t, guide.level)}</Tag>
        <Tag>{tierLabel(t, guide.tier)}</Tag>
        {guide.handlingKind && <Tag color="purple">{handlingLabel(t, guide.handlingKind)}</Tag>}
      </div>
      <Typography.Paragraph type="secondary" data-testid="guide-version">
        {t('services.guide.version', { version: guide.version, date: dayOf(guide.publishedAt, lang) })}
      </Typography.Paragraph>
      {guide.parent && (
        <Typography.Paragraph>
          {t('services.guide.parent')}：<Link to={`/services/${guide.parent.code}`}>{guide.parent.name}</Link>
        </Typography.Paragraph>
      )}
      <Card size="small" title={t('services.guide.limits')} className="services-card">
        <HandlingFacts guide={guide} />
      </Card>
      <Card size="small" title={t('services.guide.materials')} className="services-card">
        <MaterialList code={guide.code} materials={guide.materials} />
      </Card>
      <Card size="small" title={t('services.guide.steps')} className="services-card">
        <StepList steps={guide.steps} />
      </Card>
      <Card size="small" title={t('services.guide.conditions')} className="services-card">
        <Typography.Paragraph className="services-text" data-testid="guide-conditions">
          {guide.conditions}
        </Typography.Paragraph>
      </Card>
      <Card size="small" title={t('services.editor.basic')} className="services-card">
        <BasicFacts guide={guide} />
      </Card>
      {guide.children && guide.children.length > 0 && (
        <Card size="small" title={t('services.guide.children')} className="services-card" data-testid="guide-children">
          <ul className="services-children">
            {guide.children.map((c) => (
              <li key={c.code}>
                <Link to={`/services/${c.code}`}>{c.name}</Link> {c.handlingKind && <Tag color="purple">{handlingLabel(t, c.handlingKind)}</Tag>}
              </li>
            ))}
          </ul>
        </Card>
      )}
    </div>
  );
}
