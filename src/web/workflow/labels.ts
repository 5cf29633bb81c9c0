import type { LocalizedText } from '../api/problem';
import type { Lang, MessageKey, Translate } from '../i18n';

/**
 * Names the inbox shows for processes it only knows by key (the inbox API
 * sends state and process keys; the panel API sends labels). A module with a
 * process adds its entry here; unknown keys are shown as they are.
 */
interface ProcessLabels {
  states: Record<string, LocalizedText>;
  actions: Record<string, LocalizedText>;
}

const PROCESSES: Record<string, ProcessLabels> = {
  'requests.internal': {
    states: {
      submitted: { zh: '待科室审核', en: 'Awaiting section review' },
      section_approved: { zh: '待领导审批', en: 'Awaiting leader approval' },
      returned: { zh: '退回修改', en: 'Returned for changes' },
      countersigning: { zh: '会签中', en: 'Countersigning' },
      countersigned: { zh: '会签通过，待领导审批', en: 'Countersigned, awaiting leader approval' },
      approved: { zh: '已批准', en: 'Approved' },
      rejected: { zh: '未批准', en: 'Refused' },
    },
    actions: {
      approve_section: { zh: '审核通过', en: 'Approve (section)' },
      approve_leader: { zh: '批准', en: 'Approve' },
      reject: { zh: '不予批准', en: 'Refuse' },
      return: { zh: '退回申请人', en: 'Return to the applicant' },
      resubmit: { zh: '重新提交', en: 'Resubmit' },
      consult: { zh: '发起会签', en: 'Ask departments to countersign' },
    },
  },
  'workflow.extension': {
    states: {
      requested: { zh: '待审批延期', en: 'Extension awaiting approval' },
      approved: { zh: '已同意延期', en: 'Extension granted' },
      refused: { zh: '不同意延期', en: 'Extension refused' },
    },
    actions: {
      approve: { zh: '同意延期', en: 'Grant' },
      refuse: { zh: '不同意', en: 'Refuse' },
    },
  },
};

const MODULES: Record<string, MessageKey> = {
  requests: 'wf.module.requests',
  workflow: 'wf.module.workflow',
  cases: 'wf.module.cases',
  services: 'wf.module.services',
  interaction: 'wf.module.interaction',
  disclosure: 'wf.module.disclosure',
  registry: 'wf.module.registry',
  catalog: 'wf.module.catalog',
  iot: 'wf.module.iot',
  sharing: 'wf.module.sharing',
};

/** Engine actions every process has. */
const ENGINE_ACTIONS: Record<string, MessageKey> = {
  start: 'wf.action.start',
  withdraw: 'wf.action.withdraw',
  handover: 'wf.action.handover',
  assign: 'wf.action.assign',
  return_to: 'wf.action.returnTo',
  agree: 'wf.action.agree',
  disagree: 'wf.action.disagree',
  extension_requested: 'wf.action.extensionRequested',
  extended: 'wf.action.extended',
  extension_refused: 'wf.action.extensionRefused',
  suspend: 'wf.action.suspend',
  resume: 'wf.action.resume',
  escalate: 'wf.action.escalate',
};

export const moduleLabel = (module: string, t: Translate): string => (MODULES[module] ? t(MODULES[module]) : module);

export const stateLabel = (process: string, state: string, lang: Lang): string => PROCESSES[process]?.states[state]?.[lang] ?? state;

/**
 * An action's name in the history: the engine's own (退回, 同意, 转办 …), else the definition's
 * (`fromDefinition`, when the panel sent it), else the process's entry here, else its key.
 */
export function actionLabel(process: string, action: string, lang: Lang, t: Translate, fromDefinition?: LocalizedText): string {
  const engine = ENGINE_ACTIONS[action];
  if (engine) return t(engine);
  return fromDefinition?.[lang] ?? PROCESSES[process]?.actions[action]?.[lang] ?? action;
}

export const STATUS_KEYS: Record<string, MessageKey> = {
  running: 'wf.status.running',
  ended: 'wf.status.ended',
  withdrawn: 'wf.status.withdrawn',
};

export const statusLabel = (status: string, t: Translate): string => (STATUS_KEYS[status] ? t(STATUS_KEYS[status]) : status);
