import { Breadcrumb, Descriptions, Empty, Spin, type DescriptionsProps } from 'antd';
import { Link } from 'react-router-dom';
import { fetchOrg, type Org } from '../../api/orgs';
import { ProblemAlert } from '../../components/ProblemAlert';
import { KindTag } from '../../components/KindTag';
import { formatDateTime } from '../../format';
import { useApi } from '../../hooks/useApi';
import { useI18n } from '../../i18n';
import type { OrgIndex } from '../../orgs/OrgIndex';
import { orgHref } from './orgHref';

interface Props {
  index: OrgIndex;
  id: string;
}

/** Details of one organisation: fetched from GET /api/v1/orgs/{id}, shown from the list meanwhile. */
export function OrgDetail({ index, id }: Props) {
  const { lang, t } = useI18n();
  const state = useApi((signal) => fetchOrg(id, signal), [id]);
  const org: Org | undefined = state.data?.id === id ? state.data : index.byId.get(id);

  if (state.problem && state.problem.status === 404 && !state.problem.message) {
    return <Empty description={t('work.orgs.notFound')} />;
  }
  if (state.problem) return <ProblemAlert problem={state.problem} onRetry={state.reload} />;
  if (!org) return <Spin />;

  const ancestors = index.ancestors(org.id);
  const parent = org.parentId === null ? undefined : index.byId.get(org.parentId);
  const items: DescriptionsProps['items'] = [
    { key: 'name', label: t('work.orgs.field.name'), children: org.name },
    { key: 'code', label: t('work.orgs.field.code'), children: <code>{org.code}</code> },
    { key: 'kind', label: t('work.orgs.field.kind'), children: <KindTag kind={org.kind} /> },
    {
      key: 'parent',
      label: t('work.orgs.field.parent'),
      children: parent ? <Link to={orgHref(parent.id)}>{parent.name}</Link> : t('work.orgs.noParent'),
    },
    {
      key: 'path',
      label: t('work.orgs.field.path'),
      span: 'filled',
      children: (
        <Breadcrumb
          items={[
            ...ancestors.map((ancestor) => ({
              key: ancestor.id,
              title: <Link to={orgHref(ancestor.id)}>{ancestor.name}</Link>,
            })),
            { key: org.id, title: org.name },
          ]}
        />
      ),
    },
    { key: 'children', label: t('work.orgs.field.children'), children: index.children(org.id).length },
    { key: 'updatedAt', label: t('work.orgs.field.updatedAt'), children: formatDateTime(org.updatedAt, lang) },
  ];

  return (
    <Spin spinning={state.loading} delay={300}>
      <Descriptions bordered size="small" column={{ xs: 1, sm: 1, md: 1, lg: 1, xl: 2, xxl: 2 }} items={items} />
    </Spin>
  );
}
