-- 消息通知: in-app messages for an account, and an outbox of SMS / e-mail deliveries.
-- Both are written in the transaction of the change that caused them; a delivery is sent
-- by the job `notify.deliver` (retries with backoff; the last failure stays visible here).
CREATE TABLE notification (
  id uuid PRIMARY KEY,
  account_id uuid NOT NULL,
  template text NOT NULL,
  title_zh text NOT NULL,
  title_en text NOT NULL,
  body_zh text NOT NULL,
  body_en text NOT NULL,
  link text,
  created_at timestamptz NOT NULL DEFAULT now(),
  read_at timestamptz
);
CREATE INDEX notification_account ON notification (account_id, created_at DESC, id DESC);
CREATE INDEX notification_unread ON notification (account_id) WHERE read_at IS NULL;

CREATE TABLE notification_delivery (
  id uuid PRIMARY KEY,
  notification_id uuid REFERENCES notification (id),
  account_id uuid,
  template text NOT NULL,
  channel text NOT NULL CHECK (channel IN ('sms', 'email')),
  -- personal data (a phone number or an e-mail address): shown masked, never logged
  recipient text NOT NULL,
  subject text NOT NULL,
  body text NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz
);
CREATE INDEX notification_delivery_status ON notification_delivery (status, created_at DESC);
