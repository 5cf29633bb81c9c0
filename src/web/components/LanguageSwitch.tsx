import { Button } from 'antd';
import { useI18n } from '../i18n';
import { GlobeIcon } from './icons';

/** Toggles between Chinese and English; shows the language it switches to. */
export function LanguageSwitch({ className }: { className?: string }) {
  const { lang, setLang, t } = useI18n();
  const next = lang === 'zh' ? 'en' : 'zh';
  return (
    <Button
      type="text"
      className={className}
      icon={<GlobeIcon />}
      aria-label={t('lang.switchAria')}
      lang={next === 'zh' ? 'zh-CN' : 'en'}
      data-testid="lang-switch"
      onClick={() => setLang(next)}
    >
      {t('lang.switchTo')}
    </Button>
  );
}
