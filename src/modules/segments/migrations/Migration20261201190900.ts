import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261201190900 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "segment_membership" drop constraint if exists "segment_membership_segment_id_customer_id_unique";`);
    this.addSql(`create table if not exists "segment" ("id" text not null, "name" text not null, "description" text null, "definition" jsonb not null, "resolved_references" jsonb null, "is_live" boolean not null default true, "depends_on_time" boolean not null default false, "customer_group_id" text null, "store_visible" boolean not null default false, "member_count" integer not null default 0, "definition_version" integer not null default 1, "membership_version" integer not null default 0, "last_refreshed_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "segment_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_segment_deleted_at" ON "segment" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_segment_is_live" ON "segment" ("is_live") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_segment_customer_group_id" ON "segment" ("customer_group_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "segment_membership" ("id" text not null, "segment_id" text not null, "customer_id" text not null, "entered_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "segment_membership_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_segment_membership_deleted_at" ON "segment_membership" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_segment_membership_segment_id_customer_id_unique" ON "segment_membership" ("segment_id", "customer_id");`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_segment_membership_customer_id" ON "segment_membership" ("customer_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "segment" cascade;`);

    this.addSql(`drop table if exists "segment_membership" cascade;`);
  }

}
