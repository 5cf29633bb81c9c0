import { PasswordCard } from './PasswordCard';
import { SessionsCard } from './SessionsCard';

/** `/work/account`: my sessions and my password. */
export function AccountPage() {
  return (
    <div className="work-stack" data-testid="account-page">
      <SessionsCard />
      <PasswordCard />
    </div>
  );
}
