import type { MenuProps } from 'antd';
import { Link } from 'react-router-dom';
import { useCan } from '../auth';
import { useI18n } from '../i18n';
import { SensorIcon } from './SensorIcon';

type MenuItem = NonNullable<MenuProps['items']>[number];

/** The paths of the 城市感知 pages, most specific first (for the menu's selected key). */
export const IOT_SECTIONS = ['/work/iot/alarms', '/work/iot/rules', '/work/iot/devices'];

/** Who may open the sensing pages: the API lets readers (iot:read) and device managers (iot:devices.manage, the administrator) read. */
export function useIotRead(): boolean {
  const read = useCan('iot:read');
  const manage = useCan('iot:devices.manage');
  return read || manage;
}

/** 城市感知 → 告警台, 设备, 告警规则 for those who may read them; null for everyone else. */
export function useIotMenuItem(): MenuItem | null {
  const { t } = useI18n();
  if (!useIotRead()) return null;
  const children: MenuItem[] = [
    { key: '/work/iot/alarms', label: <Link to="/work/iot/alarms" data-testid="menu-iot-alarms">{t('iot.menu.alarms')}</Link> },
    { key: '/work/iot/devices', label: <Link to="/work/iot/devices" data-testid="menu-iot-devices">{t('iot.menu.devices')}</Link> },
    { key: '/work/iot/rules', label: <Link to="/work/iot/rules" data-testid="menu-iot-rules">{t('iot.menu.rules')}</Link> },
  ];
  return { key: 'iot', icon: <SensorIcon />, label: <span data-testid="menu-iot">{t('iot.menu.group')}</span>, children };
}
