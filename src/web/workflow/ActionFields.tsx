import { Form, Input, Select } from 'antd';
import type { Problem } from '../api/problem';
import type { ProcessAction } from '../api/workflow';
import { useI18n } from '../i18n';
import { AttachmentUpload, type Attachment } from './AttachmentUpload';
import { OrgSelect } from './OrgSelect';

/**
 * The inputs an action asks for: the target step of 退回 (a select), the organisations of a
 * countersign (a multi-select), any other required field (text), and the attachments.
 */
export function ActionFields({ action, onProblem }: { action: ProcessAction; onProblem: (problem: Problem) => void }) {
  const { lang, t } = useI18n();
  return (
    <>
      {action.requires.map((field) => {
        if (action.targets && field === 'state') {
          return (
            <Form.Item key={field} name={['fields', field]} label={t('wf.returnTarget')} rules={[{ required: true, message: t('wf.returnTargetRequired') }]}>
              <Select options={action.targets.map((s) => ({ value: s.state, label: s.label[lang] }))} data-testid="action-target" />
            </Form.Item>
          );
        }
        if (field === action.countersignField) {
          return (
            <Form.Item key={field} name={['fields', field]} label={t('wf.countersignOrgs')} rules={[{ required: true, type: 'array', min: 1, message: t('wf.countersignOrgsRequired') }]}>
              <OrgSelect testId="action-orgs" />
            </Form.Item>
          );
        }
        const label = action.fieldLabels?.[field]?.[lang] ?? field;
        return (
          <Form.Item key={field} name={['fields', field]} label={label} rules={[{ required: true, whitespace: true, message: t('wf.fieldRequired', { field: label }) }]}>
            <Input maxLength={500} data-testid={`action-field-${field}`} />
          </Form.Item>
        );
      })}
      <Form.Item
        name="files"
        label={t('wf.attachments')}
        required={action.attachmentsRequired}
        rules={[
          {
            validator: async (_rule, files: Attachment[] = []) => {
              if (action.attachmentsRequired && !files.some((f) => f.status === 'done' || f.status === 'uploading')) throw new Error(t('wf.attachmentsRequired'));
            },
          },
          {
            // only when submitting: a file still on its way is not an error while it uploads
            validateTrigger: 'onSubmit',
            validator: async (_rule, files: Attachment[] = []) => {
              if (files.some((f) => f.status === 'uploading')) throw new Error(t('wf.attachmentsUploading'));
            },
          },
        ]}
      >
        <AttachmentUpload onProblem={onProblem} testId="action-upload" />
      </Form.Item>
    </>
  );
}
