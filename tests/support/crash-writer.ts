/**
 * Child process for the crash test: opens the embedded database in the directory given as argument and
 * writes transactions of ten rows each, as fast as it can, until it is killed. Prints "ready" after the
 * first commit.
 */
import { createClient } from '../../src/lib/server/db/client';
import { startEmbedded } from '../../src/lib/server/db/embedded';
import { migrate, readMigrations } from '../../src/lib/server/db/migrate';

const dir = process.argv[2];
if (!dir) throw new Error('usage: crash-writer.ts DATA_DIR');

const embedded = await startEmbedded(dir);
const sql = createClient(embedded.url, { max: 1 });
await migrate(sql, readMigrations('migrations'));
await sql`create table if not exists crash_probe (batch int not null, n int not null, filler text not null)`;

for (let batch = 1; ; batch++) {
	await sql.begin(async (tx) => {
		for (let n = 0; n < 10; n++) {
			await tx`insert into crash_probe (batch, n, filler) values (${batch}, ${n}, ${'x'.repeat(2000)})`;
		}
		await tx`insert into jobs (kind, payload) values ('crash.probe', ${tx.json({ batch })})`;
	});
	if (batch === 1) process.stdout.write('ready\n');
}
