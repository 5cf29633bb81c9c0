import type { Limit } from '../../../kernel/workflow';
import type { ClassLimits } from '../store';

/** Who answers for a case until a department has it: the city's supervision and command centre. */
export const centreName = '永川区数字化城市管理监督指挥中心';

function limitText(limit: Limit): { zh: string; en: string } {
  return 'workingHours' in limit
    ? { zh: `${limit.workingHours} 个工作小时`, en: `${limit.workingHours} working hours` }
    : { zh: `${limit.workingDays} 个工作日`, en: `${limit.workingDays} working days` };
}

/** service_notice: what will happen to a report of this class — who handles it and within what limit. */
export function serviceNotice(cls: { department: string | null; limits: ClassLimits }, urgent: boolean): string {
  const limit = limitText(urgent ? cls.limits.handle.urgent : cls.limits.handle.normal);
  const unit = cls.department ?? '属地镇街';
  return `立案后由${unit}在 ${limit.zh}内处置 / once filed, ${unit} handles it within ${limit.en}`;
}
