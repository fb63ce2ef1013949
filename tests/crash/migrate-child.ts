import { openDatabase } from '../../electron/db/open';
import { migrations } from '../../electron/db/migrations';
import { slowStep } from './slow-migration';

/**
 * Opens an existing database with one extra, slow migration so the parent can kill it at any point:
 * during the pre-migration backup, inside the migration transaction, or at its commit.
 * Usage: node migrate-child.mjs <db> <backupDir> <rows>
 */

const [file, backupDir, rows] = process.argv.slice(2);
console.log('opening');
const { db, preMigrationBackup } = await openDatabase(file!, {
  migrations: [...migrations, slowStep(Number(rows))],
  backupDir,
});
console.log(`done ${preMigrationBackup ?? ''}`);
db.close();
