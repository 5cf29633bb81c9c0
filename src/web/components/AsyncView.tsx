import { Button, Empty, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import type { ApiState } from '../hooks/useApi';
import { problemText } from '../api/problemText';
import { useI18n } from '../i18n';

interface Props<T> {
  state: ApiState<T>;
  /** Whether loaded data counts as empty (shows antd Empty). */
  isEmpty?: (data: T) => boolean;
  emptyText?: string;
  children: (data: T) => ReactNode;
}

/** Loading spinner, error result with retry, empty state, or the content. */
export function AsyncView<T>({ state, isEmpty, emptyText, children }: Props<T>) {
  const { lang, t } = useI18n();
  const { data, problem, loading, reload } = state;

  if (loading && data === undefined) {
    return (
      <div className="async-center" aria-busy="true">
        <Spin tip={t('common.loading')}>
          <div className="async-spin-box" />
        </Spin>
      </div>
    );
  }
  if (problem) {
    return (
      <Result
        status="error"
        title={t('error.loadFailed')}
        subTitle={problemText(problem, lang, t)}
        extra={
          <Button type="primary" onClick={reload}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  }
  if (data === undefined || isEmpty?.(data)) {
    return <Empty description={emptyText ?? t('common.empty')} />;
  }
  return <>{children(data)}</>;
}
