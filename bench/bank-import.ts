// Importing a large bank statement: a Fio export of BENCH_LINES movements (default 100,000), 1 % of
// them paying open pledges, the rest waiting in the suspense account. On the embedded database by
// default; with DATABASE_URL on that server (use a throwaway database: the bench adds its own rows).
//   npm run bench:bank
// While the import runs, another "money action" takes the suspense account's row lock every 50 ms, as
// an assignment of a payment would; the bench reports how long the longest one waited, which is how
// long one batch holds other money actions. Never a pass/fail test.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createContext } from '../src/lib/server/core/context';
import { createClient } from '../src/lib/server/db/client';
import { startEmbedded } from '../src/lib/server/db/embedded';
import { migrate, readMigrations } from '../src/lib/server/db/migrate';
import { IMPORT_BATCH, IMPORT_BATCH_GIFTS, importStatement } from '../src/lib/server/payments/bank/import';
import { generateKey, parseKeyRing } from '../src/lib/server/privacy/encryption';

const lines = Number(process.env.BENCH_LINES ?? 100_000);
const dir = mkdtempSync(join(tmpdir(), 'spolu-bench-bank-'));
const embedded = process.env.DATABASE_URL ? undefined : await startEmbedded(join(dir, 'db'));
const sql = createClient(process.env.DATABASE_URL ?? embedded!.url, { max: embedded ? 1 : 4 });
await migrate(sql, readMigrations(join(import.meta.dirname, '..', 'migrations')));

const run = Date.now().toString(36);
const [user] = await sql<{ id: string }[]>`
	insert into users (email, name, password_hash) values (${`bench-${run}@example.cz`}, 'Bench', 'x') returning id`;
await sql`insert into user_roles (user_id, role) values (${user!.id}, 'coordinator')`;

// every hundredth line pays a pledge of its amount (BENCH_MATCH_EVERY), to the general fund
const symbol = (i: number) => String(900_000_000 + i);
// BENCH_MATCH_EVERY=1: every line pays a pledge (a club whose donors all give by QR code)
const every = Number(process.env.BENCH_MATCH_EVERY ?? 100);
const pledged = every > 0 ? Array.from({ length: Math.floor(lines / every) }, (_, k) => k * every) : [];
for (let k = 0; k < pledged.length; k += 1000) {
	const chunk = pledged.slice(k, k + 1000);
	await sql`
		insert into pledges (variable_symbol, purpose, amount, donor_name)
		select v, 'gift', a::bigint, 'Dárce' from unnest(${sql.array(chunk.map(symbol))}::text[],
			${sql.array(chunk.map((i) => String(10_000 + i)))}::text[]) as p(v, a)
		on conflict (variable_symbol) do nothing`;
}

const day = (i: number) =>
	`${String(1 + (i % 28)).padStart(2, '0')}.${String(1 + (i % 12)).padStart(2, '0')}.2026`;
const amount = (i: number) =>
	`${Math.floor((10_000 + i) / 100)},${String((10_000 + i) % 100).padStart(2, '0')}`;
const csv = [
	'"accountId";"2901234567"',
	'"bankId";"2010"',
	'"currency";"CZK"',
	'"iban";"CZ5520100000002901234567"',
	'',
	'"ID operace";"Datum";"Objem";"Měna";"Protiúčet";"Název protiúčtu";"Kód banky";"Název banky";"KS";"VS";"SS";"Poznámka";"Zpráva pro příjemce";"Typ";"Provedl";"Upřesnění";"Poznámka";"BIC";"ID pokynu"',
	...Array.from(
		{ length: lines },
		(_, i) =>
			`"${run}${i}";"${day(i)}";"${amount(i)}";"CZK";"2900999888";"Dárce ${i}";"2010";"Fio banka, a.s.";"";"${
				every > 0 && i % every === 0 ? symbol(i) : ''
			}";"";"";"Dar";"Bezhotovostní příjem";"";"";"";"";""`
	)
].join('\r\n');
const bytes = new TextEncoder().encode(csv);

const actor = {
	kind: 'person' as const,
	id: user!.id,
	name: 'Bench',
	roles: ['coordinator' as const],
	organisationId: null
};
const ctx = createContext(sql, actor, {
	origin: 'https://spolu.example',
	keys: parseKeyRing(generateKey('bench')),
	bankIban: 'CZ5520100000002901234567'
});

let longestWait = 0;
let probes = 0;
let importing = true;
const probe = (async () => {
	while (importing) {
		const start = performance.now();
		await sql.begin((tx) => tx`select balance from ledger_accounts where code = 'suspense:bank' for update`);
		longestWait = Math.max(longestWait, performance.now() - start);
		probes++;
		await new Promise((r) => setTimeout(r, 50));
	}
})();

const start = performance.now();
const result = await importStatement(ctx, { name: 'bench.csv', bytes });
const seconds = (performance.now() - start) / 1000;
importing = false;
await probe;
if (!result.ok) throw new Error(`import failed: ${JSON.stringify(result)}`);

console.table({
	[embedded ? 'embedded (PGlite)' : 'PostgreSQL']: {
		lines,
		'batch size': `${IMPORT_BATCH} lines, ${IMPORT_BATCH_GIFTS} gifts`,
		seconds: Number(seconds.toFixed(1)),
		'lines per second': Math.round(lines / seconds),
		matched: result.summary.matched,
		'longest wait of another money action (ms)': Math.round(longestWait),
		probes
	}
});

await sql.end();
await embedded?.close();
rmSync(dir, { recursive: true, force: true });
