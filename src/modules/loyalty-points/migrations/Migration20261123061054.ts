import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261123061054 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "points_transaction" drop constraint if exists "points_transaction_idempotency_key_unique";`);
    this.addSql(`alter table if exists "loyalty_account" drop constraint if exists "loyalty_account_customer_id_unique";`);
    this.addSql(`create table if not exists "loyalty_account" ("id" text not null, "customer_id" text not null, "points_balance" integer not null default 0, "points_debt" integer not null default 0, "lifetime_earned" integer not null default 0, "negative_policy" text check ("negative_policy" in ('allow_negative', 'clawback')) null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "loyalty_account_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_account_deleted_at" ON "loyalty_account" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_loyalty_account_customer_id_unique" ON "loyalty_account" ("customer_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "points_allocation" ("id" text not null, "transaction_id" text not null, "lot_id" text not null, "kind" text check ("kind" in ('consume', 'restore', 'debt')) not null, "points" integer not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "points_allocation_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_points_allocation_deleted_at" ON "points_allocation" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_points_allocation_transaction_id" ON "points_allocation" ("transaction_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_points_allocation_lot_id" ON "points_allocation" ("lot_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "points_lot" ("id" text not null, "account_id" text not null, "transaction_id" text not null, "points" integer not null, "remaining" integer not null, "earned_at" timestamptz not null, "available_at" timestamptz not null, "expires_at" timestamptz null, "rate" numeric null, "base_amount" numeric null, "currency_code" text null, "order_id" text null, "line_item_id" text null, "quantity" integer null, "raw_rate" jsonb null, "raw_base_amount" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "points_lot_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_points_lot_deleted_at" ON "points_lot" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_points_lot_account_id_expires_at" ON "points_lot" ("account_id", "expires_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_points_lot_order_id" ON "points_lot" ("order_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "points_transaction" ("id" text not null, "account_id" text not null, "customer_id" text not null, "type" text check ("type" in ('earn', 'redeem', 'expire', 'reverse', 'adjust', 'referral', 'reward')) not null, "points" integer not null, "idempotency_key" text not null, "occurred_at" timestamptz not null, "order_id" text null, "line_item_id" text null, "lot_id" text null, "reason" text null, "actor_id" text null, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "points_transaction_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_points_transaction_deleted_at" ON "points_transaction" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_points_transaction_idempotency_key_unique" ON "points_transaction" ("idempotency_key") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_points_transaction_account_id_occurred_at" ON "points_transaction" ("account_id", "occurred_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_points_transaction_order_id" ON "points_transaction" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_points_transaction_lot_id" ON "points_transaction" ("lot_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "loyalty_account" cascade;`);

    this.addSql(`drop table if exists "points_allocation" cascade;`);

    this.addSql(`drop table if exists "points_lot" cascade;`);

    this.addSql(`drop table if exists "points_transaction" cascade;`);
  }

}
