import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261123064950 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "loyalty_tier" ("id" text not null, "name" text not null, "rank" integer not null, "basis" text check ("basis" in ('points', 'spend')) not null default 'points', "threshold" numeric not null, "currency_code" text null, "earn_multiplier" numeric not null default 1, "customer_group_id" text null, "is_active" boolean not null default true, "raw_threshold" jsonb not null, "raw_earn_multiplier" jsonb not null default '{"value":"1","precision":20}', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "loyalty_tier_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_tier_deleted_at" ON "loyalty_tier" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "loyalty_account" add column if not exists "tier_id" text null, add column if not exists "tier_changed_at" timestamptz null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "loyalty_tier" cascade;`);

    this.addSql(`alter table if exists "loyalty_account" drop column if exists "tier_id", drop column if exists "tier_changed_at";`);
  }

}
