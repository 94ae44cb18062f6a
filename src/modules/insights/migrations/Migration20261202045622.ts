import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261202045622 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "insights_co_purchase_month" drop constraint if exists "insights_co_purchase_month_month_unique";`);
    this.addSql(`create table if not exists "insights_co_purchase_month" ("id" text not null, "month" text not null, "fingerprint" text not null, "basket_count" integer not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "insights_co_purchase_month_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_insights_co_purchase_month_deleted_at" ON "insights_co_purchase_month" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_insights_co_purchase_month_month_unique" ON "insights_co_purchase_month" ("month");`);

    this.addSql(`create table if not exists "insights_co_purchase_month_count" ("id" text not null, "month" text not null, "product_key" text not null, "related_key" text null, "basket_count" integer not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "insights_co_purchase_month_count_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_insights_co_purchase_month_count_deleted_at" ON "insights_co_purchase_month_count" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_insights_co_purchase_month_count_month" ON "insights_co_purchase_month_count" ("month");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "insights_co_purchase_month" cascade;`);

    this.addSql(`drop table if exists "insights_co_purchase_month_count" cascade;`);
  }

}
