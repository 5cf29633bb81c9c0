import { Alert, Button, Result } from 'antd';
import type { ReportedCase } from '../api/cases';
import { ButtonLink } from '../components/ButtonLink';
import { useI18n } from '../i18n';

interface Props {
  reply: ReportedCase;
  /** where "view" leads (the case, or my reports) */
  viewTo: string;
  onAgain: () => void;
}

/** 上报成功: the case number, and the open cases nearby it may repeat. */
export function ReportResult({ reply, viewTo, onAgain }: Props) {
  const { t } = useI18n();
  return (
    <div data-testid="report-result">
    <Result
      status="success"
      title={t('cases.result.title')}
      subTitle={
        <>
          {t('cases.caseNo')}：<strong data-testid="report-case-no">{reply.caseNo}</strong>
        </>
      }
      extra={[
        <ButtonLink key="view" type="primary" to={viewTo} data-testid="report-view">
          {t('cases.result.view')}
        </ButtonLink>,
        <Button key="again" onClick={onAgain} data-testid="report-again">
          {t('cases.result.again')}
        </Button>,
      ]}
    >
      {reply.possibleDuplicates.length > 0 && (
        <Alert
          type="warning"
          showIcon
          message={t('cases.result.duplicates', { list: reply.possibleDuplicates.join('、') })}
          description={t('cases.result.duplicatesHint')}
          data-testid="report-duplicates"
        />
      )}
    </Result>
    </div>
  );
}
