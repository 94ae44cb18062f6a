import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261123064622 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_points_lot_transaction_id" ON "points_lot" ("transaction_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_points_lot_expires_at" ON "points_lot" ("expires_at") WHERE remaining > 0 AND deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_points_lot_transaction_id";`);
    this.addSql(`drop index if exists "IDX_points_lot_expires_at";`);
  }

}
