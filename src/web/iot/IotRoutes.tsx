import { Navigate, Route, Routes } from 'react-router-dom';
import { NotFound } from '../components/NotFound';
import { AlarmConsolePage } from './alarms/AlarmConsolePage';
import { DeviceListPage } from './devices/DeviceListPage';
import { DevicePage } from './devices/DevicePage';
import { useIotRead } from './menu';
import { RulesPage } from './rules/RulesPage';
import './iot.css';

/** `/work/iot/*` (iot:read, or the device administrator): the alarm console, devices and their data, alarm rules. */
export function IotRoutes() {
  if (!useIotRead()) return <NotFound />;
  return (
    <Routes>
      <Route index element={<Navigate to="alarms" replace />} />
      <Route path="alarms" element={<AlarmConsolePage />} />
      <Route path="devices" element={<DeviceListPage />} />
      <Route path="devices/:id" element={<DevicePage />} />
      <Route path="rules" element={<RulesPage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
