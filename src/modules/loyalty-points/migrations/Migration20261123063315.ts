import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261123063315 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "purchase_reward" drop constraint if exists "purchase_reward_rule_id_customer_id_sequence_unique";`);
    this.addSql(`alter table if exists "purchase_counter" drop constraint if exists "purchase_counter_rule_id_customer_id_unique";`);
    this.addSql(`alter table if exists "purchase_count_entry" drop constraint if exists "purchase_count_entry_idempotency_key_unique";`);
    this.addSql(`create table if not exists "purchase_count_entry" ("id" text not null, "rule_id" text not null, "customer_id" text not null, "quantity" integer not null, "idempotency_key" text not null, "order_id" text null, "line_item_id" text null, "occurred_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "purchase_count_entry_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_purchase_count_entry_deleted_at" ON "purchase_count_entry" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_purchase_count_entry_idempotency_key_unique" ON "purchase_count_entry" ("idempotency_key") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_purchase_count_entry_rule_id_customer_id" ON "purchase_count_entry" ("rule_id", "customer_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "purchase_counter" ("id" text not null, "rule_id" text not null, "customer_id" text not null, "quantity" integer not null default 0, "rewards_issued" integer not null default 0, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "purchase_counter_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_purchase_counter_deleted_at" ON "purchase_counter" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_purchase_counter_rule_id_customer_id_unique" ON "purchase_counter" ("rule_id", "customer_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "purchase_reward" ("id" text not null, "rule_id" text not null, "customer_id" text not null, "sequence" integer not null, "reward_type" text check ("reward_type" in ('gift_shipment', 'promotion_code', 'bonus_points')) not null, "status" text check ("status" in ('pending', 'fulfilled', 'cancelled')) not null default 'pending', "order_id" text null, "gift_variant_id" text null, "gift_quantity" integer not null default 1, "shipping_address" jsonb null, "promotion_id" text null, "promotion_code" text null, "points_transaction_id" text null, "fulfilled_at" timestamptz null, "fulfilled_by" text null, "note" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "purchase_reward_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_purchase_reward_deleted_at" ON "purchase_reward" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_purchase_reward_rule_id_customer_id_sequence_unique" ON "purchase_reward" ("rule_id", "customer_id", "sequence") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_purchase_reward_status_reward_type" ON "purchase_reward" ("status", "reward_type") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "purchase_reward_rule" ("id" text not null, "name" text not null, "product_id" text null, "variant_id" text null, "every_quantity" integer not null, "reward_type" text check ("reward_type" in ('gift_shipment', 'promotion_code', 'bonus_points')) not null, "bonus_points" integer null, "gift_variant_id" text null, "gift_quantity" integer not null default 1, "is_active" boolean not null default true, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "purchase_reward_rule_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_purchase_reward_rule_deleted_at" ON "purchase_reward_rule" ("deleted_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "purchase_count_entry" cascade;`);

    this.addSql(`drop table if exists "purchase_counter" cascade;`);

    this.addSql(`drop table if exists "purchase_reward" cascade;`);

    this.addSql(`drop table if exists "purchase_reward_rule" cascade;`);
  }

}
