import { List, Tag } from 'antd';
import { Link } from 'react-router-dom';
import type { InboxItem } from '../../api/workflow';
import { useI18n } from '../../i18n';
import { ColourDot, DueText } from '../../workflow/DueText';
import { moduleLabel, stateLabel } from '../../workflow/labels';

/** Where an item opens: the module's own page when it has one (it shows the process panel too), else the panel alone. */
const pageOf: Record<string, (businessId: string) => string> = {
  'cases.city': (id) => `/work/cases/${id}`,
  'services.application': (id) => `/work/applications/${id}`,
  'interaction.ticket': (id) => `/work/interaction/${id}`,
  'disclosure.request': (id) => `/work/disclosure/requests/${id}`,
  'disclosure.article': (id) => `/work/disclosure/articles/${id}`,
  'registry.objection': (id) => `/work/registry/objections/${id}`,
  'sharing.request': (id) => `/work/sharing/requests/${id}`,
};

const linkOf = (item: InboxItem): string => {
  const page = item.module === 'cases' ? pageOf['cases.city'] : pageOf[item.process];
  return page && item.businessId ? page(item.businessId) : `/work/process/${item.instanceId}`;
};

/** One line per waiting step: colour, title, business number, module, state, deadline; a click opens the process panel. */
export function InboxList({ items, loading, emptyText }: { items: InboxItem[]; loading: boolean; emptyText: string }) {
  const { lang, t } = useI18n();
  return (
    <List
      loading={loading}
      dataSource={items}
      rowKey="stepId"
      locale={{ emptyText }}
      renderItem={(item) => (
        <List.Item>
          <Link to={linkOf(item)} className="inbox-item" data-testid={`inbox-item-${item.instanceId}`} data-colour={item.colour}>
            <div className="inbox-item-head">
              <ColourDot colour={item.colour} />
              <span className="inbox-item-title">{item.title}</span>
              {!item.claimed && <Tag>{t('inbox.unclaimed')}</Tag>}
            </div>
            <div className="inbox-item-meta">
              <span>{item.businessNo}</span>
              <Tag color="geekblue">{moduleLabel(item.module, t)}</Tag>
              <Tag color="blue">{item.stateLabel?.[lang] ?? stateLabel(item.process, item.state, lang)}</Tag>
              <DueText dueAt={item.dueAt} colour={item.colour} paused={item.colour === 'paused'} />
            </div>
          </Link>
        </List.Item>
      )}
    />
  );
}
