import { Button, Card, Form, message } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { problemOf, type Problem } from '../../api/problem';
import { createItem, saveItem, type CatalogScope, type Draft, type ManageItem, type Vocabulary } from '../../api/services';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n';
import { BasicFields } from './BasicFields';
import { DutiesField } from './DutiesField';
import { markFieldErrors } from './fieldErrors';
import { blankItem, draftToForm, formToFields, type FormValues } from './formValues';
import { HandlingFields } from './HandlingFields';
import { MaterialsField } from './MaterialsField';
import { StepsField } from './StepsField';

interface Props {
  draft?: Draft;
  scope: CatalogScope;
  vocabulary: Vocabulary | undefined;
  parents: ManageItem[];
  onSaved: () => void;
  /** the form differs from what was last saved */
  onTouched: (touched: boolean) => void;
}

/** The working copy of an item as one form; saving never publishes (the portal keeps the published version). */
export function ItemEditor({ draft, scope, vocabulary, parents, onSaved, onTouched }: Props) {
  const { lang, t } = useI18n();
  const navigate = useNavigate();
  const [form] = Form.useForm<FormValues>();
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);
  const first = scope.departments[0];
  const initial = draft ? draftToForm(draft) : blankItem(first?.id ?? '', first?.name ?? '');

  const onFinish = async (values: FormValues) => {
    setBusy(true);
    setProblem(undefined);
    try {
      if (draft) {
        await saveItem(draft.id, { ...formToFields(values), revision: draft.revision });
        void message.success(t('services.editor.saved'));
        onTouched(false);
        onSaved();
      } else {
        const created = await createItem({ ...formToFields(values), type: values.type ?? 'licensing', parentId: values.parentId ?? null, handlingKind: values.parentId ? (values.handlingKind ?? null) : null });
        navigate(`/work/services/catalog/${created.id}`, { replace: true });
      }
    } catch (error) {
      const p = problemOf(error);
      setProblem(p);
      markFieldErrors(form, p, lang);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form<FormValues> form={form} layout="vertical" initialValues={initial} onFinish={onFinish} onValuesChange={() => onTouched(true)} data-testid="item-editor" scrollToFirstError>
      {problem && (
        <div className="work-form-error" data-testid="editor-error">
          <ProblemAlert problem={problem} />
        </div>
      )}
      <Card size="small" title={t('services.editor.basic')} className="services-card">
        <BasicFields isNew={!draft} scope={scope} vocabulary={vocabulary} parents={parents} />
      </Card>
      <Card size="small" title={t('services.editor.handling')} className="services-card">
        <HandlingFields />
      </Card>
      <Card size="small" title={t('services.editor.materials')} className="services-card">
        <MaterialsField />
      </Card>
      <Card size="small" title={t('services.editor.steps')} className="services-card">
        <StepsField />
      </Card>
      <Card size="small" title={t('services.editor.duties')} className="services-card">
        <DutiesField />
      </Card>
      <Button type="primary" htmlType="submit" loading={busy} data-testid="editor-save">
        {draft ? t('services.editor.save') : t('services.editor.create')}
      </Button>
    </Form>
  );
}
