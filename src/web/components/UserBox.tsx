import { Button } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useAuth } from '../auth';
import { useI18n } from '../i18n';

interface Props {
  /** Portal header (white on blue) or workbench header. */
  variant: 'portal' | 'work';
  /** Hide the name (narrow screens). */
  compact?: boolean;
}

/** The signed-in user's name and a sign-out button. */
export function UserBox({ variant, compact = false }: Props) {
  const { t } = useI18n();
  const { me, signOut } = useAuth();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  if (!me) return null;
  const onLogout = async () => {
    setBusy(true);
    try {
      await signOut();
    } finally {
      setBusy(false);
      navigate('/', { replace: true });
    }
  };
  return (
    <span className={`user-box user-box-${variant}`}>
      {!compact && (
        <span className="user-box-name" data-testid="user-name">
          {me.displayName}
        </span>
      )}
      <Button
        size="small"
        ghost={variant === 'portal'}
        loading={busy}
        onClick={() => void onLogout()}
        data-testid="logout"
      >
        {t('auth.logout')}
      </Button>
    </span>
  );
}
