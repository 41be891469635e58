// Adds or replaces UI messages in messages/cs.json and messages/en.json in one step, keeping the
// files' order and format. Several people may add messages at once: the files are rewritten under an
// exclusive lock directory.
//   node scripts/add-messages.mjs '{"key": ["česky", "in English"], ...}'
import { mkdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';

const entries = Object.entries(JSON.parse(process.argv[2] ?? '{}'));
const lock = 'messages/.lock';
for (let i = 0; ; i++) {
	try {
		mkdirSync(lock);
		break;
	} catch {
		if (i > 200) throw new Error('messages/.lock is held; remove it if no one is writing');
		await new Promise((r) => setTimeout(r, 50));
	}
}
try {
	for (const [index, locale] of ['cs', 'en'].entries()) {
		const file = `messages/${locale}.json`;
		const messages = JSON.parse(readFileSync(file, 'utf8'));
		for (const [key, texts] of entries) {
			if (!Array.isArray(texts) || texts.length !== 2) throw new Error(`${key}: give [czech, english]`);
			messages[key] = texts[index];
		}
		writeFileSync(file, JSON.stringify(messages, null, '\t') + '\n');
	}
} finally {
	rmdirSync(lock);
}
