// How long the anonymisation guard takes on a need's longest text (4 000 characters), on ordinary
// text from the corpus and on inputs made to be slow for regular expressions. Every save of a need
// runs it over each free text. Never a pass/fail test.
//   npm run bench:pii
import { findPersonalData } from '../src/lib/server/privacy/pii';
import { piiCorpus } from '../src/lib/server/privacy/pii-corpus';

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
for (const c of piiCorpus) {
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
	time('capitalised words', cut('Aa '.repeat(1400)), 50)
]);
