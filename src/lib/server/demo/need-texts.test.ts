import { describe, expect, it } from 'vitest';
import { findInNeed } from '../needs/anonymisation';
import { findPersonalData } from '../privacy/pii';
import { demoNeedTexts } from './need-texts';
import { demoNeedContent } from './needs';

describe('demo needs', () => {
	it('hold nothing the anonymisation guard would flag, so they show how a need should be written', () => {
		const flagged = demoNeedTexts.flatMap((t) => {
			const content = demoNeedContent(t);
			const messages = [...(t.thread ?? []).map((m) => m.text), t.reason ?? ''].flatMap((text) =>
				findPersonalData(text).map((f) => ({ field: 'message', fragment: text.slice(f.start, f.end) }))
			);
			return [...findInNeed(content, []), ...messages].map((f) => `${t.key} ${f.field}: ${f.fragment}`);
		});
		expect(flagged).toEqual([]);
	});
});
