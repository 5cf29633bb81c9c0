import { Route, Routes } from 'react-router-dom';
import { NotFound } from '../components/NotFound';
import { useTicketAccess } from './access';
import { RegisterCallPage } from './RegisterCallPage';
import { TicketDetailPage } from './TicketDetailPage';
import { TicketListPage } from './TicketListPage';

/** `/work/interaction/*`: the ticket list, 登记来电 (centre), and a ticket's page (anyone it concerns; the server decides). */
export function InteractionRoutes() {
  const access = useTicketAccess();
  return (
    <Routes>
      {access.list && <Route index element={<TicketListPage />} />}
      {access.centre && <Route path="register" element={<RegisterCallPage />} />}
      <Route path=":id" element={<TicketDetailPage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
