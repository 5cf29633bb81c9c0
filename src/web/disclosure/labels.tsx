import { Tag } from 'antd';
import { useI18n, type MessageKey } from '../i18n';

const ARTICLE_COLOURS: Record<string, string> = { draft: 'default', reviewing: 'orange', published: 'green', withdrawn: 'red' };
const REQUEST_COLOURS: Record<string, string> = { received: 'blue', clarifying: 'orange', answered: 'green' };

/** An article's state: 草稿, 待审核, 已发布, 已撤回. */
export function ArticleStatus({ status, testId }: { status: string; testId?: string }) {
  const { t } = useI18n();
  return (
    <Tag color={ARTICLE_COLOURS[status]} data-testid={testId} data-status={status}>
      {ARTICLE_COLOURS[status] ? t(`disclosure.status.${status}` as MessageKey) : status}
    </Tag>
  );
}

/** A request's state: 办理中, 待补正, 已答复. */
export function RequestStatus({ status, testId }: { status: string; testId?: string }) {
  const { t } = useI18n();
  return (
    <Tag color={REQUEST_COLOURS[status]} data-testid={testId} data-status={status}>
      {REQUEST_COLOURS[status] ? t(`disclosure.request.state.${status}` as MessageKey) : status}
    </Tag>
  );
}
