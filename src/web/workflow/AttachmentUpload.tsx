import { Upload, type UploadFile, type UploadProps } from 'antd';
import { problemOf, type Problem } from '../api/problem';
import { uploadFile, type UploadedFile } from '../api/workflow';
import { useI18n } from '../i18n';

export type Attachment = UploadFile<UploadedFile>;

interface Props {
  value?: Attachment[];
  onChange?: (files: Attachment[]) => void;
  /** An upload the server refused (type, size …): shown with the dialog's ProblemAlert. */
  onProblem: (problem: Problem) => void;
  testId: string;
}

/** The ids of the files that finished uploading, to send as `attachments`. */
export const uploadedIds = (files: readonly Attachment[] = []): string[] =>
  files.flatMap((f) => (f.status === 'done' && f.response ? [f.response.id] : []));

/** Drop or pick files: each one goes to /api/v1/files at once; the list shows their names. */
export function AttachmentUpload({ value = [], onChange, onProblem, testId }: Props) {
  const { t } = useI18n();
  const customRequest: UploadProps<UploadedFile>['customRequest'] = ({ file, onSuccess, onError }) => {
    uploadFile(file as File)
      .then((uploaded) => onSuccess?.(uploaded))
      .catch((error: unknown) => {
        // the list marks the file first (which clears the dialog's error), then the reason is shown
        onError?.(error instanceof Error ? error : new Error(String(error)));
        onProblem(problemOf(error));
      });
  };
  return (
    <div data-testid={testId}>
      <Upload.Dragger
        multiple
        maxCount={20}
        fileList={value}
        customRequest={customRequest}
        onChange={({ fileList }) => onChange?.(fileList)}
        showUploadList={{ showPreviewIcon: false, showDownloadIcon: false }}
        className="wf-upload"
      >
        <p className="ant-upload-text">{t('wf.upload.hint')}</p>
        <p className="ant-upload-hint">{t('wf.upload.types')}</p>
      </Upload.Dragger>
    </div>
  );
}
