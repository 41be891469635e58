// How long the anonymisation guard takes on a need's longest text (4 000 characters), on ordinary
// text from the corpus and on inputs made to be slow for regular expressions. Every save of a need
// runs it over each free text. Then how well it does on each corpus: recall and false alarms per
// kind and per topic. Never a pass/fail test (pii.test.ts asserts the numbers).
//   npm run bench:pii
import { existsSync } from 'node:fs';
import { findPersonalData } from '../src/lib/server/privacy/pii';
import { piiCorpus, type CorpusCase } from '../src/lib/server/privacy/pii-corpus';
import { piiEdgeCorpus } from '../src/lib/server/privacy/pii-corpus-edges';
import { scoreCorpus, summary } from '../src/lib/server/privacy/pii-score';

function time(label: string, text: string, runs: number) {
	for (let i = 0; i < 20; i++) findPersonalData(text);
	const start = performance.now();
	for (let i = 0; i < runs; i++) findPersonalData(text);
	const ms = (performance.now() - start) / runs;
	return {
		input: label,
		chars: text.length,
		'ms per text': Number(ms.toFixed(3)),
		findings: findPersonalData(text).length
	};
}

let ordinary = '';
for (const c of [...piiCorpus, ...piiEdgeCorpus]) {
	if (ordinary.length > 4000) break;
	ordinary += c.text + ' ';
}
const cut = (s: string) => s.slice(0, 4000);
console.table([
	time('corpus sentences', cut(ordinary), 500),
	time('digits and spaces', cut('1 '.repeat(2000)), 50),
	time('one long word after a cue', cut('Instagram ' + 'a'.repeat(3990)), 50),
	time('repeated document cues', cut(('OP ' + 'x'.repeat(30)).repeat(120)), 50),
	time('repeated street cues', cut('Ul. Aaaa '.repeat(450)), 50),
	time('dots before an @', cut('a.'.repeat(1999) + '@'), 50),
	time('capitalised words', cut('Aa '.repeat(1400)), 50),
	time('residence cues and places', cut('bydlí v Aaaa Bbbb '.repeat(230)), 50),
	time('work cues and names', cut('pracuje u firmy Aaa Bbb v Ccc '.repeat(140)), 50),
	time('school heads', cut('ZŠ Aaa MŠ '.repeat(400)), 50),
	time('slashes and digits', cut('123/456/'.repeat(500)), 50),
	time('spelled-out e-mail cues', cut('a zavináč b tečka '.repeat(230)), 50),
	time('case-number cues', cut('č. j. A-1/2-3 sp. zn. 1 P 2/ '.repeat(140)), 50),
	time('one long link', cut('https://reality.bazos.cz/inzerat/1/' + 'a'.repeat(3990)), 50)
]);

const pct = (n: number, d: number) => (d === 0 ? '–' : `${((100 * n) / d).toFixed(1)} %`);

function report(label: string, cases: readonly CorpusCase[]) {
	const s = scoreCorpus(cases);
	console.log(`\n${summary(label, s)}`);
	console.table(
		s.byKind.map((k) => ({
			kind: k.kind,
			expected: k.expected,
			found: k.found,
			'same kind': k.sameKind,
			recall: pct(k.found, k.expected),
			'false alarms': k.falseAlarms
		}))
	);
	console.table(
		s.byTopic.map((t) => ({
			topic: t.topic,
			cases: t.cases,
			recall: pct(t.found, t.expected),
			'clean flagged': t.cleanCases === 0 ? '' : `${t.cleanFlagged} / ${t.cleanCases}`
		}))
	);
	console.log(
		`Totals for ${label}: recall ${pct(s.found, s.expected)} (${s.found}/${s.expected}), ` +
			`clean sentences flagged ${s.cleanFlagged} / ${s.cleanCases}`
	);
}

report('piiCorpus', piiCorpus);
report('piiEdgeCorpus', piiEdgeCorpus);
// The held-out corpus measures how the rules generalise; it is optional on a developer's machine.
const holdoutPath = new URL('../src/lib/server/privacy/pii-corpus-holdout.ts', import.meta.url);
if (existsSync(holdoutPath)) {
	const { piiHoldoutCorpus } = (await import(holdoutPath.href)) as { piiHoldoutCorpus: CorpusCase[] };
	report('piiHoldoutCorpus', piiHoldoutCorpus);
}
