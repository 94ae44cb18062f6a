import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261201194038 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "marketing_message" drop constraint if exists "marketing_message_idempotency_key_unique";`);
    this.addSql(`alter table if exists "email_suppression" drop constraint if exists "email_suppression_email_unique";`);
    this.addSql(`create table if not exists "email_suppression" ("id" text not null, "email" text not null, "reason" text check ("reason" in ('bounce', 'dropped', 'spamreport', 'unsubscribe', 'manual')) not null, "source" text not null, "note" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "email_suppression_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_email_suppression_deleted_at" ON "email_suppression" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_email_suppression_email_unique" ON "email_suppression" ("email") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "marketing_message" ("id" text not null, "customer_id" text not null, "kind" text check ("kind" in ('reminder', 'campaign', 'automation')) not null, "source_id" text not null, "idempotency_key" text not null, "channel" text not null default 'email', "to" text null, "template" text null, "status" text check ("status" in ('reserved', 'sent', 'failed', 'suppressed')) not null default 'reserved', "reason" text null, "provider_message_id" text null, "reserved_at" timestamptz not null, "sent_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "marketing_message_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_message_deleted_at" ON "marketing_message" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_marketing_message_idempotency_key_unique" ON "marketing_message" ("idempotency_key");`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_message_customer_id_reserved_at" ON "marketing_message" ("customer_id", "reserved_at");`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_marketing_message_source_id" ON "marketing_message" ("source_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "email_suppression" cascade;`);

    this.addSql(`drop table if exists "marketing_message" cascade;`);
  }

}
