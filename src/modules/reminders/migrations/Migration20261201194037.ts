import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261201194037 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "reminder" drop constraint if exists "reminder_customer_id_rule_id_unique";`);
    this.addSql(`alter table if exists "reminder" drop constraint if exists "reminder_rule_id_customer_id_coverage_end_sequence_unique";`);
    this.addSql(`alter table if exists "customer_coverage" drop constraint if exists "customer_coverage_customer_id_rule_id_unique";`);
    this.addSql(`create table if not exists "customer_coverage" ("id" text not null, "customer_id" text not null, "rule_id" text not null, "covered_until" timestamptz null, "cycle_days" real null, "cycle_source" text check ("cycle_source" in ('rule', 'learned', 'personal')) null, "units" integer not null default 0, "last_purchase_at" timestamptz null, "last_variant_id" text null, "last_quantity" integer null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "customer_coverage_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_coverage_deleted_at" ON "customer_coverage" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_customer_coverage_customer_id_rule_id_unique" ON "customer_coverage" ("customer_id", "rule_id");`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_coverage_rule_id_covered_until" ON "customer_coverage" ("rule_id", "covered_until");`);

    this.addSql(`create table if not exists "reminder" ("id" text not null, "customer_id" text not null, "rule_id" text not null, "coverage_end" timestamptz not null, "due_at" timestamptz not null, "sequence" integer not null default 1, "status" text check ("status" in ('scheduled', 'claimed', 'sent', 'suppressed', 'withdrawn', 'failed')) not null default 'scheduled', "reason" text null, "claimed_at" timestamptz null, "claim_token" text null, "attempts" integer not null default 0, "message_id" text null, "sent_at" timestamptz null, "reorder_cart_id" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "reminder_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_reminder_deleted_at" ON "reminder" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_reminder_rule_id_customer_id_coverage_end_sequence_unique" ON "reminder" ("rule_id", "customer_id", "coverage_end", "sequence");`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_reminder_customer_id_rule_id_unique" ON "reminder" ("customer_id", "rule_id") WHERE status in ('scheduled', 'claimed') AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_reminder_due_at" ON "reminder" ("due_at") WHERE status = 'scheduled' AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_reminder_status_claimed_at" ON "reminder" ("status", "claimed_at");`);

    this.addSql(`create table if not exists "reminder_rule" ("id" text not null, "product_id" text not null, "variant_id" text null, "title" text null, "days_per_unit" real null, "lead_days" integer not null default 3, "substitute_product_ids" text[] not null default '{}', "substitute_variant_ids" text[] not null default '{}', "template" text not null default 'repurchase-reminder', "max_reminders" integer not null default 1, "nudge_after_days" integer not null default 7, "use_personal_cycle" boolean not null default true, "is_active" boolean not null default true, "learned_days_per_unit" real null, "learned_sample_size" integer not null default 0, "learned_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "reminder_rule_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_reminder_rule_deleted_at" ON "reminder_rule" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_reminder_rule_product_id" ON "reminder_rule" ("product_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_reminder_rule_is_active" ON "reminder_rule" ("is_active") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "customer_coverage" cascade;`);

    this.addSql(`drop table if exists "reminder" cascade;`);

    this.addSql(`drop table if exists "reminder_rule" cascade;`);
  }

}
