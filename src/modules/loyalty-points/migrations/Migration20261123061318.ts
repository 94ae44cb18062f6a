import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261123061318 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "earn_rule" ("id" text not null, "name" text not null, "points_per_unit" numeric not null, "currency_code" text null, "region_id" text null, "sales_channel_id" text null, "customer_group_id" text null, "multipliers" jsonb not null default '{"items":[]}', "include_shipping" boolean not null default false, "include_tax" boolean not null default false, "starts_at" timestamptz null, "ends_at" timestamptz null, "is_active" boolean not null default true, "priority" integer not null default 0, "raw_points_per_unit" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "earn_rule_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_earn_rule_deleted_at" ON "earn_rule" ("deleted_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "earn_rule" cascade;`);
  }

}
