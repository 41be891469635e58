import { describe, expect, it } from 'vitest';
import { findInNeed } from '../needs/anonymisation';
import { findPersonalData } from '../privacy/pii';
import { demoNeedTexts } from './need-texts';
import { demoNeedContent } from './needs';
import { fundedDemoNeeds } from './money';
import { demoStories } from './stories';
import { votedDemoNeeds } from './votes';

describe('demo needs', () => {
	it('hold nothing the anonymisation guard would flag, so they show how a need should be written', () => {
		const all = [
			...demoNeedTexts,
			...fundedDemoNeeds,
			...votedDemoNeeds.map((v) => ({ ...v, reason: v.votes.map((vote) => vote?.reason ?? '').join(' ') }))
		];
		const flagged = all.flatMap((t) => {
			const content = demoNeedContent(t);
			const thread = 'thread' in t ? (t.thread ?? []) : [];
			const messages = [...thread.map((m) => m.text), ('reason' in t ? t.reason : '') ?? ''].flatMap((text) =>
				findPersonalData(text).map((f) => ({ field: 'message', fragment: text.slice(f.start, f.end) }))
			);
			return [...findInNeed(content, []), ...messages].map((f) => `${t.key} ${f.field}: ${f.fragment}`);
		});
		expect(flagged).toEqual([]);
	});

	it('tell stories the guard would let through, as a story should be written', () => {
		const flagged = demoStories.flatMap((s) =>
			[s.title, s.body].flatMap((text) =>
				findPersonalData(text).map((f) => `${s.title}: ${text.slice(f.start, f.end)}`)
			)
		);
		expect(flagged).toEqual([]);
	});
});
