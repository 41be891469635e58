/**
 * E-mail templates in Czech and English, each with a plain-text and an HTML body. Parameters are
 * escaped for HTML here; templates never receive protected client data.
 */
export type Locale = 'cs' | 'en';

export interface RenderedMail {
	subject: string;
	text: string;
	html: string;
}

type Params = Record<string, string>;
type Template = Record<
	Locale,
	(p: Params) => { subject: string; lines: string[]; link?: { url: string; label: string } }
>;

const escapeHtml = (s: string) =>
	s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export const templates = {
	invitation: {
		cs: (p) => ({
			subject: 'Pozvánka do Spolu',
			lines: [
				'Dobrý den,',
				`${p.inviter} vás zve do Spolu v roli: ${p.role}.`,
				'Účet si založíte odkazem níže. Odkaz platí 7 dní a lze ho použít jen jednou.'
			],
			link: { url: p.url!, label: 'Přijmout pozvánku' }
		}),
		en: (p) => ({
			subject: 'Invitation to Spolu',
			lines: [
				'Hello,',
				`${p.inviter} invites you to Spolu as: ${p.role}.`,
				'Create your account with the link below. It is valid for 7 days and works once.'
			],
			link: { url: p.url!, label: 'Accept the invitation' }
		})
	}
} satisfies Record<string, Template>;

export type TemplateName = keyof typeof templates;

const footer: Record<Locale, string> = {
	cs: 'Tuto zprávu poslal Spolu automaticky. Pokud jste ji nečekali, můžete ji ignorovat.',
	en: 'Spolu sent this message automatically. If you did not expect it, you can ignore it.'
};

export function renderMail(name: TemplateName, locale: Locale, params: Params): RenderedMail {
	const t = (templates[name] as Template)[locale](params);
	const text = [
		...t.lines,
		...(t.link ? ['', `${t.link.label}: ${t.link.url}`] : []),
		'',
		'--',
		footer[locale]
	].join('\n');
	const html = [
		`<!doctype html><html lang="${locale}"><body style="font-family:sans-serif;line-height:1.5">`,
		...t.lines.map((l) => `<p>${escapeHtml(l)}</p>`),
		t.link ? `<p><a href="${escapeHtml(t.link.url)}">${escapeHtml(t.link.label)}</a></p>` : '',
		`<p style="color:#666;font-size:0.9em">${escapeHtml(footer[locale])}</p>`,
		'</body></html>'
	].join('\n');
	return { subject: t.subject, text, html };
}
