import { Card, Tabs } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { fetchCatalogScope, fetchDraft, fetchManagedItems, fetchVocabulary } from '../../api/services';
import { AsyncView } from '../../components/AsyncView';
import { useApi } from '../../hooks/useApi';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useI18n } from '../../i18n';
import { ItemEditor } from './ItemEditor';
import { PublishBar } from './PublishBar';
import { VersionHistory } from './VersionHistory';
import '../services.css';

/** `/work/services/catalog/{id}` (or `/new`): edit the working copy, publish it, see its versions. */
export function ItemEditorPage() {
  const { t } = useI18n();
  const { id = 'new' } = useParams();
  const isNew = id === 'new';
  useDocumentTitle(isNew ? t('services.editor.newTitle') : t('services.editor.editTitle'));
  const scope = useApi(fetchCatalogScope, []);
  const vocabulary = useApi(fetchVocabulary, []);
  const parents = useApi((signal) => (isNew ? fetchManagedItems({}, signal) : Promise.resolve([])), [isNew]);
  const draft = useApi((signal) => (isNew ? Promise.resolve(null) : fetchDraft(id, signal)), [id]);
  const [touched, setTouched] = useState(false);
  const [published, setPublished] = useState(0);
  const reload = () => {
    draft.reload();
    setPublished((n) => n + 1);
  };
  return (
    <Card title={isNew ? t('services.editor.newTitle') : (draft.data?.name ?? t('services.editor.editTitle'))} data-testid="item-editor-page">
      <AsyncView state={scope}>
        {(s) => (
          <AsyncView state={draft}>
            {(d) =>
              d === null ? (
                <ItemEditor scope={s} vocabulary={vocabulary.data} parents={parents.data ?? []} onSaved={reload} onTouched={setTouched} />
              ) : (
                <>
                  <PublishBar draft={d} canPublish={s.canPublish.includes(d.department.id)} touched={touched} onChanged={reload} />
                  <Tabs
                    items={[
                      { key: 'edit', label: t('services.editor.tabEdit'), children: <ItemEditor key={d.revision} draft={d} scope={s} vocabulary={vocabulary.data} parents={[]} onSaved={reload} onTouched={setTouched} /> },
                      { key: 'versions', label: <span data-testid="editor-tab-versions">{t('services.editor.tabVersions')}</span>, children: <VersionHistory itemId={d.id} refresh={published} /> },
                    ]}
                  />
                </>
              )
            }
          </AsyncView>
        )}
      </AsyncView>
    </Card>
  );
}
