-- Whether a rule's alarms are announced to the alarm handlers (in-app notice) when they open.
ALTER TABLE alarm_rule ADD COLUMN notify boolean NOT NULL DEFAULT true;
