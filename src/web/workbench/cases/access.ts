import { useCan } from '../../auth';

/** Who may do what with cases in the workbench (from the permissions of /auth/me). */
export function useCaseAccess() {
  const canReport = useCan('cases:report');
  const canAccept = useCan('cases:accept');
  const canRead = useCan('cases:read');
  return {
    /** 上报问题: inspectors, and operators entering hotline or leaders' reports */
    report: canReport || canAccept,
    /** operators without an inspector's permission say where the report came from */
    withSource: canAccept && !canReport,
    /** 案件列表 */
    read: canRead,
  };
}
