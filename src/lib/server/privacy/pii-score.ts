// Scores the anonymisation guard against a corpus of need texts (pii-corpus*.ts). Shared by the unit
// test, which asserts the numbers, and by the bench (npm run bench:pii), which prints them as tables.
// A finding counts for an expected fragment when it overlaps any occurrence of it; a finding of another
// kind still recalls the fragment (the text is flagged) but is reported apart and does not count as
// precise.
import { findPersonalData, personalDataKinds, type PersonalDataFinding, type PersonalDataKind } from './pii';
import type { CorpusCase } from './pii-corpus';

export interface KindScore {
	kind: PersonalDataKind;
	/** Expected fragments of this kind. */
	expected: number;
	/** Of those, overlapped by any finding. */
	found: number;
	/** Of those, overlapped by a finding of this very kind. */
	sameKind: number;
	/** Findings of this kind that overlap no expected fragment at all. */
	falseAlarms: number;
}

export interface TopicScore {
	topic: string;
	cases: number;
	expected: number;
	found: number;
	/** Cases without any expected fragment, and how many of them got a finding. */
	cleanCases: number;
	cleanFlagged: number;
}

export interface CorpusScore {
	cases: number;
	positives: number;
	expected: number;
	found: number;
	sameKind: number;
	findings: number;
	/** Findings that overlap an expected fragment of their own kind. */
	truePositives: number;
	precision: number;
	recall: number;
	cleanCases: number;
	cleanFlagged: number;
	byKind: KindScore[];
	byTopic: TopicScore[];
	/** Readable lines for a failing test or a curious developer. */
	misses: string[];
	falseAlarms: string[];
	otherKind: string[];
	/** Expected fragments that do not occur in their text: mistakes in the corpus. */
	brokenCases: string[];
}

function occurrences(text: string, fragment: string): [number, number][] {
	const spans: [number, number][] = [];
	if (fragment.length === 0) return spans;
	for (let at = text.indexOf(fragment); at >= 0; at = text.indexOf(fragment, at + 1)) {
		spans.push([at, at + fragment.length]);
	}
	return spans;
}

const overlaps = (f: { start: number; end: number }, occ: [number, number][]): boolean =>
	occ.some(([s, e]) => f.start < e && s < f.end);

/** The topic a case is counted under; older cases without one are grouped by what they expect. */
export function topicOf(c: CorpusCase): string {
	if (c.topic) return c.topic;
	if (c.expect.length === 0) return 'clean';
	return c.expect[0]!.kind;
}

export function scoreCorpus(
	cases: readonly CorpusCase[],
	detect: (text: string) => PersonalDataFinding[] = findPersonalData
): CorpusScore {
	const kinds = new Map<PersonalDataKind, KindScore>(
		personalDataKinds.map((kind) => [kind, { kind, expected: 0, found: 0, sameKind: 0, falseAlarms: 0 }])
	);
	const topics = new Map<string, TopicScore>();
	const score: CorpusScore = {
		cases: cases.length,
		positives: 0,
		expected: 0,
		found: 0,
		sameKind: 0,
		findings: 0,
		truePositives: 0,
		precision: 1,
		recall: 1,
		cleanCases: 0,
		cleanFlagged: 0,
		byKind: [],
		byTopic: [],
		misses: [],
		falseAlarms: [],
		otherKind: [],
		brokenCases: []
	};
	for (const c of cases) {
		const name = topicOf(c);
		const topic = topics.get(name) ?? {
			topic: name,
			cases: 0,
			expected: 0,
			found: 0,
			cleanCases: 0,
			cleanFlagged: 0
		};
		topics.set(name, topic);
		topic.cases++;
		const result = detect(c.text);
		const spans = c.expect.map((e) => {
			const occ = occurrences(c.text, e.fragment);
			if (occ.length === 0) score.brokenCases.push(`"${e.fragment}" is not in "${c.text}"`);
			return { ...e, occ };
		});
		if (c.expect.length === 0) {
			score.cleanCases++;
			topic.cleanCases++;
			if (result.length > 0) {
				score.cleanFlagged++;
				topic.cleanFlagged++;
			}
		} else score.positives++;
		for (const f of result) {
			score.findings++;
			if (spans.some((s) => s.kind === f.kind && overlaps(f, s.occ))) score.truePositives++;
			else {
				score.falseAlarms.push(`${f.kind}:"${c.text.slice(f.start, f.end)}" in "${c.text}"`);
				if (!spans.some((s) => overlaps(f, s.occ))) kinds.get(f.kind)!.falseAlarms++;
			}
		}
		for (const s of spans) {
			const k = kinds.get(s.kind)!;
			k.expected++;
			topic.expected++;
			score.expected++;
			const same = result.some((f) => f.kind === s.kind && overlaps(f, s.occ));
			const any = result.find((f) => overlaps(f, s.occ));
			if (same) {
				k.found++;
				k.sameKind++;
				topic.found++;
				score.found++;
				score.sameKind++;
			} else if (any) {
				k.found++;
				topic.found++;
				score.found++;
				score.otherKind.push(`${s.kind}:"${s.fragment}" found as ${any.kind} in "${c.text}"`);
			} else score.misses.push(`${s.kind}:"${s.fragment}" in "${c.text}"`);
		}
	}
	score.precision = score.findings === 0 ? 1 : score.truePositives / score.findings;
	score.recall = score.expected === 0 ? 1 : score.found / score.expected;
	score.byKind = [...kinds.values()].filter((k) => k.expected > 0 || k.falseAlarms > 0);
	score.byTopic = [...topics.values()].sort((a, b) => a.topic.localeCompare(b.topic));
	return score;
}

/** One line of totals, as the test and the bench print it. */
export function summary(label: string, s: CorpusScore): string {
	return (
		`${label}: ${s.cases} cases (${s.positives} positive, ${s.cleanCases} clean), ` +
		`recall ${s.recall.toFixed(3)} (${s.found}/${s.expected}, same kind ${s.sameKind}), ` +
		`precision ${s.precision.toFixed(3)} (${s.truePositives}/${s.findings}), ` +
		`clean flagged ${s.cleanFlagged} / ${s.cleanCases}`
	);
}

/** The misses, false alarms and kind mismatches, for a failing test's log. */
export function details(s: CorpusScore): string {
	const parts: string[] = [];
	if (s.brokenCases.length > 0) parts.push(`Broken cases:\n  ${s.brokenCases.join('\n  ')}`);
	if (s.misses.length > 0) parts.push(`Misses:\n  ${s.misses.join('\n  ')}`);
	if (s.falseAlarms.length > 0) parts.push(`False alarms:\n  ${s.falseAlarms.join('\n  ')}`);
	if (s.otherKind.length > 0) parts.push(`Found as another kind:\n  ${s.otherKind.join('\n  ')}`);
	return parts.join('\n');
}
