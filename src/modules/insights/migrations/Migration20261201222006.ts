import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261201222006 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "insights_co_purchase_run" drop constraint if exists "insights_co_purchase_run_scope_unique";`);
    this.addSql(`alter table if exists "insights_co_purchase_pair" drop constraint if exists "insights_co_purchase_pair_scope_product_key_related_key_unique";`);
    this.addSql(`create table if not exists "insights_co_purchase_pair" ("id" text not null, "scope" text check ("scope" in ('order', 'window')) not null, "product_key" text not null, "related_key" text not null, "pair_count" integer not null, "product_count" integer not null, "related_count" integer not null, "basket_count" integer not null, "support" real not null, "confidence" real not null, "lift" real not null, "window_days" integer null, "computed_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "insights_co_purchase_pair_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_insights_co_purchase_pair_deleted_at" ON "insights_co_purchase_pair" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_insights_co_purchase_pair_scope_product_key_related_key_unique" ON "insights_co_purchase_pair" ("scope", "product_key", "related_key");`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_insights_co_purchase_pair_scope_product_key_lift" ON "insights_co_purchase_pair" ("scope", "product_key", "lift");`);

    this.addSql(`create table if not exists "insights_co_purchase_run" ("id" text not null, "scope" text check ("scope" in ('order', 'window')) not null, "min_support" real not null, "min_pair_count" integer not null, "window_days" integer null, "max_basket_items" integer not null, "basket_count" integer not null, "pair_rows" integer not null, "facts_fingerprint" text not null, "duration_ms" integer not null, "computed_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "insights_co_purchase_run_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_insights_co_purchase_run_deleted_at" ON "insights_co_purchase_run" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_insights_co_purchase_run_scope_unique" ON "insights_co_purchase_run" ("scope");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "insights_co_purchase_pair" cascade;`);

    this.addSql(`drop table if exists "insights_co_purchase_run" cascade;`);
  }

}
