import { Alert, Button, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../i18n';
import { CaseMap } from './CaseMap';
import { PLACE_ZOOM, type LngLat } from './mapOption';
import { useGridHit } from './useGridHit';

interface Props {
  value?: LngLat | undefined;
  /** given by Form.Item */
  onChange?: (point: LngLat) => void;
  testId: string;
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/** 位置: "use my position" (the phone's GPS) or a click on the grid map; shows the unit grid found there. */
export function LocationField({ value, onChange, testId }: Props) {
  const { t } = useI18n();
  const [locating, setLocating] = useState(false);
  const [geoError, setGeoError] = useState<string>();
  const [focus, setFocus] = useState<LngLat & { zoom: number }>();
  const hit = useGridHit(value);

  const useMyPosition = () => {
    if (!('geolocation' in navigator)) {
      setGeoError(t('cases.location.unsupported'));
      return;
    }
    setLocating(true);
    setGeoError(undefined);
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        const point = { lng: round6(pos.coords.longitude), lat: round6(pos.coords.latitude) };
        setLocating(false);
        setFocus({ ...point, zoom: PLACE_ZOOM });
        onChange?.(point);
      },
      (error) => {
        setLocating(false);
        setGeoError(error.code === error.PERMISSION_DENIED ? t('cases.location.denied') : t('cases.location.failed'));
      },
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 30_000 },
    );
  };

  return (
    <div data-testid={testId}>
      <div className="case-location-bar">
        <Button type="primary" ghost loading={locating} onClick={useMyPosition} data-testid={`${testId}-gps`}>
          {t('cases.location.useMine')}
        </Button>
        <span className="case-coords" data-testid={`${testId}-coords`} data-lng={value?.lng ?? ''} data-lat={value?.lat ?? ''}>
          {value ? t('cases.location.coords', { lng: value.lng.toFixed(6), lat: value.lat.toFixed(6) }) : t('cases.location.none')}
        </span>
      </div>
      {value && hit && (
        <Typography.Paragraph type={typeof hit === 'string' ? 'warning' : 'secondary'} data-testid={`${testId}-grid`}>
          {hit === 'outside' ? t('cases.location.outside') : hit === 'none' ? t('cases.location.noGrid') : `${hit.streetName} ${hit.communityName} · ${t('cases.unitGrid')} ${hit.unitGridCode}`}
        </Typography.Paragraph>
      )}
      {geoError && <Alert type="warning" showIcon message={geoError} className="work-form-error" data-testid={`${testId}-error`} />}
      <CaseMap label={t('cases.location.mapLabel')} picked={value} onPick={(p) => onChange?.(p)} focus={focus} height={320} testId={`${testId}-map`} />
    </div>
  );
}
