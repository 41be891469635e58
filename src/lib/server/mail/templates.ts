/**
 * E-mail templates in Czech and English, each with a plain-text and an HTML body. Parameters are
 * escaped for HTML here; templates never receive protected client data. Links are absolute: build them
 * with `mailLink` from the configured origin.
 */
export type Locale = 'cs' | 'en';

export interface RenderedMail {
	subject: string;
	text: string;
	html: string;
}

type Params = Record<string, string>;
type Rendered = {
	subject: string;
	lines: string[];
	/** label–value pairs after the lines (payment details): a table in HTML, "Label: value" in text */
	details?: [string, string][];
	/** an inline image after the details, sent as an attachment with this Content-ID (the QR code) */
	image?: { cid: string; alt: string };
	/** paragraphs after the details and the image */
	after?: string[];
	link?: { url: string; label: string };
};
interface Template {
	/** parameters the template cannot do without; rendering without one is a programming error */
	params: readonly string[];
	cs: (p: Params) => Rendered;
	en: (p: Params) => Rendered;
}

const escapeHtml = (s: string) =>
	s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export const templates = {
	invitation: {
		params: ['inviter', 'role', 'url'],
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
	},
	verify_email: {
		params: ['url'],
		cs: (p) => ({
			subject: 'Potvrďte svou e-mailovou adresu ve Spolu',
			lines: [
				'Dobrý den,',
				'Děkujeme za registraci do Spolu. Účet aktivujete potvrzením své e-mailové adresy odkazem níže.',
				'Odkaz platí 48 hodin a lze ho použít jen jednou. Pokud jste se do Spolu neregistrovali, zprávu prosím ignorujte – účet bez potvrzení zůstane neaktivní.'
			],
			link: { url: p.url!, label: 'Potvrdit e-mailovou adresu' }
		}),
		en: (p) => ({
			subject: 'Confirm your e-mail address for Spolu',
			lines: [
				'Hello,',
				'Thank you for signing up to Spolu. Confirm your e-mail address with the link below to activate your account.',
				'The link is valid for 48 hours and works once. If you did not sign up to Spolu, please ignore this message – the account stays inactive without confirmation.'
			],
			link: { url: p.url!, label: 'Confirm the e-mail address' }
		})
	},
	reset_password: {
		params: ['url'],
		cs: (p) => ({
			subject: 'Obnovení hesla do Spolu',
			lines: [
				'Dobrý den,',
				'Někdo (nejspíš vy) požádal o obnovení hesla k vašemu účtu ve Spolu. Nové heslo si nastavíte odkazem níže.',
				'Odkaz platí 1 hodinu a lze ho použít jen jednou. Po změně hesla budete odhlášeni ze všech zařízení.',
				'Pokud jste o obnovení nežádali, zprávu ignorujte – vaše heslo zůstane beze změny.'
			],
			link: { url: p.url!, label: 'Nastavit nové heslo' }
		}),
		en: (p) => ({
			subject: 'Reset your Spolu password',
			lines: [
				'Hello,',
				'Someone (probably you) asked to reset the password of your Spolu account. Set a new password with the link below.',
				'The link is valid for 1 hour and works once. After the change you will be signed out on every device.',
				'If you did not ask for this, ignore this message – your password stays unchanged.'
			],
			link: { url: p.url!, label: 'Set a new password' }
		})
	},
	// a member's card dues did not go through (once per Stripe invoice); `amount` is formatted already
	due_failed: {
		params: ['amount', 'url'],
		cs: (p) => ({
			subject: 'Platba členského příspěvku se nezdařila',
			lines: [
				'Dobrý den,',
				`platbu vašeho členského příspěvku ${p.amount} kartou se nepodařilo provést.`,
				'Platební brána se ji v příštích dnech pokusí strhnout znovu. Pokud karta platí a je na ní dost peněz, nemusíte nic dělat.',
				'Pokud vám karta vypršela nebo ji máte novou, můžete na stránce členského příspěvku dosavadní pravidelnou platbu zrušit a založit novou s platnou kartou.'
			],
			link: { url: p.url!, label: 'Členský příspěvek' }
		}),
		en: (p) => ({
			subject: 'Your membership dues payment failed',
			lines: [
				'Hello,',
				`the card payment of your membership dues of ${p.amount} did not go through.`,
				'The payment gateway will try again over the next few days. If your card is valid and has enough funds, you need not do anything.',
				'If your card has expired or been replaced, you can cancel the current regular payment on the membership dues page and set up a new one with a valid card.'
			],
			link: { url: p.url!, label: 'Membership dues' }
		})
	},
	account_exists: {
		params: ['signInUrl', 'resetUrl'],
		cs: (p) => ({
			subject: 'Účet ve Spolu už máte',
			lines: [
				'Dobrý den,',
				'Někdo (nejspíš vy) se právě pokusil zaregistrovat do Spolu s vaší e-mailovou adresou. Účet s touto adresou už ale existuje, proto jsme žádný nový nezaložili.',
				`Přihlásit se můžete na adrese ${p.signInUrl}. Pokud si heslo nepamatujete, nastavte si nové odkazem níže.`,
				'Pokud jste to nebyli vy, zprávu ignorujte – na vašem účtu se nic nezměnilo.'
			],
			link: { url: p.resetUrl!, label: 'Obnovit heslo' }
		}),
		en: (p) => ({
			subject: 'You already have a Spolu account',
			lines: [
				'Hello,',
				'Someone (probably you) just tried to sign up to Spolu with your e-mail address. An account with this address already exists, so no new one was created.',
				`You can sign in at ${p.signInUrl}. If you do not remember your password, set a new one with the link below.`,
				'If this was not you, ignore this message – nothing has changed on your account.'
			],
			link: { url: p.resetUrl!, label: 'Reset the password' }
		})
	},
	access_requested: {
		params: ['requester', 'organisation', 'url'],
		cs: (p) => ({
			subject: 'Nová žádost o přístup do Spolu',
			lines: [
				'Dobrý den,',
				`${p.requester} (${p.organisation}) žádá o přístup do Spolu jako sociální pracovník/pracovnice.`,
				'Žádost prosím ověřte a schvalte nebo zamítněte ve Spolu.'
			],
			link: { url: p.url!, label: 'Zobrazit žádosti o přístup' }
		}),
		en: (p) => ({
			subject: 'New request for access to Spolu',
			lines: [
				'Hello,',
				`${p.requester} (${p.organisation}) asks for access to Spolu as a social worker.`,
				'Please verify the request and approve or decline it in Spolu.'
			],
			link: { url: p.url!, label: 'See the access requests' }
		})
	},
	access_approved: {
		params: ['url'],
		cs: (p) => ({
			subject: 'Váš přístup do Spolu byl schválen',
			lines: [
				'Dobrý den,',
				'Koordinátor klubu ověřil vaši žádost a váš účet ve Spolu je aktivní. Přihlaste se e-mailovou adresou a heslem, které jste si zvolili.',
				'Při prvním přihlášení si nastavíte dvoufázové ověření, které chrání údaje vašich klientů.'
			],
			link: { url: p.url!, label: 'Přihlásit se' }
		}),
		en: (p) => ({
			subject: 'Your access to Spolu has been approved',
			lines: [
				'Hello,',
				'The club coordinator verified your request and your Spolu account is active. Sign in with the e-mail address and password you chose.',
				"When you first sign in, you will set up two-step verification, which protects your clients' data."
			],
			link: { url: p.url!, label: 'Sign in' }
		})
	},
	need_update: {
		// The e-mail says what happened and links to the need; the text of messages and reasons stays in
		// Spolu behind sign-in, so a forwarded or intercepted e-mail carries nothing about the family.
		params: ['number', 'title', 'event', 'url'],
		cs: (p) => ({
			subject: `Potřeba č. ${p.number}: ${needEventText.cs[p.event!] ?? 'změna'}`,
			lines: [
				'Dobrý den,',
				`u potřeby č. ${p.number} „${p.title}“: ${needEventText.cs[p.event!] ?? 'změna'}.`,
				needEventHint.cs[p.event!] ?? 'Podrobnosti najdete ve Spolu.'
			],
			link: { url: p.url!, label: 'Otevřít potřebu' }
		}),
		en: (p) => ({
			subject: `Need no. ${p.number}: ${needEventText.en[p.event!] ?? 'a change'}`,
			lines: [
				'Hello,',
				`need no. ${p.number} “${p.title}”: ${needEventText.en[p.event!] ?? 'a change'}.`,
				needEventHint.en[p.event!] ?? 'You will find the details in Spolu.'
			],
			link: { url: p.url!, label: 'Open the need' }
		})
	},
	pledge_instructions: {
		// Payment details for a bank-transfer pledge (money-mails.ts). Only what the donor needs to pay: the
		// club's account, the symbol, the amount and what it is for (a public collection's number and title).
		params: ['purpose', 'amount', 'iban', 'variableSymbol', 'message', 'url'],
		cs: (p) => ({
			subject: p.purpose === 'dues' ? 'Platební údaje k členskému příspěvku' : 'Platební údaje k vašemu daru',
			lines: [
				'Dobrý den,',
				p.purpose === 'dues'
					? 'děkujeme, že platíte členský příspěvek. Pošlete ho prosím bankovním převodem s těmito údaji:'
					: p.purpose === 'need'
						? `děkujeme, že chcete přispět na potřebu č. ${p.needNumber}${p.needTitle ? ` „${p.needTitle}“` : ''}. Dar pošlete bankovním převodem s těmito údaji:`
						: 'děkujeme, že chcete přispět do společného fondu klubu. Dar pošlete bankovním převodem s těmito údaji:'
			],
			details: [
				['Částka', p.amount!],
				...(p.account ? [['Číslo účtu', p.account] as [string, string]] : []),
				['IBAN', p.iban!],
				['Variabilní symbol', p.variableSymbol!],
				['Zpráva pro příjemce', p.message!]
			],
			image: p.qr
				? { cid: p.qr, alt: `QR Platba: ${p.amount}, variabilní symbol ${p.variableSymbol}` }
				: undefined,
			after: [
				...(p.qr
					? ['Nejsnáz zaplatíte QR kódem: naskenujte ho v mobilní bance (QR Platba) a údaje se vyplní samy.']
					: []),
				'Variabilní symbol prosím opište přesně, podle něj platbu poznáme.',
				'Jakmile platba dorazí na účet klubu, dáme vám vědět e-mailem. Obvykle to trvá několik pracovních dní.',
				...(p.reference
					? [`Veřejná sbírka je oznámena krajskému úřadu pod číslem jednacím ${p.reference}.`]
					: [])
			],
			link: { url: p.url!, label: 'Platební údaje a stav platby' }
		}),
		en: (p) => ({
			subject:
				p.purpose === 'dues' ? 'Payment details for your membership dues' : 'Payment details for your gift',
			lines: [
				'Hello,',
				p.purpose === 'dues'
					? 'thank you for paying your membership dues. Please send them by bank transfer with these details:'
					: p.purpose === 'need'
						? `thank you for wanting to give to need no. ${p.needNumber}${p.needTitle ? ` “${p.needTitle}”` : ''}. Please send your gift by bank transfer with these details:`
						: "thank you for wanting to give to the club's general fund. Please send your gift by bank transfer with these details:"
			],
			details: [
				['Amount', p.amount!],
				...(p.account ? [['Czech account number', p.account] as [string, string]] : []),
				['IBAN', p.iban!],
				['Variable symbol', p.variableSymbol!],
				['Message for the recipient', p.message!]
			],
			image: p.qr
				? { cid: p.qr, alt: `QR Platba: ${p.amount}, variable symbol ${p.variableSymbol}` }
				: undefined,
			after: [
				...(p.qr
					? [
							'The easiest way is the QR code: scan it in your banking app (QR Platba) and the details fill in by themselves.'
						]
					: []),
				'Please copy the variable symbol exactly: it is how we recognise your payment.',
				"Once the payment reaches the club's account, we will let you know by e-mail. It usually takes a few working days.",
				...(p.reference
					? [
							`The public collection is registered with the regional authority under reference ${p.reference}.`
						]
					: [])
			],
			link: { url: p.url!, label: 'Payment details and status' }
		})
	},
	gift_thanks: {
		// Thanks when a bank or card gift (or dues) arrived (money-mails.ts): the amount, the day, where it
		// went. `split` is how the money was divided: 'need', 'need_part' (the rest to the fund: the need
		// reached its target), 'need_closed' (the need took no more), 'fund', 'dues'.
		params: ['split', 'amount', 'day', 'url', 'linkKind'],
		cs: (p) => ({
			subject: p.split === 'dues' ? 'Děkujeme za členský příspěvek' : 'Děkujeme za váš dar',
			lines: [
				'Dobrý den,',
				p.split === 'dues'
					? `váš členský příspěvek ${p.amount} k nám dorazil ${p.day}. Děkujeme, že klub podporujete!`
					: `váš dar ${p.amount} k nám dorazil ${p.day}. Moc děkujeme!`,
				...(p.split === 'need'
					? [`Celý dar jde na potřebu č. ${p.needNumber}${p.needTitle ? ` „${p.needTitle}“` : ''}.`]
					: p.split === 'need_part'
						? [
								`${p.toNeed} jde na potřebu č. ${p.needNumber}${p.needTitle ? ` „${p.needTitle}“` : ''}, která je tím plně zafinancovaná. Zbylých ${p.toFund} jsme dali do společného fondu klubu, ze kterého pomáháme dalším rodinám.`
							]
						: p.split === 'need_closed'
							? [
									`Potřeba č. ${p.needNumber} už mezitím další dary nepřijímala, proto jsme celý dar dali do společného fondu klubu, ze kterého pomáháme dalším rodinám.`
								]
							: p.split === 'fund'
								? [
										'Dar jsme připsali do společného fondu klubu, ze kterého pomáháme rodinám tam, kde je to nejvíc potřeba.'
									]
								: [])
			],
			link: { url: p.url!, label: thanksLinkLabel.cs[p.linkKind!] ?? 'Spolu' }
		}),
		en: (p) => ({
			subject: p.split === 'dues' ? 'Thank you for your membership dues' : 'Thank you for your gift',
			lines: [
				'Hello,',
				p.split === 'dues'
					? `your membership dues of ${p.amount} reached us on ${p.day}. Thank you for supporting the club!`
					: `your gift of ${p.amount} reached us on ${p.day}. Thank you very much!`,
				...(p.split === 'need'
					? [`All of it goes to need no. ${p.needNumber}${p.needTitle ? ` “${p.needTitle}”` : ''}.`]
					: p.split === 'need_part'
						? [
								`${p.toNeed} goes to need no. ${p.needNumber}${p.needTitle ? ` “${p.needTitle}”` : ''}, which is now fully funded. The remaining ${p.toFund} went to the club's general fund, from which we help other families.`
							]
						: p.split === 'need_closed'
							? [
									`Need no. ${p.needNumber} took no more gifts in the meantime, so all of your gift went to the club's general fund, from which we help other families.`
								]
							: p.split === 'fund'
								? [
										"Your gift went to the club's general fund, from which we help families where help is needed most."
									]
								: [])
			],
			link: { url: p.url!, label: thanksLinkLabel.en[p.linkKind!] ?? 'Spolu' }
		})
	},
	standing_order_instructions: {
		// A monthly gift by standing order (trvalý příkaz) to the general fund (money-mails.ts): the donor sets
		// it up once in their bank; the same variable symbol then makes every payment a gift of theirs.
		params: ['amount', 'iban', 'variableSymbol', 'message', 'url'],
		cs: (p) => ({
			subject: 'Údaje pro trvalý příkaz k vašemu měsíčnímu daru',
			lines: [
				'Dobrý den,',
				'děkujeme, že chcete klub podporovat každý měsíc. Ve své bance si prosím nastavte trvalý příkaz s těmito údaji:'
			],
			details: [
				['Částka každý měsíc', p.amount!],
				...(p.account ? [['Číslo účtu', p.account] as [string, string]] : []),
				['IBAN', p.iban!],
				['Variabilní symbol', p.variableSymbol!],
				['Zpráva pro příjemce', p.message!],
				['Četnost', 'měsíčně']
			],
			image: p.qr
				? { cid: p.qr, alt: `QR Platba první platby: ${p.amount}, variabilní symbol ${p.variableSymbol}` }
				: undefined,
			after: [
				...(p.qr
					? [
							'QR kód obsahuje údaje první platby. Některé mobilní banky z něj nabídnou rovnou založit trvalý příkaz.'
						]
					: []),
				'Variabilní symbol je váš a platí pro každou platbu: podle něj každou měsíční platbu poznáme jako váš dar. Prosím ho neměňte.',
				'Každá platba je samostatný dar do společného fondu klubu a po jejím připsání vám poděkujeme. Trvalý příkaz můžete kdykoli zrušit nebo změnit ve své bance, nám nic psát nemusíte.'
			],
			link: { url: p.url!, label: 'Údaje pro trvalý příkaz' }
		}),
		en: (p) => ({
			subject: 'Standing order details for your monthly gift',
			lines: [
				'Hello,',
				'thank you for wanting to support the club every month. Please set up a standing order in your bank with these details:'
			],
			details: [
				['Amount each month', p.amount!],
				...(p.account ? [['Czech account number', p.account] as [string, string]] : []),
				['IBAN', p.iban!],
				['Variable symbol', p.variableSymbol!],
				['Message for the recipient', p.message!],
				['Frequency', 'monthly']
			],
			image: p.qr
				? {
						cid: p.qr,
						alt: `QR Platba for the first payment: ${p.amount}, variable symbol ${p.variableSymbol}`
					}
				: undefined,
			after: [
				...(p.qr
					? [
							'The QR code holds the details of the first payment. Some banking apps offer to set up the standing order from it directly.'
						]
					: []),
				'The variable symbol is yours and stays the same for every payment: it is how we recognise each monthly payment as your gift. Please do not change it.',
				"Each payment is a gift to the club's general fund of its own, and we thank you once it arrives. You can cancel or change the standing order in your bank at any time without telling us."
			],
			link: { url: p.url!, label: 'Standing order details' }
		})
	},
	need_news: {
		// Thanks that come back (need-news.ts): the help a donor gave to was delivered, or its story was
		// published. Only to donors who asked for it; the need's number and a public collection's title only.
		// `linkKind`: 'story', 'story_signin' (a story for signed-in donors), 'collection', 'impact';
		// `storyHidden`: the story exists but this donor may not read it.
		params: ['event', 'needNumber', 'url', 'linkKind'],
		cs: (p) => {
			const need = `potřebě č. ${p.needNumber}${p.needTitle ? ` „${p.needTitle}“` : ''}`;
			return {
				subject:
					p.event === 'delivered'
						? 'Pomoc, na kterou jste přispěli, dorazila'
						: 'Příběh pomoci, na kterou jste přispěli',
				lines: [
					'Dobrý den,',
					p.event === 'delivered'
						? `pomoc k ${need}, na kterou jste přispěli, dorazila k rodině. Děkujeme, že jste u toho byli!`
						: `o pomoci k ${need}, na kterou jste přispěli, jsme zveřejnili příběh. Děkujeme, že jste pomohli!`,
					...(p.storyHidden
						? [
								'Rodina si přála, aby příběh četli jen přihlášení dárci klubu, proto vám ho tu ukázat nemůžeme.'
							]
						: p.linkKind === 'story_signin'
							? ['Příběh je jen pro dárce klubu: přečtete si ho po přihlášení.']
							: []),
					'Tuto zprávu posíláme, protože jste si o ni při darování řekli.'
				],
				link: {
					url: p.url!,
					label:
						{
							story: 'Přečíst příběh',
							story_signin: 'Přečíst příběh po přihlášení',
							collection: `Sbírka na potřebu č. ${p.needNumber}`,
							impact: 'Co klub díky dárcům dokázal'
						}[p.linkKind!] ?? 'Spolu'
				}
			};
		},
		en: (p) => {
			const need = `need no. ${p.needNumber}${p.needTitle ? ` “${p.needTitle}”` : ''}`;
			return {
				subject:
					p.event === 'delivered' ? 'The help you gave to has arrived' : 'The story of the help you gave to',
				lines: [
					'Hello,',
					p.event === 'delivered'
						? `the help for ${need}, which you gave to, has reached the family. Thank you for being part of it!`
						: `we have published the story of the help for ${need}, which you gave to. Thank you for helping!`,
					...(p.storyHidden
						? [
								"The family asked for the story to be read only by the club's signed-in donors, so we cannot show it to you here."
							]
						: p.linkKind === 'story_signin'
							? ["The story is for the club's donors only: sign in to read it."]
							: []),
					'We are sending this because you asked for it when you gave.'
				],
				link: {
					url: p.url!,
					label:
						{
							story: 'Read the story',
							story_signin: 'Sign in to read the story',
							collection: `The collection for need no. ${p.needNumber}`,
							impact: 'What the club achieved thanks to donors'
						}[p.linkKind!] ?? 'Spolu'
				}
			};
		}
	},
	gift_confirmation_year: {
		// the confirmation itself is attached (receipts/year-run.ts); `url` (optional): the donor's own gifts
		params: ['year', 'number', 'total', 'club'],
		cs: (p) => ({
			subject: `Potvrzení o daru za rok ${p.year}`,
			lines: [
				'Dobrý den,',
				`děkujeme za vaši podporu v roce ${p.year}. ${p.club} vám v příloze posílá potvrzení o daru č. ${p.number} na celkovou hodnotu ${p.total}.`,
				'S potvrzením si můžete hodnotu darů odečíst od základu daně z příjmů. Pokud vám daň spočítá zaměstnavatel v ročním zúčtování, odevzdejte mu potvrzení nejpozději do 15. února.',
				'Kdyby na potvrzení něco nesedělo (jméno, adresa, u firmy IČO nebo DIČ), ozvěte se nám prosím a vystavíme opravené.'
			],
			...(p.url ? { link: { url: p.url, label: 'Vaše dary ve Spolu' } } : {})
		}),
		en: (p) => ({
			subject: `Confirmation of your donations in ${p.year}`,
			lines: [
				'Hello,',
				`thank you for your support in ${p.year}. Attached you will find the confirmation of donation no. ${p.number} from ${p.club}, with a total value of ${p.total}.`,
				'With it you can deduct the donations from your income tax base in the Czech Republic. If your employer works out your tax in the annual reconciliation, hand it to them by 15 February.',
				'The Czech original is the document for the tax office; the English version attached beside it is a translation for your information.',
				"If anything on it is not right (your name, your address, or a company's IČO or DIČ), please let us know and we will issue a corrected one."
			],
			...(p.url ? { link: { url: p.url, label: 'Your gifts in Spolu' } } : {})
		})
	}
} satisfies Record<string, Template>;

/** Where a thank-you e-mail links to: the donor's own gifts, the collection, what the club does. */
const thanksLinkLabel: Record<Locale, Record<string, string>> = {
	cs: { profile: 'Vaše dary ve Spolu', collection: 'Jak pokračuje sbírka', impact: 'Komu klub pomáhá' },
	en: {
		profile: 'Your gifts in Spolu',
		collection: 'How the collection is going',
		impact: 'Whom the club helps'
	}
};

/** What happened to a need, as the subject and first line of `need_update` say it. */
const needEventText: Record<Locale, Record<string, string>> = {
	cs: {
		submitted: 'nová potřeba k posouzení',
		vote_opened: 'klub o potřebě hlasuje – čeká se na váš hlas',
		poll_question: 'člen klubu se před hlasováním ptá',
		poll_answer: 'organizace odpověděla v diskusi k hlasování',
		decided: 'klub rozhodl o podobě pomoci a určil kontaktní osobu',
		vote_reminder: 'hlasování končí do 24 hodin a váš hlas zatím chybí',
		vote_approved: 'klub potřebu schválil',
		vote_rejected: 'klub potřebu v hlasování nepřijal',
		vote_no_quorum: 'hlasování skončilo bez potřebného počtu hlasů',
		info_requested: 'koordinátor klubu žádá o doplnění',
		answered: 'organizace odpověděla na dotaz',
		message: 'nová zpráva',
		ready: 'potřeba je připravena k hlasování klubu',
		rejected: 'klub potřebu nepřijal',
		duplicate: 'potřeba byla označena jako duplicitní',
		withdrawn: 'potřeba byla stažena',
		funded: 'potřeba je plně zafinancovaná, pomoc lze zajistit',
		cancelled: 'klub pomoc u potřeby zrušil',
		closed: 'potřeba byla uzavřena',
		delivery_arranged: 'kontaktní osoba domluvila předání pomoci',
		delivery_bought: 'pomoc je nakoupená',
		delivered: 'pomoc byla předána',
		delivered_club: 'kontaktní osoba pomoc předala',
		receipt_confirmed: 'organizace potvrdila, že rodina pomoc převzala',
		feedback_recorded: 'organizace doplnila zpětnou vazbu rodiny',
		story_submitted: 'příběh pro dárce čeká na vaši kontrolu',
		consent_recorded: 'organizace zapsala souhlas rodiny se zveřejněním příběhu',
		consent_withdrawn: 'souhlas se zveřejněním příběhu byl odvolán',
		story_published: 'koordinátor klubu příběh zveřejnil',
		story_unpublished: 'koordinátor klubu příběh stáhl nebo vrátil k úpravě'
	},
	en: {
		submitted: 'a new need to review',
		vote_opened: 'the club votes on the need – your vote is awaited',
		poll_question: 'a club member asks before the vote',
		poll_answer: 'the organisation answered in the discussion of the vote',
		decided: 'the club decided on the form of help and named the contact person',
		vote_reminder: 'the vote closes within 24 hours and your vote is missing',
		vote_approved: 'the club approved the need',
		vote_rejected: 'the club did not accept the need in its vote',
		vote_no_quorum: 'the vote closed without a quorum',
		info_requested: 'the club coordinator asks for more information',
		answered: 'the organisation answered the question',
		message: 'a new message',
		ready: 'the need is ready for the club’s vote',
		rejected: 'the club did not accept the need',
		duplicate: 'the need was marked as a duplicate',
		withdrawn: 'the need was withdrawn',
		funded: 'the need is fully funded and the help can be arranged',
		cancelled: 'the club cancelled the help for this need',
		closed: 'the need was closed',
		delivery_arranged: 'the contact person arranged how the help will be handed over',
		delivery_bought: 'the help has been bought',
		delivered: 'the help has been handed over',
		delivered_club: 'the contact person has handed the help over',
		receipt_confirmed: 'the organisation confirmed that the family received the help',
		feedback_recorded: "the organisation added the family's feedback",
		story_submitted: 'a story for donors awaits your review',
		consent_recorded: "the organisation recorded the family's consent to publish the story",
		consent_withdrawn: 'the consent to publish the story was withdrawn',
		story_published: 'the club coordinator published the story',
		story_unpublished: 'the club coordinator took the story down or returned it for changes'
	}
};

const needEventHint: Record<Locale, Record<string, string>> = {
	cs: {
		info_requested:
			'Dotaz najdete po přihlášení u potřeby a tam na něj můžete i odpovědět. Do odpovědi nepište jména ani jiné údaje, podle kterých by šlo rodinu poznat.',
		rejected: 'Důvod najdete po přihlášení u potřeby.',
		vote_opened: 'Po přihlášení si potřebu přečtete a hlasujete. Hlas můžete změnit až do konce hlasování.',
		poll_question:
			'Dotaz najdete po přihlášení u potřeby v části Diskuse k hlasování a tam na něj můžete odpovědět, dokud hlasování běží. Nepište do odpovědi jména ani jiné údaje, podle kterých by šlo rodinu poznat.',
		poll_answer: 'Odpověď najdete po přihlášení na stránce hlasování.',
		vote_reminder:
			'Po přihlášení si potřebu přečtete a hlasujete. Pokud máte střet zájmů, můžete se hlasování zdržet s uvedením důvodu.',
		vote_no_quorum: 'Hlasování můžete vyhlásit znovu, nebo potřebu nepřijmout.',
		duplicate: 'Odkaz na původní potřebu najdete po přihlášení.',
		delivery_arranged: 'Jak bude pomoc předána, najdete po přihlášení u potřeby.',
		delivery_bought: 'Jakmile kontaktní osoba pomoc předá, dáme vám vědět.',
		delivered:
			'Po přihlášení prosím potvrďte, že rodina pomoc převzala, a zapište zpětnou vazbu rodiny. Nepište do ní jména ani místa, podle kterých by šlo rodinu poznat.',
		receipt_confirmed: 'Zpětnou vazbu rodiny najdete po přihlášení u potřeby. Děkujeme za vaši pomoc.',
		feedback_recorded: 'Zpětnou vazbu rodiny najdete po přihlášení u potřeby.',
		story_submitted:
			'Příběh si po přihlášení přečtěte u potřeby. Před zveřejněním prosím zkontrolujte, že podle textu ani fotky nejde rodinu poznat.',
		consent_recorded: 'Rozsah souhlasu najdete po přihlášení u potřeby.',
		consent_withdrawn:
			'Příběh okamžitě zmizel ze všech veřejných míst. Pokud byl sdílený i jinde, například na sociálních sítích klubu, odstraňte ho prosím i tam.',
		story_published:
			'Od kdy je příběh veřejně vidět, najdete po přihlášení u potřeby. Děkujeme, že jste ho sepsali.',
		story_unpublished:
			'Příběh teď není veřejně vidět. Po přihlášení ho můžete u potřeby upravit a poslat znovu ke kontrole.'
	},
	en: {
		info_requested:
			"Sign in to read the question and answer it on the need's page. Do not write names or anything else that could identify the family.",
		rejected: "Sign in to see the reason on the need's page.",
		vote_opened: 'Sign in to read the need and vote. You can change your vote until the poll closes.',
		poll_question:
			"Sign in to read the question under Discussion of the vote on the need's page and answer it while the vote runs. Do not write names or anything else that could identify the family.",
		poll_answer: "Sign in to read the answer on the vote's page.",
		vote_reminder:
			'Sign in to read the need and vote. If you have a conflict of interest, you can recuse yourself and say why.',
		vote_no_quorum: 'You can open the vote again, or reject the need.',
		duplicate: 'Sign in to see a link to the original need.',
		delivery_arranged: "Sign in to see on the need's page how the help will be handed over.",
		delivery_bought: 'We will let you know once the contact person has handed the help over.',
		delivered:
			"Please sign in, confirm that the family received the help and write down the family's feedback. Do not include names or places that could identify the family.",
		receipt_confirmed: "Sign in to read the family's feedback on the need's page. Thank you for your help.",
		feedback_recorded: "Sign in to read the family's feedback on the need's page.",
		story_submitted:
			"Sign in to read the story on the need's page. Before publishing it, please check that neither the text nor the photo could identify the family.",
		consent_recorded: "Sign in to see the scope of the consent on the need's page.",
		consent_withdrawn:
			"The story has left every public place at once. If it was shared elsewhere too, such as the club's social media, please remove it there as well.",
		story_published:
			"Sign in to see on the need's page from when the story is public. Thank you for writing it.",
		story_unpublished:
			"The story is not public now. Sign in to edit it on the need's page and submit it for review again."
	}
};

export type TemplateName = keyof typeof templates;

export const templateNames = Object.keys(templates) as TemplateName[];

export const isTemplateName = (name: string): name is TemplateName => Object.hasOwn(templates, name);

const footer: Record<Locale, string> = {
	cs: 'Tuto zprávu poslal Spolu automaticky. Pokud jste ji nečekali, můžete ji ignorovat.',
	en: 'Spolu sent this message automatically. If you did not expect it, you can ignore it.'
};

/** An absolute link for an e-mail: `origin` is the configured public address (ORIGIN). */
export function mailLink(origin: string, path: string): string {
	return new URL(path, origin.endsWith('/') ? origin : origin + '/').toString();
}

export function renderMail(name: TemplateName, locale: Locale, params: Params): RenderedMail {
	const template: Template = templates[name];
	const missing = template.params.filter((p) => !params[p]);
	if (missing.length) throw new Error(`mail template ${name} needs ${missing.join(', ')}`);
	const t = template[locale](params);
	const details = t.details ?? [];
	const after = t.after ?? [];
	const text = [
		...t.lines,
		...(details.length ? ['', ...details.map(([label, value]) => `${label}: ${value}`)] : []),
		...(after.length ? ['', ...after] : []),
		...(t.link ? ['', `${t.link.label}: ${t.link.url}`] : []),
		'',
		'--',
		footer[locale]
	].join('\n');
	const html = [
		`<!doctype html><html lang="${locale}"><body style="font-family:sans-serif;line-height:1.5">`,
		...t.lines.map((l) => `<p>${escapeHtml(l)}</p>`),
		details.length
			? `<table style="border-collapse:collapse;margin:0 0 1em">${details
					.map(
						([label, value]) =>
							`<tr><th style="text-align:left;padding:2px 16px 2px 0;font-weight:normal;color:#555">${escapeHtml(label)}</th><td style="padding:2px 0;font-weight:bold">${escapeHtml(value)}</td></tr>`
					)
					.join('')}</table>`
			: '',
		t.image
			? `<p><img src="cid:${escapeHtml(t.image.cid)}" alt="${escapeHtml(t.image.alt)}" width="220" height="220"></p>`
			: '',
		...after.map((l) => `<p>${escapeHtml(l)}</p>`),
		t.link ? `<p><a href="${escapeHtml(t.link.url)}">${escapeHtml(t.link.label)}</a></p>` : '',
		`<p style="color:#666;font-size:0.9em">${escapeHtml(footer[locale])}</p>`,
		'</body></html>'
	].join('\n');
	return { subject: t.subject, text, html };
}
