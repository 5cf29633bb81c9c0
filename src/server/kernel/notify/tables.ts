import type { Generated, Kysely } from 'kysely';

export type Channel = 'inapp' | 'sms' | 'email';
export type OutboundChannel = Exclude<Channel, 'inapp'>;
export type DeliveryStatus = 'pending' | 'sent' | 'failed';

export interface NotifyTables {
  notification: {
    id: string;
    account_id: string;
    template: string;
    title_zh: string;
    title_en: string;
    body_zh: string;
    body_en: string;
    link: string | null;
    created_at: Generated<Date>;
    read_at: Date | null;
  };
  notification_delivery: {
    id: string;
    notification_id: string | null;
    account_id: string | null;
    template: string;
    channel: OutboundChannel;
    /** personal data: masked when shown, never logged */
    recipient: string;
    subject: string;
    body: string;
    status: Generated<DeliveryStatus>;
    attempts: Generated<number>;
    last_error: string | null;
    created_at: Generated<Date>;
    sent_at: Date | null;
  };
}

export type NotifyDb = Kysely<NotifyTables>;
