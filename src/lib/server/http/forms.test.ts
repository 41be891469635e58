import { describe, expect, it } from 'vitest';
import { readForm } from './forms';

const post = (body: BodyInit, type?: string) =>
	new Request('http://localhost/x', { method: 'POST', body, headers: type ? { 'content-type': type } : {} });

describe('readForm', () => {
	it('drops NUL characters, which PostgreSQL refuses in text, and keeps files', async () => {
		const form = new FormData();
		form.append('title', 'Post\u0000el');
		form.append('title', 'druhá');
		form.append('file', new File(['%PDF-'], 'a.pdf'));
		const read = await readForm(post(form));
		expect(read.getAll('title')).toEqual(['Postel', 'druhá']);
		expect(read.get('file')).toBeInstanceOf(File);
	});

	it('takes a body that is not a form for an empty form', async () => {
		expect([...(await readForm(post('{"a":1}', 'application/json')))]).toEqual([]);
	});
});
