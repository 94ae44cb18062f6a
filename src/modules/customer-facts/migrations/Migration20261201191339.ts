import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261201191339 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "history_import" ("id" text not null, "status" text check ("status" in ('pending', 'running', 'completed', 'failed')) not null default 'pending', "dry_run" boolean not null default false, "customers_file_key" text null, "customers_file_name" text null, "orders_file_key" text null, "orders_file_name" text null, "customers_file_size" integer not null default 0, "orders_file_size" integer not null default 0, "bytes_read" integer not null default 0, "customers_rows" integer not null default 0, "orders_rows" integer not null default 0, "customers_line" integer not null default 0, "orders_line" integer not null default 0, "customers_done" boolean not null default false, "orders_done" boolean not null default false, "customers_created" integer not null default 0, "customers_matched" integer not null default 0, "customers_updated" integer not null default 0, "consents_recorded" integer not null default 0, "orders_created" integer not null default 0, "orders_updated" integer not null default 0, "lines_upserted" integer not null default 0, "unknown_sku_count" integer not null default 0, "unknown_skus" text[] not null default '{}', "rows_with_errors" integer not null default 0, "errors" jsonb null, "failure" text null, "attempts" integer not null default 0, "created_by" text null, "started_at" timestamptz null, "finished_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "history_import_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_history_import_deleted_at" ON "history_import" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_history_import_status_created_at" ON "history_import" ("status", "created_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "history_import" cascade;`);
  }

}
