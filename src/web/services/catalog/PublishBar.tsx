import { Button, Form, Input, message, Modal, Space, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { problemOf, type Problem } from '../../api/problem';
import { publishItem, withdrawItem, type Draft } from '../../api/services';
import { ButtonLink } from '../../components/ButtonLink';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n';
import { statusLabel } from '../labels';

interface Props {
  draft: Draft;
  canPublish: boolean;
  /** unsaved changes in the form: publish what is saved only */
  touched: boolean;
  onChanged: () => void;
}

const statusColor = { draft: 'default', published: 'green', withdrawn: 'orange' } as const;

/** Where the item stands (status, version, unpublished changes) and the publish / withdraw actions. */
export function PublishBar({ draft, canPublish, touched, onChanged }: Props) {
  const { t } = useI18n();
  const [dialog, setDialog] = useState<'publish' | 'withdraw' | null>(null);
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);
  const open = (which: 'publish' | 'withdraw') => {
    setText('');
    setProblem(undefined);
    setDialog(which);
  };
  const submit = async () => {
    setBusy(true);
    try {
      if (dialog === 'publish') void message.success(t('services.editor.published', { version: (await publishItem(draft.id, text.trim())).version }));
      else await withdrawItem(draft.id, text.trim()).then(() => void message.success(t('services.editor.withdrawn')));
      setDialog(null);
      onChanged();
    } catch (error) {
      setProblem(problemOf(error));
    } finally {
      setBusy(false);
    }
  };
  const canRepublish = draft.dirty || draft.status !== 'published';
  return (
    <div className="services-publish-bar" data-testid="publish-bar" data-status={draft.status} data-version={draft.version} data-dirty={draft.dirty ? 'true' : 'false'}>
      <Space wrap>
        <span className="services-code">{draft.code}</span>
        <Tag color={statusColor[draft.status]} data-testid="editor-status">{statusLabel(t, draft.status)}</Tag>
        {draft.version > 0 && <Tag data-testid="editor-version">{t('services.catalog.versionN', { version: draft.version })}</Tag>}
        {draft.dirty && draft.version > 0 && <Tag color="gold">{t('services.catalog.dirty')}</Tag>}
        {canPublish && (
          <Tooltip title={touched ? t('services.editor.saveFirst') : undefined}>
            <Button type="primary" disabled={touched || !canRepublish} onClick={() => open('publish')} data-testid="editor-publish">
              {t('services.editor.publish')}
            </Button>
          </Tooltip>
        )}
        {canPublish && draft.status === 'published' && (
          <Button danger onClick={() => open('withdraw')} data-testid="editor-withdraw">
            {t('services.editor.withdraw')}
          </Button>
        )}
        {draft.status === 'published' && (
          <ButtonLink to={`/services/${draft.code}`} type="link" target="_blank">
            {t('services.editor.viewPublic')}
          </ButtonLink>
        )}
      </Space>
      <Modal
        open={dialog !== null}
        title={dialog === 'publish' ? t('services.editor.publishTitle') : t('services.editor.withdraw')}
        onCancel={() => setDialog(null)}
        footer={[
          <Button key="cancel" onClick={() => setDialog(null)}>
            {t('common.cancel')}
          </Button>,
          <Button key="ok" type="primary" danger={dialog === 'withdraw'} disabled={text.trim().length < 2} loading={busy} onClick={() => void submit()} data-testid="publish-confirm">
            {dialog === 'publish' ? t('services.editor.publish') : t('services.editor.withdraw')}
          </Button>,
        ]}
        destroyOnHidden
      >
        {problem && <ProblemAlert problem={problem} />}
        <Form layout="vertical">
          <Form.Item label={dialog === 'publish' ? t('services.editor.publishNote') : t('services.editor.withdrawReason')} required>
            <Input.TextArea value={text} onChange={(e) => setText(e.target.value)} maxLength={500} autoSize={{ minRows: 2 }} data-testid="publish-note" />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
