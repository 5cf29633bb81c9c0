import { Card, message } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import { AsyncView } from '../components/AsyncView';
import { useApi } from '../hooks/useApi';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useI18n } from '../i18n';
import { createResource, fetchProviders, fetchResource, fetchVocabulary, updateResource, type Resource, type ResourceInput } from './api';
import { ResourceForm } from './ResourceForm';

const blank = (providerOrgId: string): ResourceInput => ({
  name: '', catalogKind: 'department', classCode: '3', providerOrgId, abstract: '', format: 'database', items: [{ name: '', type: 'string', length: 50 }],
  shareType: 'unconditional', shareCondition: '', shareBasis: '', shareMethods: ['api'], openType: 'none', openCondition: '', updateCycle: 'monthly', classification: 'internal', relatedCodes: [],
});

function inputOf(r: Resource): ResourceInput {
  const { name, catalogKind, classCode, providerOrgId, abstract, format, items, shareType, shareCondition, shareBasis, shareMethods, openType, openCondition, updateCycle, classification, relatedCodes } = r;
  return { name, catalogKind, classCode, providerOrgId, abstract, format, items, shareType, shareCondition, shareBasis, shareMethods, openType, openCondition, updateCycle, classification, relatedCodes };
}

/** `/work/catalog/new` and `/work/catalog/:id/edit`. */
export function ResourceEditPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const navigate = useNavigate();
  useDocumentTitle(id ? t('catalog.form.editTitle') : t('catalog.form.newTitle'));
  const setup = useApi(async (signal) => {
    const [vocab, providers, resource] = await Promise.all([fetchVocabulary(signal), fetchProviders(signal), id ? fetchResource(id, signal) : Promise.resolve(null)]);
    return { vocab, providers: providers.items, resource };
  }, [id]);
  return (
    <Card title={id ? t('catalog.form.editTitle') : t('catalog.form.newTitle')} data-testid="resource-edit-page">
      <AsyncView state={setup}>
        {(s) => (
          <ResourceForm
            initial={s.resource ? inputOf(s.resource) : blank(s.providers[0]?.id ?? '')}
            vocab={s.vocab}
            providers={s.providers}
            onSave={async (input) => {
              const saved = s.resource ? await updateResource(s.resource.id, { ...input, revision: s.resource.revision }) : await createResource(input);
              void message.success(t('catalog.form.saved'));
              navigate(`/work/catalog/${saved.id}`);
            }}
          />
        )}
      </AsyncView>
    </Card>
  );
}
