import { Alert, Button, Form, Input, Select, Switch, Typography } from 'antd';
import { useState } from 'react';
import { fetchCaseClasses, reportCase, type NewCase, type ReportedCase } from '../api/cases';
import { problemOf, type Problem } from '../api/problem';
import { ProblemAlert } from '../components/ProblemAlert';
import { useApi } from '../hooks/useApi';
import { useI18n } from '../i18n';
import { ClassPicker } from './ClassPicker';
import { LocationField } from './LocationField';
import type { LngLat } from './mapOption';
import { PhotoPicker, type PhotoState } from './PhotoPicker';
import './cases.css';

interface Values {
  classCode: string;
  description: string;
  urgent?: boolean;
  location: LngLat;
  address?: string;
  source?: 'hotline' | 'leader';
}

interface Props {
  /** citizens may report the public classes only */
  publicOnly?: boolean;
  /** operators enter reports from the 12345 hotline or a leader (来源) */
  withSource?: boolean;
  onReported: (reply: ReportedCase) => void;
}

/** 问题上报: class, description, urgency, location (GPS or map), address, photos — the inspector's and the citizen's form. */
export function ReportForm({ publicOnly = false, withSource = false, onReported }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const classes = useApi(fetchCaseClasses, []);
  const [photos, setPhotos] = useState<PhotoState>({ ids: [], busy: false });
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);
  const classCode = Form.useWatch('classCode', form);
  const choices = (classes.data ?? []).filter((c) => !publicOnly || c.public);
  const chosen = choices.find((c) => c.code === classCode);

  const onFinish = async (v: Values) => {
    if (photos.busy) return setProblem({ title: t('cases.photos.uploading'), status: 400, message: { zh: t('cases.photos.uploading'), en: t('cases.photos.uploading') } });
    setBusy(true);
    setProblem(undefined);
    const body: NewCase = { classCode: v.classCode, description: v.description.trim(), lng: v.location.lng, lat: v.location.lat, urgent: Boolean(v.urgent) };
    if (v.address?.trim()) body.address = v.address.trim();
    if (photos.ids.length > 0) body.photos = photos.ids;
    if (withSource && v.source) body.source = v.source;
    try {
      onReported(await reportCase(body));
    } catch (error) {
      setProblem(problemOf(error));
      setBusy(false);
    }
  };

  return (
    <Form<Values> form={form} layout="vertical" className="case-form" requiredMark={false} onFinish={(v) => void onFinish(v)} onValuesChange={() => setProblem(undefined)} data-testid="report-form">
      {classes.problem && <ProblemAlert problem={classes.problem} onRetry={classes.reload} />}
      {withSource && (
        <Form.Item name="source" label={t('cases.form.source')} rules={[{ required: true, message: t('cases.form.sourceRequired') }]}>
          <Select options={(['hotline', 'leader'] as const).map((s) => ({ value: s, label: t(`cases.source.${s}`) }))} data-testid="report-source" />
        </Form.Item>
      )}
      <Form.Item name="classCode" label={t('cases.form.class')} rules={[{ required: true, message: t('cases.form.classRequired') }]} extra={chosen && <span data-testid="report-filing">{t('cases.filingCondition')}：{chosen.filingCondition}</span>}>
        <ClassPicker classes={choices} testId="report-class" />
      </Form.Item>
      <Form.Item name="description" label={t('cases.form.description')} rules={[{ required: true, whitespace: true, min: 2, max: 2000, message: t('cases.form.descriptionRequired') }]}>
        <Input.TextArea rows={3} maxLength={2000} showCount placeholder={t('cases.form.descriptionPlaceholder')} data-testid="report-description" />
      </Form.Item>
      <Form.Item name="urgent" label={t('cases.form.urgent')} valuePropName="checked" extra={t('cases.form.urgentHint')}>
        <Switch data-testid="report-urgent" />
      </Form.Item>
      <Form.Item name="location" label={t('cases.form.location')} rules={[{ required: true, message: t('cases.form.locationRequired') }]}>
        <LocationField testId="report-location" />
      </Form.Item>
      <Form.Item name="address" label={t('cases.form.address')}>
        <Input maxLength={200} placeholder={t('cases.form.addressPlaceholder')} data-testid="report-address" />
      </Form.Item>
      <Form.Item label={t('cases.form.photos')} extra={t('cases.form.photosHint')}>
        <PhotoPicker onChange={setPhotos} onProblem={setProblem} testId="report-photo" />
      </Form.Item>
      {problem && (
        <div className="work-form-error" data-testid="report-error">
          <ProblemAlert problem={problem} />
        </div>
      )}
      {photos.busy && <Alert type="info" showIcon message={t('cases.photos.uploading')} className="work-form-error" />}
      <Button type="primary" htmlType="submit" size="large" block loading={busy} data-testid="report-submit">
        {t('cases.form.submit')}
      </Button>
      <Typography.Paragraph type="secondary" className="case-form-note">
        {publicOnly ? t('cases.form.citizenNote') : t('cases.form.inspectorNote')}
      </Typography.Paragraph>
    </Form>
  );
}
