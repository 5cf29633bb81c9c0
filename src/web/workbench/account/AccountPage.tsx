import { ApiKeysCard } from '../../apikeys/ApiKeysCard';
import { PasswordCard } from './PasswordCard';
import { SessionsCard } from './SessionsCard';

/** `/work/account`: my sessions, my password and my API keys. */
export function AccountPage() {
  return (
    <div className="work-stack" data-testid="account-page">
      <SessionsCard />
      <PasswordCard />
      <ApiKeysCard />
    </div>
  );
}
