import { Checkbox, Form, Input, Select } from 'antd';
import type { CatalogScope, ManageItem, Vocabulary } from '../../api/services';
import { useI18n } from '../../i18n';
import { handlingKinds, handlingLabel, itemTypes, levelLabel, levels, targetLabel, typeLabel } from '../labels';

interface Props {
  isNew: boolean;
  scope: CatalogScope;
  vocabulary: Vocabulary | undefined;
  /** items that can be parents of a new one (main and sub-items of my departments) */
  parents: ManageItem[];
}

/** 基本要素: name, type and place in the hierarchy (new items only), department, level, basis, conditions, tags. */
export function BasicFields({ isNew, scope, vocabulary, parents }: Props) {
  const { lang, t } = useI18n();
  const required = [{ required: true, whitespace: true, message: t('services.editor.required') }];
  const form = Form.useFormInstance();
  const parentId = Form.useWatch<string | null | undefined>('parentId', form);
  const label = (v: { zh: string; en: string }) => (lang === 'zh' ? v.zh : v.en);
  return (
    <>
      <Form.Item name="name" label={t('services.editor.name')} rules={required}>
        <Input maxLength={100} data-testid="editor-name" />
      </Form.Item>
      {isNew && (
        <>
          <Form.Item name="type" label={t('services.editor.type')} rules={[{ required: true, message: t('services.editor.required') }]}>
            <Select options={itemTypes.map((v) => ({ value: v, label: typeLabel(t, v) }))} data-testid="editor-type" />
          </Form.Item>
          <Form.Item name="parentId" label={t('services.editor.parent')}>
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              placeholder={t('services.editor.noParent')}
              options={parents.filter((p) => p.tier !== 'handling').map((p) => ({ value: p.id, label: `${p.code} ${p.name}` }))}
            />
          </Form.Item>
          {parentId && (
            <Form.Item name="handlingKind" label={t('services.editor.handlingKind')}>
              <Select allowClear options={handlingKinds.map((v) => ({ value: v, label: handlingLabel(t, v) }))} />
            </Form.Item>
          )}
        </>
      )}
      <Form.Item name="competentOrgId" label={t('services.editor.competentOrg')} rules={[{ required: true, message: t('services.editor.required') }]}>
        <Select options={scope.departments.map((d) => ({ value: d.id, label: d.name }))} data-testid="editor-department" />
      </Form.Item>
      <Form.Item name="implementingOrgId" hidden>
        <Input />
      </Form.Item>
      <Form.Item name="implementer" label={t('services.editor.implementer')} rules={required}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="level" label={t('services.editor.level')} rules={[{ required: true }]}>
        <Select options={levels.map((v) => ({ value: v, label: levelLabel(t, v) }))} />
      </Form.Item>
      <Form.Item name="targetUsers" label={t('services.editor.targetUsers')} rules={[{ required: true, message: t('services.editor.required') }]}>
        <Checkbox.Group options={['natural', 'legal'].map((v) => ({ value: v, label: targetLabel(t, v) }))} />
      </Form.Item>
      <Form.Item name="legalBasis" label={t('services.editor.legalBasis')} rules={required}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={4000} data-testid="editor-legal-basis" />
      </Form.Item>
      <Form.Item name="conditions" label={t('services.editor.conditions')} rules={required}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={4000} data-testid="editor-conditions" />
      </Form.Item>
      <Form.Item name="resultName" label={t('services.editor.resultName')}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="lifeEvents" label={t('services.editor.lifeEvents')}>
        <Select mode="multiple" options={(vocabulary?.lifeEvents ?? []).map((v) => ({ value: v.code, label: label(v) }))} />
      </Form.Item>
      <Form.Item name="topics" label={t('services.editor.topics')}>
        <Select mode="multiple" options={(vocabulary?.topics ?? []).map((v) => ({ value: v.code, label: label(v) }))} />
      </Form.Item>
      <Form.Item name="keywords" label={t('services.editor.keywords')}>
        <Select mode="tags" tokenSeparators={[',', '，', '、']} open={false} data-testid="editor-keywords" />
      </Form.Item>
    </>
  );
}
