import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261201204159 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "email_campaign_template" drop constraint if exists "email_campaign_template_campaign_id_language_unique";`);
    this.addSql(`alter table if exists "campaign_recipient" drop constraint if exists "campaign_recipient_campaign_id_customer_id_unique";`);
    this.addSql(`alter table if exists "campaign_event" drop constraint if exists "campaign_event_event_key_unique";`);
    this.addSql(`alter table if exists "campaign_attribution" drop constraint if exists "campaign_attribution_order_id_unique";`);
    this.addSql(`create table if not exists "campaign_attribution" ("id" text not null, "order_id" text not null, "campaign_id" text not null, "recipient_id" text not null, "customer_id" text not null, "touch" text check ("touch" in ('click', 'open')) not null, "touched_at" timestamptz not null, "placed_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "campaign_attribution_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_campaign_attribution_deleted_at" ON "campaign_attribution" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_campaign_attribution_order_id_unique" ON "campaign_attribution" ("order_id");`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_campaign_attribution_campaign_id" ON "campaign_attribution" ("campaign_id");`);

    this.addSql(`create table if not exists "campaign_event" ("id" text not null, "campaign_id" text not null, "recipient_id" text not null, "type" text check ("type" in ('processed', 'delivered', 'deferred', 'bounce', 'dropped', 'spamreport', 'unsubscribe', 'open', 'click')) not null, "event_key" text not null, "occurred_at" timestamptz not null, "url" text null, "source" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "campaign_event_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_campaign_event_deleted_at" ON "campaign_event" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_campaign_event_event_key_unique" ON "campaign_event" ("event_key");`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_campaign_event_campaign_id_type" ON "campaign_event" ("campaign_id", "type");`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_campaign_event_recipient_id" ON "campaign_event" ("recipient_id");`);

    this.addSql(`create table if not exists "campaign_recipient" ("id" text not null, "campaign_id" text not null, "customer_id" text not null, "email" text not null, "first_name" text null, "language" text not null, "group" text check ("group" in ('treatment', 'holdout')) not null, "status" text check ("status" in ('pending', 'sending', 'sent', 'failed', 'held_out', 'suppressed')) not null, "reason" text null, "batch_id" text null, "claimed_at" timestamptz null, "attempts" integer not null default 0, "provider_message_id" text null, "sent_at" timestamptz null, "delivered_at" timestamptz null, "opened_at" timestamptz null, "clicked_at" timestamptz null, "bounced_at" timestamptz null, "unsubscribed_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "campaign_recipient_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_campaign_recipient_deleted_at" ON "campaign_recipient" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_campaign_recipient_campaign_id_customer_id_unique" ON "campaign_recipient" ("campaign_id", "customer_id");`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_campaign_recipient_campaign_id_status_language" ON "campaign_recipient" ("campaign_id", "status", "language");`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_campaign_recipient_batch_id" ON "campaign_recipient" ("batch_id");`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_campaign_recipient_customer_id_clicked_at" ON "campaign_recipient" ("customer_id", "clicked_at");`);

    this.addSql(`create table if not exists "email_campaign" ("id" text not null, "name" text not null, "segment_id" text not null, "status" text check ("status" in ('draft', 'scheduled', 'sending', 'paused', 'sent', 'cancelled')) not null default 'draft', "from_email" text not null, "from_name" text null, "reply_to" text null, "default_language" text not null default 'en', "language_key" text not null default 'language', "holdout_percent" real not null default 10, "attribution_window_days" integer not null default 5, "attribution_model" text check ("attribution_model" in ('click', 'click_or_open')) not null default 'click', "utm" jsonb null, "scheduled_at" timestamptz null, "started_at" timestamptz null, "finished_at" timestamptz null, "paused_at" timestamptz null, "audience_size" integer not null default 0, "holdout_size" integer not null default 0, "last_error" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "email_campaign_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_email_campaign_deleted_at" ON "email_campaign" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_email_campaign_status_scheduled_at" ON "email_campaign" ("status", "scheduled_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_email_campaign_segment_id" ON "email_campaign" ("segment_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "email_campaign_template" ("id" text not null, "campaign_id" text not null, "language" text not null, "subject" text not null, "html" text not null, "text" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "email_campaign_template_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_email_campaign_template_deleted_at" ON "email_campaign_template" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_email_campaign_template_campaign_id_language_unique" ON "email_campaign_template" ("campaign_id", "language") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "campaign_attribution" cascade;`);

    this.addSql(`drop table if exists "campaign_event" cascade;`);

    this.addSql(`drop table if exists "campaign_recipient" cascade;`);

    this.addSql(`drop table if exists "email_campaign" cascade;`);

    this.addSql(`drop table if exists "email_campaign_template" cascade;`);
  }

}
