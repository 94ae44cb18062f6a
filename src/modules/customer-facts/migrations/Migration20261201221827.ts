import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261201221827 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "store_order_gap" ("id" text not null, "median_gap_days" real not null, "customers_sampled" integer not null, "computed_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "store_order_gap_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_store_order_gap_deleted_at" ON "store_order_gap" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "customer_fact" add column if not exists "expected_order_gap_days" real null, add column if not exists "expected_next_order_at" timestamptz null, add column if not exists "churn_risk_ratio" real null, add column if not exists "churn_risk" text check ("churn_risk" in ('low', 'medium', 'high')) null;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_fact_churn_risk" ON "customer_fact" ("churn_risk");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "store_order_gap" cascade;`);

    this.addSql(`drop index if exists "IDX_customer_fact_churn_risk";`);
    this.addSql(`alter table if exists "customer_fact" drop column if exists "expected_order_gap_days", drop column if exists "expected_next_order_at", drop column if exists "churn_risk_ratio", drop column if exists "churn_risk";`);
  }

}
