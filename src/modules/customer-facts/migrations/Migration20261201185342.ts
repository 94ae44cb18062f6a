import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261201185342 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "rfm_cutoff" drop constraint if exists "rfm_cutoff_dimension_currency_code_unique";`);
    this.addSql(`alter table if exists "purchase_fact" drop constraint if exists "purchase_fact_source_order_key_line_key_unique";`);
    this.addSql(`alter table if exists "order_fact" drop constraint if exists "order_fact_source_order_key_unique";`);
    this.addSql(`alter table if exists "customer_spend_fact" drop constraint if exists "customer_spend_fact_customer_id_currency_code_unique";`);
    this.addSql(`alter table if exists "customer_product_fact" drop constraint if exists "customer_product_fact_customer_id_product_key_unique";`);
    this.addSql(`alter table if exists "customer_fact" drop constraint if exists "customer_fact_customer_id_unique";`);
    this.addSql(`create table if not exists "consent_record" ("id" text not null, "customer_id" text not null, "purpose" text check ("purpose" in ('email_marketing', 'sms_marketing', 'tracking')) not null, "granted" boolean not null, "source" text not null, "recorded_at" timestamptz not null, "note" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "consent_record_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_consent_record_deleted_at" ON "consent_record" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_consent_record_customer_id_purpose_recorded_at" ON "consent_record" ("customer_id", "purpose", "recorded_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "customer_fact" ("id" text not null, "customer_id" text not null, "email" text null, "email_domain" text null, "first_name" text null, "last_name" text null, "has_account" boolean not null default false, "customer_created_at" timestamptz null, "group_ids" text[] not null default '{}', "metadata" jsonb null, "country_code" text null, "province" text null, "city" text null, "postal_code" text null, "email_marketing_consent" boolean not null default false, "sms_marketing_consent" boolean not null default false, "tracking_consent" boolean not null default false, "order_count" integer not null default 0, "first_order_at" timestamptz null, "last_order_at" timestamptz null, "main_currency_code" text null, "total_spent" numeric null, "average_order_value" numeric null, "r_score" integer null, "f_score" integer null, "m_score" integer null, "points_balance" integer not null default 0, "tier_id" text null, "refreshed_at" timestamptz not null, "raw_total_spent" jsonb null, "raw_average_order_value" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "customer_fact_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_fact_deleted_at" ON "customer_fact" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_customer_fact_customer_id_unique" ON "customer_fact" ("customer_id");`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_fact_country_code" ON "customer_fact" ("country_code");`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_fact_email_domain" ON "customer_fact" ("email_domain");`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_fact_last_order_at" ON "customer_fact" ("last_order_at");`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_fact_group_ids" ON "customer_fact" USING GIN ("group_ids");`);

    this.addSql(`create table if not exists "customer_product_fact" ("id" text not null, "customer_id" text not null, "product_key" text not null, "product_id" text null, "variant_id" text null, "sku" text null, "first_purchased_at" timestamptz not null, "last_purchased_at" timestamptz not null, "times_bought" integer not null, "quantity" integer not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "customer_product_fact_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_product_fact_deleted_at" ON "customer_product_fact" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_customer_product_fact_customer_id_product_key_unique" ON "customer_product_fact" ("customer_id", "product_key");`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_product_fact_product_id_customer_id" ON "customer_product_fact" ("product_id", "customer_id");`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_product_fact_variant_id_customer_id" ON "customer_product_fact" ("variant_id", "customer_id");`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_product_fact_sku_customer_id" ON "customer_product_fact" ("sku", "customer_id");`);

    this.addSql(`create table if not exists "customer_spend_fact" ("id" text not null, "customer_id" text not null, "currency_code" text not null, "order_count" integer not null, "total_spent" numeric not null, "refunded_total" numeric not null, "average_order_value" numeric not null, "first_order_at" timestamptz not null, "last_order_at" timestamptz not null, "raw_total_spent" jsonb not null, "raw_refunded_total" jsonb not null, "raw_average_order_value" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "customer_spend_fact_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_spend_fact_deleted_at" ON "customer_spend_fact" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_customer_spend_fact_customer_id_currency_code_unique" ON "customer_spend_fact" ("customer_id", "currency_code");`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_spend_fact_currency_code_total_spent" ON "customer_spend_fact" ("currency_code", "total_spent");`);

    this.addSql(`create table if not exists "order_fact" ("id" text not null, "source" text check ("source" in ('medusa', 'import')) not null, "order_key" text not null, "customer_id" text not null, "placed_at" timestamptz not null, "currency_code" text not null, "total" numeric not null, "refunded_total" numeric not null, "net_total" numeric not null, "item_quantity" integer not null, "raw_total" jsonb not null, "raw_refunded_total" jsonb not null, "raw_net_total" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "order_fact_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_fact_deleted_at" ON "order_fact" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_order_fact_source_order_key_unique" ON "order_fact" ("source", "order_key");`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_fact_customer_id_placed_at" ON "order_fact" ("customer_id", "placed_at");`);

    this.addSql(`create table if not exists "purchase_fact" ("id" text not null, "source" text check ("source" in ('medusa', 'import')) not null, "order_key" text not null, "line_key" text not null, "customer_id" text not null, "placed_at" timestamptz not null, "currency_code" text not null, "product_id" text null, "variant_id" text null, "sku" text null, "quantity" integer not null, "refunded_quantity" integer not null default 0, "net_quantity" integer not null, "unit_amount" numeric not null, "net_amount" numeric not null, "raw_unit_amount" jsonb not null, "raw_net_amount" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "purchase_fact_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_purchase_fact_deleted_at" ON "purchase_fact" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_purchase_fact_source_order_key_line_key_unique" ON "purchase_fact" ("source", "order_key", "line_key");`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_purchase_fact_customer_id_placed_at" ON "purchase_fact" ("customer_id", "placed_at");`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_purchase_fact_product_id_customer_id" ON "purchase_fact" ("product_id", "customer_id");`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_purchase_fact_variant_id_customer_id" ON "purchase_fact" ("variant_id", "customer_id");`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_purchase_fact_sku_customer_id" ON "purchase_fact" ("sku", "customer_id");`);

    this.addSql(`create table if not exists "rfm_cutoff" ("id" text not null, "dimension" text check ("dimension" in ('recency', 'frequency', 'monetary')) not null, "currency_code" text not null default '', "cutoffs" jsonb not null, "computed_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "rfm_cutoff_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_rfm_cutoff_deleted_at" ON "rfm_cutoff" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_rfm_cutoff_dimension_currency_code_unique" ON "rfm_cutoff" ("dimension", "currency_code") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "consent_record" cascade;`);

    this.addSql(`drop table if exists "customer_fact" cascade;`);

    this.addSql(`drop table if exists "customer_product_fact" cascade;`);

    this.addSql(`drop table if exists "customer_spend_fact" cascade;`);

    this.addSql(`drop table if exists "order_fact" cascade;`);

    this.addSql(`drop table if exists "purchase_fact" cascade;`);

    this.addSql(`drop table if exists "rfm_cutoff" cascade;`);
  }

}
