import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261201221902 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "browsing_rate_window" drop constraint if exists "browsing_rate_window_visitor_key_window_start_unique";`);
    this.addSql(`alter table if exists "browsing_activity" drop constraint if exists "browsing_activity_visitor_key_product_id_activity_date_unique";`);
    this.addSql(`create table if not exists "browsing_activity" ("id" text not null, "visitor_key" text not null, "customer_id" text null, "product_id" text not null, "activity_date" timestamptz not null, "view_count" integer not null default 0, "cart_add_count" integer not null default 0, "last_event_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "browsing_activity_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_browsing_activity_deleted_at" ON "browsing_activity" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_browsing_activity_visitor_key_product_id_activity_date_unique" ON "browsing_activity" ("visitor_key", "product_id", "activity_date");`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_browsing_activity_customer_id_product_id_activity_date" ON "browsing_activity" ("customer_id", "product_id", "activity_date") WHERE customer_id IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_browsing_activity_product_id_activity_date" ON "browsing_activity" ("product_id", "activity_date");`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_browsing_activity_activity_date" ON "browsing_activity" ("activity_date");`);

    this.addSql(`create table if not exists "browsing_rate_window" ("id" text not null, "visitor_key" text not null, "window_start" timestamptz not null, "event_count" integer not null default 0, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "browsing_rate_window_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_browsing_rate_window_deleted_at" ON "browsing_rate_window" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_browsing_rate_window_visitor_key_window_start_unique" ON "browsing_rate_window" ("visitor_key", "window_start");`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_browsing_rate_window_window_start" ON "browsing_rate_window" ("window_start");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "browsing_activity" cascade;`);

    this.addSql(`drop table if exists "browsing_rate_window" cascade;`);
  }

}
