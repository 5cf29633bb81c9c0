import type { Quantity } from '../store';

/** Demo device types of the district's first sensing projects (ranges: the instruments' physical ranges). */
export const demoTypes: Array<{ code: string; nameZh: string; nameEn: string; prefix: string; quantities: Quantity[]; expectedIntervalSeconds: number }> = [
  {
    code: 'DUST',
    nameZh: '工地扬尘监测',
    nameEn: 'Construction-site dust monitor',
    prefix: 'YC-DUST',
    expectedIntervalSeconds: 60,
    quantities: [
      { key: 'pm10', name: 'PM10', unit: 'µg/m³', min: 0, max: 2000 },
      { key: 'pm2_5', name: 'PM2.5', unit: 'µg/m³', min: 0, max: 1000 },
      { key: 'noise', name: '噪声', unit: 'dB(A)', min: 20, max: 140 },
    ],
  },
  {
    code: 'NOISE',
    nameZh: '环境噪声监测',
    nameEn: 'Environmental noise monitor',
    prefix: 'YC-NOISE',
    expectedIntervalSeconds: 60,
    quantities: [{ key: 'noise', name: '等效声级', unit: 'dB(A)', min: 20, max: 140 }],
  },
  {
    code: 'WATERLOG',
    nameZh: '道路积水监测',
    nameEn: 'Waterlogging gauge',
    prefix: 'YC-WLOG',
    expectedIntervalSeconds: 300,
    quantities: [{ key: 'water_level', name: '积水深度', unit: 'cm', min: 0, max: 300 }],
  },
  {
    code: 'SOIL',
    nameZh: '农田土壤墒情监测',
    nameEn: 'Farm soil moisture sensor',
    prefix: 'YC-SOIL',
    expectedIntervalSeconds: 1800,
    quantities: [
      { key: 'soil_moisture', name: '土壤含水量', unit: '%', min: 0, max: 100 },
      { key: 'soil_temp', name: '土壤温度', unit: '°C', min: -20, max: 60 },
    ],
  },
  {
    code: 'PARKING',
    nameZh: '停车场车位监测',
    nameEn: 'Parking occupancy sensor',
    prefix: 'YC-PARK',
    expectedIntervalSeconds: 300,
    quantities: [
      { key: 'occupied', name: '已占车位', unit: '个', min: 0, max: 5000 },
      { key: 'occupancy', name: '占用率', unit: '%', min: 0, max: 100 },
    ],
  },
  {
    code: 'TRAFFIC',
    nameZh: '交通流量检测',
    nameEn: 'Traffic counter',
    prefix: 'YC-TRAF',
    expectedIntervalSeconds: 300,
    quantities: [
      { key: 'flow', name: '车流量', unit: '辆/小时', min: 0, max: 10000 },
      { key: 'speed', name: '平均车速', unit: 'km/h', min: 0, max: 200 },
    ],
  },
];

/** How many demo devices of each type, and whose they are (the seeded departments). */
export const demoFleet: Array<{ type: string; count: number; owner: string; label: string }> = [
  { type: 'DUST', count: 14, owner: '区住房城乡建委', label: '工地扬尘监测点' },
  { type: 'NOISE', count: 10, owner: '区生态环境局', label: '噪声监测点' },
  { type: 'WATERLOG', count: 8, owner: '区城市管理局', label: '积水监测点' },
  { type: 'SOIL', count: 6, owner: '区农业农村委', label: '墒情监测点' },
  { type: 'PARKING', count: 6, owner: '区交通局', label: '停车场' },
  { type: 'TRAFFIC', count: 6, owner: '区交通局', label: '路口流量监测' },
];

/** Yongchuan's centre; demo devices spread around it (farm sensors further out). */
export const centre = { lng: 105.927, lat: 29.356 };
