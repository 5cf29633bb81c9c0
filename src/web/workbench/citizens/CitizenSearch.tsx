import { Button, Form, Input } from 'antd';
import { useI18n } from '../../i18n';
import { citizenQueryOf } from './citizenQuery';

interface Props {
  busy: boolean;
  onSearch: (input: string) => void;
}

/** One box for an ID number or a mobile number, validated before anything is sent. */
export function CitizenSearch({ busy, onSearch }: Props) {
  const { t } = useI18n();
  return (
    <Form
      layout="inline"
      className="citizens-search"
      requiredMark={false}
      validateTrigger="onSubmit"
      onFinish={(values: { query: string }) => onSearch(values.query)}
    >
      <Form.Item
        name="query"
        className="citizens-search-field"
        rules={[
          { required: true, whitespace: true, message: t('citizens.queryRequired') },
          {
            validator: async (_rule, value: string | undefined) => {
              if (value && value.trim() && !citizenQueryOf(value)) throw new Error(t('citizens.queryInvalid'));
            },
          },
        ]}
      >
        <Input
          allowClear
          maxLength={24}
          placeholder={t('citizens.query')}
          aria-label={t('citizens.query')}
          autoComplete="off"
          data-testid="citizen-query"
        />
      </Form.Item>
      <Form.Item className="citizens-search-button">
        <Button type="primary" htmlType="submit" loading={busy} data-testid="citizen-search">
          {t('citizens.search')}
        </Button>
      </Form.Item>
    </Form>
  );
}
