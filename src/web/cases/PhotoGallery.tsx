import { Empty, Image, Typography } from 'antd';
import { casePhotoUrl, type CaseDetail } from '../api/cases';
import { useI18n, type MessageKey } from '../i18n';

const PHASES = ['report', 'verify', 'feedback', 'check'] as const;

/** 照片: by phase (上报, 核实, 处置反馈, 核查), thumbnails that open full size. */
export function PhotoGallery({ detail }: { detail: CaseDetail }) {
  const { t } = useI18n();
  if (detail.photos.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cases.photos.none')} />;
  const known = new Set<string>(PHASES);
  const phases = [...PHASES, ...new Set(detail.photos.map((p) => p.phase).filter((p) => !known.has(p)))];
  return (
    <Image.PreviewGroup>
      {phases.map((phase) => {
        const photos = detail.photos.filter((p) => p.phase === phase);
        if (photos.length === 0) return null;
        const label = known.has(phase) ? t(`cases.phase.${phase}` as MessageKey) : phase;
        return (
          <div key={phase} data-testid={`case-photos-${phase}`} data-count={photos.length}>
            <Typography.Text strong>{label}</Typography.Text>
            <div className="case-photos case-photos-phase">
              {photos.map((p) => (
                <Image key={p.fileId} width={84} height={84} className="case-thumb" src={casePhotoUrl(detail.id, p.fileId)} alt={label} />
              ))}
            </div>
          </div>
        );
      })}
    </Image.PreviewGroup>
  );
}
