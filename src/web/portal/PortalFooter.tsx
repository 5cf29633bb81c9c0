import { useI18n } from '../i18n';

export function PortalFooter() {
  const { t } = useI18n();
  return (
    <footer className="portal-footer">
      <div className="portal-container portal-footer-inner">
        <p>{t('portal.footer.host')}</p>
        <p>{t('portal.footer.operator')}</p>
      </div>
    </footer>
  );
}
