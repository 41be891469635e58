import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import {
	PDFDict,
	PDFDocument,
	PDFHexString,
	PDFName,
	PDFRawStream,
	PDFStream,
	PDFString,
	StandardFonts,
	decodePDFRawStream
} from 'pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import {
	MAX_ATTACHMENT_BYTES,
	contentDisposition,
	prepareAttachment,
	safeFileName,
	sniffMediaType,
	type PreparedAttachment
} from './cleaning';
import { MAX_PDF_INFLATED_BYTES } from './pdf';

const GPS_MARK = 'SPOLU-SECRET-GPS-MARK';
const XMP_MARK = 'SPOLU-SECRET-XMP-MARK';
const TEXT_MARK = 'SPOLU-SECRET-PNG-TEXT';

const canvas = (width = 64, height = 48) =>
	sharp({ create: { width, height, channels: 3, background: '#c83232' } });

const pngBytes = () => canvas().png().toBuffer();

const jpegWithGps = () =>
	canvas()
		.jpeg()
		.withExif({
			IFD0: { Make: 'SpoluPhone', Model: 'Hideout 1' },
			IFD3: {
				GPSLatitudeRef: 'N',
				GPSLatitude: '50/1 5/1 1234/100',
				GPSLongitudeRef: 'E',
				GPSLongitude: '14/1 25/1 3456/100',
				GPSMapDatum: GPS_MARK
			}
		})
		.withXmp(`<x:xmpmeta xmlns:x="adobe:ns:meta/">${XMP_MARK}</x:xmpmeta>`)
		.withIccProfile('p3')
		.toBuffer();

function pngChunk(type: string, data: Buffer): Buffer {
	const typeBytes = Buffer.from(type, 'latin1');
	const length = Buffer.alloc(4);
	length.writeUInt32BE(data.length);
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(Buffer.concat([typeBytes, data])) >>> 0);
	return Buffer.concat([length, typeBytes, data, crc]);
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
// Signature (8) + IHDR chunk (4 length + 4 type + 13 data + 4 crc).
const AFTER_IHDR = 33;

/** A valid black-and-white PNG whose zero pixels deflate to almost nothing: a real decompression bomb. */
function bilevelPng(width: number, height: number): Buffer {
	const header = Buffer.alloc(13);
	header.writeUInt32BE(width, 0);
	header.writeUInt32BE(height, 4);
	header[8] = 1; // bit depth
	header[9] = 0; // greyscale
	const rowBytes = 1 + Math.ceil(width / 8);
	return Buffer.concat([
		PNG_SIGNATURE,
		pngChunk('IHDR', header),
		pngChunk('IDAT', deflateSync(Buffer.alloc(rowBytes * height))),
		pngChunk('IEND', Buffer.alloc(0))
	]);
}

const MINIMAL_PDF = Buffer.from(
	[
		'%PDF-1.4',
		'1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
		'2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
		'3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj',
		'trailer << /Root 1 0 R >>',
		'%%EOF',
		''
	].join('\n'),
	'latin1'
);

function expectOk(result: PreparedAttachment) {
	if (!result.ok) throw new Error(`expected success, got ${result.reason}`);
	return result;
}

describe('sniffMediaType', () => {
	it('recognises the four formats from their first bytes', async () => {
		expect(sniffMediaType(MINIMAL_PDF)).toBe('application/pdf');
		expect(sniffMediaType(await canvas().jpeg().toBuffer())).toBe('image/jpeg');
		expect(sniffMediaType(await pngBytes())).toBe('image/png');
		expect(sniffMediaType(await canvas().webp().toBuffer())).toBe('image/webp');
	});

	it('returns null for anything else, including truncated magic', async () => {
		expect(sniffMediaType(new Uint8Array())).toBeNull();
		expect(sniffMediaType(Buffer.from('%PD'))).toBeNull();
		expect(sniffMediaType(Buffer.from('hello, world'))).toBeNull();
		expect(sniffMediaType(await canvas().gif().toBuffer())).toBeNull();
		expect(sniffMediaType(Buffer.from('RIFF\0\0\0\0WAVEfmt '))).toBeNull();
	});
});

describe('prepareAttachment: images lose all metadata', () => {
	it('strips EXIF with GPS, XMP and ICC from a JPEG', async () => {
		const input = await jpegWithGps();
		const before = await sharp(input).metadata();
		expect(before.exif).toBeDefined();
		expect(before.xmp).toBeDefined();
		expect(before.icc).toBeDefined();
		expect(input.includes(GPS_MARK)).toBe(true);

		const result = expectOk(await prepareAttachment(input, 'foto.jpg', 'image/jpeg'));
		expect(result.mediaType).toBe('image/jpeg');
		expect(result.extension).toBe('jpg');
		expect(result.fileName).toBe('foto.jpg');
		const after = await sharp(result.bytes).metadata();
		expect(after.format).toBe('jpeg');
		expect(after.exif).toBeUndefined();
		expect(after.xmp).toBeUndefined();
		expect(after.icc).toBeUndefined();
		expect(after.iptc).toBeUndefined();
		expect(after.hasProfile).toBe(false);
		expect(result.bytes.includes(GPS_MARK)).toBe(false);
		expect(result.bytes.includes(XMP_MARK)).toBe(false);
		expect(result.bytes.includes('SpoluPhone')).toBe(false);
		expect(result.bytes.includes('Exif\0')).toBe(false);
	});

	it('drops PNG text chunks', async () => {
		const plain = await pngBytes();
		const input = Buffer.concat([
			plain.subarray(0, AFTER_IHDR),
			pngChunk('tEXt', Buffer.from(`Comment\0${TEXT_MARK}`, 'latin1')),
			plain.subarray(AFTER_IHDR)
		]);
		expect((await sharp(input).metadata()).comments).toEqual([{ keyword: 'Comment', text: TEXT_MARK }]);

		const result = expectOk(await prepareAttachment(input, 'sken.png', 'image/png'));
		expect(result.mediaType).toBe('image/png');
		const after = await sharp(result.bytes).metadata();
		expect(after.format).toBe('png');
		expect(after.comments).toBeUndefined();
		expect(result.bytes.includes(TEXT_MARK)).toBe(false);
		expect(result.bytes.includes('tEXt')).toBe(false);
	});

	it('re-encodes a WebP as WebP without its EXIF', async () => {
		const input = await canvas()
			.webp()
			.withExif({ IFD0: { Make: 'SpoluPhone' } })
			.toBuffer();
		expect((await sharp(input).metadata()).exif).toBeDefined();

		const result = expectOk(await prepareAttachment(input, 'Účtenka.webp', ''));
		expect(result.mediaType).toBe('image/webp');
		expect(result.extension).toBe('webp');
		expect(result.fileName).toBe('Účtenka.webp');
		const after = await sharp(result.bytes).metadata();
		expect(after.format).toBe('webp');
		expect(after.exif).toBeUndefined();
		expect(result.bytes.includes('SpoluPhone')).toBe(false);
	});

	it('turns an EXIF orientation 6 photo upright before dropping the tag', async () => {
		const input = await canvas(80, 40).jpeg().withMetadata({ orientation: 6 }).toBuffer();
		const before = await sharp(input).metadata();
		expect([before.orientation, before.width, before.height]).toEqual([6, 80, 40]);

		const result = expectOk(await prepareAttachment(input, 'IMG_0001.JPG', 'image/jpeg'));
		const after = await sharp(result.bytes).metadata();
		expect(after.orientation).toBeUndefined();
		expect([after.width, after.height]).toEqual([40, 80]);
	});

	it('refuses a decompression bomb but accepts the same kind of image at a sane size', async () => {
		const bomb = bilevelPng(10_000, 10_000);
		expect(bomb.length).toBeLessThan(64 * 1024);
		expect(await prepareAttachment(bomb, 'bomb.png', 'image/png')).toEqual({
			ok: false,
			reason: 'unreadable'
		});
		const small = expectOk(await prepareAttachment(bilevelPng(1000, 1000), 'ok.png', 'image/png'));
		expect((await sharp(small.bytes).metadata()).width).toBe(1000);
	});

	it('refuses a corrupt JPEG whose magic bytes are fine', async () => {
		const corrupt = Buffer.concat([
			Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
			Buffer.from('this is not an image at all '.repeat(40))
		]);
		expect(await prepareAttachment(corrupt, 'foto.jpg', 'image/jpeg')).toEqual({
			ok: false,
			reason: 'unreadable'
		});
	});

	it('refuses a PNG cut off halfway', async () => {
		const whole = await canvas(400, 300).png({ compressionLevel: 0 }).toBuffer();
		const truncated = whole.subarray(0, Math.floor(whole.length / 2));
		expect(await prepareAttachment(truncated, 'sken.png', 'image/png')).toEqual({
			ok: false,
			reason: 'unreadable'
		});
	});
});

// pdf.js reads the widths of the standard fonts (Helvetica) from its package, not from the PDF.
const STANDARD_FONTS = join(
	dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')),
	'standard_fonts/'
);

// What each fixture PDF says about who made it; none of it may survive cleaning.
const NAME = 'Jana Nováková';
const PDF_MARKS = [
	NAME,
	'Nováková',
	'SPOLU-TITLE-MARK',
	'SPOLU-SUBJECT-MARK',
	'SPOLU-KEYWORD-MARK',
	'SPOLU-CREATOR-MARK',
	'SPOLU-PRODUCER-MARK',
	'SPOLU-CUSTOM-MARK',
	'SPOLU-XMP-MARK',
	'SPOLU-PIECEINFO-MARK'
];

/** Every way a PDF may spell the text: as it is, UTF-8, and UTF-16BE (what pdf-lib writes) raw and as hex. */
function spellings(text: string): Buffer[] {
	const utf16 = Buffer.from(text, 'utf16le').swap16();
	const hex = utf16.toString('hex');
	return [
		Buffer.from(text, 'latin1'),
		Buffer.from(text, 'utf8'),
		utf16,
		Buffer.from(hex.toUpperCase(), 'latin1'),
		Buffer.from(hex, 'latin1')
	];
}

/** The file as it lies, every object as pdf-lib reads it, and every stream inflated. */
async function everythingIn(pdf: Buffer): Promise<Buffer> {
	const doc = await PDFDocument.load(pdf, { updateMetadata: false });
	const parts = [pdf];
	for (const [, object] of doc.context.enumerateIndirectObjects()) {
		parts.push(Buffer.from(object.toString(), 'latin1'));
		if (
			object instanceof PDFRawStream &&
			object.dict.lookup(PDFName.of('Filter')) !== PDFName.of('DCTDecode')
		) {
			parts.push(Buffer.from(decodePDFRawStream(object).decode()));
		}
	}
	return Buffer.concat(parts);
}

const foundIn = (haystack: Buffer, texts: string[]) =>
	texts.filter((text) => spellings(text).some((spelling) => haystack.includes(spelling)));

/** The dictionary of every object that still has one of the keys. */
function objectsWith(doc: PDFDocument, ...keys: string[]): string[] {
	return doc.context
		.enumerateIndirectObjects()
		.filter(([, object]) => {
			const dict = object instanceof PDFStream ? object.dict : object;
			return dict instanceof PDFDict && keys.some((key) => dict.has(PDFName.of(key)));
		})
		.map(([ref]) => ref.toString());
}

/** The text and the document information of each page, as pdf.js reads them. */
async function readWithPdfjs(pdf: Uint8Array) {
	// a copy, as pdfjs wants a plain Uint8Array and may transfer the buffer it is given
	const doc = await getDocument({
		data: new Uint8Array(pdf),
		useSystemFonts: false,
		disableFontFace: true,
		standardFontDataUrl: STANDARD_FONTS
	}).promise;
	const pages: string[] = [];
	for (let n = 1; n <= doc.numPages; n++) {
		const content = await (await doc.getPage(n)).getTextContent();
		pages.push(
			content.items
				.map((item) => ('str' in item ? item.str : ''))
				.join(' ')
				.trim()
		);
	}
	const { info, metadata } = await doc.getMetadata();
	await doc.destroy();
	return { pages, info: info as Record<string, unknown>, xmp: metadata };
}

const xmpPacket = (text: string) =>
	`<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator><rdf:Seq><rdf:li>${text}</rdf:li></rdf:Seq></dc:creator></rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`;

/** An XMP stream in UTF-8, uncompressed as most producers write it, so its text is in the file as it is. */
const xmpStream = (doc: PDFDocument, text: string) =>
	doc.context.register(
		doc.context.stream(Buffer.from(xmpPacket(text), 'utf8'), { Type: 'Metadata', Subtype: 'XML' })
	);

/** Two pages with text, and everything a word processor would say about the file and its author. */
async function pdfWithMetadata(): Promise<Buffer> {
	const doc = await PDFDocument.create({ updateMetadata: false });
	const font = await doc.embedFont(StandardFonts.Helvetica);
	const first = doc.addPage([300, 400]);
	first.drawText('Faktura 2026/17', { x: 20, y: 350, size: 14, font });
	doc.addPage([200, 100]).drawText('Strana 2', { x: 20, y: 50, size: 12, font });
	doc.setAuthor(NAME);
	doc.setTitle('SPOLU-TITLE-MARK');
	doc.setSubject('SPOLU-SUBJECT-MARK');
	doc.setKeywords(['SPOLU-KEYWORD-MARK']);
	doc.setCreator('SPOLU-CREATOR-MARK');
	doc.setProducer('SPOLU-PRODUCER-MARK');
	doc.setCreationDate(new Date('2026-03-01T10:00:00Z'));
	doc.setModificationDate(new Date('2026-03-02T10:00:00Z'));
	doc.context
		.lookup(doc.context.trailerInfo.Info, PDFDict)
		.set(PDFName.of('Company'), PDFString.of('SPOLU-CUSTOM-MARK'));
	doc.catalog.set(PDFName.of('Metadata'), xmpStream(doc, `${NAME} SPOLU-XMP-MARK`));
	first.node.set(PDFName.of('Metadata'), xmpStream(doc, NAME));
	first.node.set(
		PDFName.of('PieceInfo'),
		doc.context.obj({ Word: { Private: PDFString.of('SPOLU-PIECEINFO-MARK') } })
	);
	first.node.set(PDFName.of('LastModified'), PDFString.of('D:20260302100000Z'));
	return Buffer.from(await doc.save({ useObjectStreams: false }));
}

/**
 * A PDF saved twice, the second time incrementally, as Acrobat does: the second revision only adds a
 * new Info dictionary and a trailer that points to it, the first revision's Info stays in the file.
 */
async function incrementallyUpdatedPdf(): Promise<Buffer> {
	const doc = await PDFDocument.create({ updateMetadata: false });
	doc.addPage([200, 200]);
	doc.setAuthor(NAME);
	doc.setCreator('SPOLU-CREATOR-MARK');
	const first = Buffer.from(await doc.save({ useObjectStreams: false }));
	const startxref = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(first.toString('latin1'))![1];
	const info = doc.context.largestObjectNumber + 1;
	const object = `${info} 0 obj\n<< /Author (SPOLU-PRODUCER-MARK) /Title (SPOLU-TITLE-MARK) >>\nendobj\n`;
	const offset = (n: number) => String(n).padStart(10, '0');
	const update = [
		object,
		'xref',
		'0 1',
		'0000000000 65535 f ',
		`${info} 1`,
		`${offset(first.length)} 00000 n `,
		'trailer',
		`<< /Size ${info + 1} /Root ${doc.context.trailerInfo.Root} /Info ${info} 0 R /Prev ${startxref} >>`,
		'startxref',
		String(first.length + object.length),
		'%%EOF',
		''
	].join('\n');
	return Buffer.concat([first, Buffer.from(update, 'latin1')]);
}

/** A one-page PDF whose trailer names an /Encrypt dictionary, in a classic trailer or an xref stream. */
async function pdfWithEncryptEntry(useObjectStreams: boolean): Promise<Buffer> {
	const doc = await PDFDocument.create({ updateMetadata: false });
	doc.addPage([200, 200]);
	doc.context.trailerInfo.Encrypt = doc.context.register(
		doc.context.obj({ Filter: 'Standard', V: 1, R: 2, P: -44 })
	);
	return Buffer.from(await doc.save({ useObjectStreams }));
}

/**
 * A real encrypted PDF that opens without a password (only an owner password, AES-128, with object
 * streams): a one-page pdf-lib file through `qpdf --encrypt "" owner 128 --use-aes=y --
 * --object-streams=generate`.
 */
const OWNER_PASSWORD_PDF = Buffer.from(
	'JVBERi0xLjcKJb/3ov4KMSAwIG9iago8PCAvUGFnZXMgMyAwIFIgL1R5cGUgL0NhdGFsb2cgPj4KZW5kb2JqCjIgMCBvYmoK' +
		'PDwgL1R5cGUgL09ialN0bSAvTGVuZ3RoIDE3NiAvRmlsdGVyIC9GbGF0ZURlY29kZSAvTiAzIC9GaXJzdCAxNSA+PgpzdHJl' +
		'YW0KdHic7uUct7so9NlDYN26NucrgEovoipZZH+u9nEONplC80+Ik5Npiwnc6FIttz/kLWrMHX8FeYhIOhSAC+INwGPhCFBo' +
		'WMHum6rue0gkJznidjoE6bA4arXg/JMlPVqvULNqII5l8bTL/6x1WENZZWDVRTEuOo9f+Ks/D4Fp/eEYRXeqr1a3F7tajXAR' +
		'DTpL57ECbvyrratZ+e7VYIkOYf82XQMyk++OX/I7OAhX+/tlbmRzdHJlYW0KZW5kb2JqCjYgMCBvYmoKPDwgL0NGIDw8IC9T' +
		'dGRDRiA8PCAvQXV0aEV2ZW50IC9Eb2NPcGVuIC9DRk0gL0FFU1YyIC9MZW5ndGggMTYgPj4gPj4gL0ZpbHRlciAvU3RhbmRh' +
		'cmQgL0xlbmd0aCAxMjggL08gPDU2NmZhODczZWUzM2M3OTdjZDNiOTA0ZmRhZGY4MTRhZmEzNGRmOWEzOGY2ZWQ0MWI5ODRl' +
		'MmM2ZGEyYWE2ZjU+IC9QIC00IC9SIDQgL1N0bUYgL1N0ZENGIC9TdHJGIC9TdGRDRiAvVSA8MzMxOTJjYWRlYjcyZjAzNmQ4' +
		'MzQ2MDJlYzhmZjE3OGIwMTIyNDU2YTkxYmFlNTEzNDI3M2E2ZGIxMzRjODdjND4gL1YgNCA+PgplbmRvYmoKNyAwIG9iago8' +
		'PCAvVHlwZSAvWFJlZiAvTGVuZ3RoIDM4IC9GaWx0ZXIgL0ZsYXRlRGVjb2RlIC9EZWNvZGVQYXJtcyA8PCAvQ29sdW1ucyA0' +
		'IC9QcmVkaWN0b3IgMTIgPj4gL1cgWyAxIDIgMSBdIC9JbmZvIDUgMCBSIC9Sb290IDEgMCBSIC9TaXplIDggL0lEIFs8NDEw' +
		'OTIzNDRmYzM3YWEyMzIyOGE4NmY1YjcyZGE2YmI+PDQxMDkyMzQ0ZmMzN2FhMjMyMjhhODZmNWI3MmRhNmJiPl0gL0VuY3J5' +
		'cHQgNiAwIFIgPj4Kc3RyZWFtCnicY2IAAiZGBn4GJgYGQxDrEIjFwAgh/jMG/WNiYNRmAAArJgOTCmVuZHN0cmVhbQplbmRv' +
		'YmoKc3RhcnR4cmVmCjYzOQolJUVPRgo=',
	'base64'
);

/** A PDF whose page tree is fine but that holds object streams, each inflating to `size` bytes. */
function pdfWithObjectStreams(count: number, size: number, filter = '/FlateDecode'): Buffer {
	const inflated = Buffer.alloc(size, 0x20);
	const compressed = filter === '/FlateDecode' ? deflateSync(inflated) : inflated.subarray(0, 64);
	const parts = [Buffer.from('%PDF-1.5\n', 'latin1')];
	for (let i = 0; i < count; i++) {
		parts.push(
			Buffer.from(
				`${10 + i} 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter ${filter} /Length ${compressed.length} >>\nstream\n`,
				'latin1'
			),
			compressed,
			Buffer.from('\nendstream\nendobj\n', 'latin1')
		);
	}
	parts.push(MINIMAL_PDF.subarray(MINIMAL_PDF.indexOf('1 0 obj')));
	return Buffer.concat(parts);
}

async function expectCleanPdf(result: PreparedAttachment) {
	const cleaned = expectOk(result);
	expect(cleaned.mediaType).toBe('application/pdf');
	expect(cleaned.extension).toBe('pdf');
	return { cleaned, doc: await PDFDocument.load(cleaned.bytes, { updateMetadata: false }) };
}

describe('prepareAttachment: PDFs lose their metadata', () => {
	it('drops the Info dictionary and the XMP of the document and its pages, keeping pages and text', async () => {
		const input = await pdfWithMetadata();
		const before = await readWithPdfjs(input);
		expect(before.info.Author).toBe(NAME);
		expect(before.info.Creator).toBe('SPOLU-CREATOR-MARK');
		expect(before.xmp?.get('dc:creator')).toEqual([`${NAME} SPOLU-XMP-MARK`]);
		expect(foundIn(input, PDF_MARKS)).toEqual(PDF_MARKS);

		const { cleaned, doc } = await expectCleanPdf(
			await prepareAttachment(input, 'faktura.pdf', 'application/pdf')
		);
		expect(cleaned.fileName).toBe('faktura.pdf');
		// read before asking pdf-lib for the fields below, which would add an empty Info to its copy
		expect(doc.context.trailerInfo.Info).toBeUndefined();
		expect(doc.context.trailerInfo.ID).toBeUndefined();
		expect(objectsWith(doc, 'Metadata', 'PieceInfo', 'LastModified')).toEqual([]);
		expect([
			doc.getAuthor(),
			doc.getTitle(),
			doc.getSubject(),
			doc.getKeywords(),
			doc.getCreator(),
			doc.getProducer(),
			doc.getCreationDate(),
			doc.getModificationDate()
		]).toEqual(Array(8).fill(undefined));

		const everything = await everythingIn(cleaned.bytes);
		expect(foundIn(everything, PDF_MARKS)).toEqual([]);
		// pdf-lib writes no Producer, Creator or dates of its own
		expect(foundIn(everything, ['pdf-lib', 'Producer', 'Creator', 'ModDate', 'CreationDate'])).toEqual([]);

		const after = await readWithPdfjs(cleaned.bytes);
		expect(after.xmp).toBeNull();
		// pdf.js lists custom keys under Custom
		const infoKeys = [
			'Title',
			'Author',
			'Subject',
			'Keywords',
			'Creator',
			'Producer',
			'CreationDate',
			'ModDate',
			'Custom'
		];
		expect(infoKeys.filter((key) => key in before.info)).toEqual(infoKeys);
		expect(infoKeys.filter((key) => key in after.info)).toEqual([]);
		expect(after.pages).toEqual(['Faktura 2026/17', 'Strana 2']);
		expect(doc.getPages().map((page) => [page.getWidth(), page.getHeight()])).toEqual([
			[300, 400],
			[200, 100]
		]);
	});

	it('drops what only an earlier revision of an incrementally saved PDF still holds', async () => {
		const input = await incrementallyUpdatedPdf();
		const before = await readWithPdfjs(input);
		// viewers show the last revision's Info; the first revision's is still in the file
		expect(before.info.Author).toBe('SPOLU-PRODUCER-MARK');
		expect(foundIn(input, [NAME, 'SPOLU-CREATOR-MARK', 'SPOLU-PRODUCER-MARK'])).toHaveLength(3);

		const { cleaned, doc } = await expectCleanPdf(await prepareAttachment(input, 'nabidka.pdf', ''));
		expect(doc.context.trailerInfo.Info).toBeUndefined();
		expect(foundIn(await everythingIn(cleaned.bytes), PDF_MARKS)).toEqual([]);
		expect(cleaned.bytes.toString('latin1').match(/%%EOF/g)).toHaveLength(1);
		expect(doc.getPageCount()).toBe(1);
	});

	it("drops the name of a comment's author but keeps the comment and the names of form fields", async () => {
		const doc = await PDFDocument.create({ updateMetadata: false });
		const page = doc.addPage([300, 300]);
		const comment = doc.context.register(
			doc.context.obj({
				Type: 'Annot',
				Subtype: 'Text',
				Rect: [20, 20, 40, 40],
				T: PDFHexString.fromText(NAME),
				Contents: PDFString.of('Cena vcetne dopravy')
			})
		);
		page.node.set(PDFName.of('Annots'), doc.context.obj([comment]));
		doc.getForm().createTextField('castka').addToPage(page, { x: 100, y: 100 });
		const input = Buffer.from(await doc.save({ useObjectStreams: false }));
		expect(foundIn(input, [NAME])).toEqual([NAME]);

		const { cleaned, doc: after } = await expectCleanPdf(await prepareAttachment(input, 'a.pdf', ''));
		expect(foundIn(await everythingIn(cleaned.bytes), [NAME])).toEqual([]);
		const annotations = after.getPage(0).node.Annots()!;
		const kept = annotations.asArray().map((ref) => after.context.lookup(ref, PDFDict));
		const text = kept.find((a) => a.get(PDFName.of('Subtype')) === PDFName.of('Text'))!;
		expect(text.get(PDFName.of('T'))).toBeUndefined();
		expect(text.lookup(PDFName.of('Contents'), PDFString).asString()).toBe('Cena vcetne dopravy');
		expect(
			after
				.getForm()
				.getFields()
				.map((field) => field.getName())
		).toEqual(['castka']);
	});

	it('drops the EXIF with GPS and the XMP of a photo placed in a PDF as it was taken', async () => {
		const photo = await jpegWithGps();
		// phones append further pictures after the photo's end, each with EXIF of its own
		const withTrailer = new Uint8Array(Buffer.concat([photo, await jpegWithGps()]));
		const doc = await PDFDocument.create({ updateMetadata: false });
		const image = await doc.embedJpg(withTrailer);
		doc.addPage([200, 200]).drawImage(image, { x: 10, y: 10, width: 64, height: 48 });
		const input = Buffer.from(await doc.save());
		expect(input.includes(GPS_MARK)).toBe(true);

		const { cleaned, doc: after } = await expectCleanPdf(await prepareAttachment(input, 'sken.pdf', ''));
		for (const mark of [GPS_MARK, XMP_MARK, 'SpoluPhone', 'Exif\0']) {
			expect(cleaned.bytes.includes(mark), mark).toBe(false);
		}
		const jpegs = after.context
			.enumerateIndirectObjects()
			.map(([, object]) => object)
			.filter(
				(o) => o instanceof PDFRawStream && o.dict.get(PDFName.of('Filter')) === PDFName.of('DCTDecode')
			);
		expect(jpegs).toHaveLength(1);
		const kept = Buffer.from((jpegs[0] as PDFRawStream).getContents());
		expect(kept.length).toBeLessThan(photo.length);
		const metadata = await sharp(kept).metadata();
		expect([metadata.format, metadata.width, metadata.height]).toEqual(['jpeg', 64, 48]);
		expect(metadata.exif).toBeUndefined();
		expect(metadata.xmp).toBeUndefined();
		// the picture itself is untouched: it decodes to the same pixels
		expect((await sharp(kept).raw().toBuffer()).equals(await sharp(photo).raw().toBuffer())).toBe(true);
	});

	it('leaves a cleaned PDF byte for byte as it is, so a download equals the upload', async () => {
		const once = expectOk(await prepareAttachment(await pdfWithMetadata(), 'a.pdf', '')).bytes;
		const twice = expectOk(await prepareAttachment(once, 'a.pdf', '')).bytes;
		expect(twice.equals(once)).toBe(true);
	});

	it('accepts a minimal hand-written PDF and trailing whitespace after %%EOF', async () => {
		const padded = Buffer.concat([MINIMAL_PDF, Buffer.from('\r\n\n  \n')]);
		for (const input of [MINIMAL_PDF, padded]) {
			const { doc } = await expectCleanPdf(await prepareAttachment(input, 'a.pdf', ''));
			expect(doc.getPages().map((page) => page.getSize())).toEqual([{ width: 200, height: 200 }]);
		}
	});

	it('returns a file that later changes to the input cannot touch', async () => {
		const input = Buffer.from(MINIMAL_PDF);
		const expected = expectOk(await prepareAttachment(MINIMAL_PDF, 'a.pdf', '')).bytes;
		const result = expectOk(await prepareAttachment(input, 'a.pdf', ''));
		input.fill(0);
		expect(result.bytes.equals(expected)).toBe(true);
	});
});

describe('prepareAttachment: PDFs that cannot be cleaned are refused', () => {
	const refusedAs = async (bytes: Buffer, reason: string) =>
		expect(await prepareAttachment(bytes, 'faktura.pdf', 'application/pdf')).toEqual({ ok: false, reason });

	it('refuses a PDF without %%EOF near its end', async () => {
		await refusedAs(MINIMAL_PDF.subarray(0, MINIMAL_PDF.indexOf('%%EOF')), 'pdf_unreadable');
		await refusedAs(Buffer.concat([MINIMAL_PDF, Buffer.alloc(2048, 0x41)]), 'pdf_unreadable');
	});

	it('refuses a PDF that cannot be read, has no page or holds an object that cannot be parsed', async () => {
		const lines = (...body: string[]) => Buffer.from(['%PDF-1.4', ...body, '%%EOF', ''].join('\n'), 'latin1');
		await refusedAs(lines('this is not a PDF at all '.repeat(40)), 'pdf_unreadable');
		await refusedAs(lines(), 'pdf_unreadable');
		await refusedAs(
			lines('1 0 obj << /Type /Catalog >> endobj', 'trailer << /Root 1 0 R >>'),
			'pdf_unreadable'
		);
		// a page tree that contains itself
		await refusedAs(
			lines(
				'1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
				'2 0 obj << /Type /Pages /Kids [2 0 R] /Count 1 >> endobj',
				'trailer << /Root 1 0 R >>'
			),
			'pdf_unreadable'
		);
		// the page's content is not a PDF object, so what it holds is unknown
		await refusedAs(
			lines(
				'1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
				'2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
				'3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >> endobj',
				'4 0 obj << /Length ) >> endobj',
				'trailer << /Root 1 0 R >>'
			),
			'pdf_unreadable'
		);
		// a photo in it that is not a JPEG
		const doc = await PDFDocument.create({ updateMetadata: false });
		doc
			.addPage()
			.node.set(
				PDFName.of('Thumb'),
				doc.context.register(doc.context.stream('not a jpeg', { Filter: 'DCTDecode' }))
			);
		await refusedAs(Buffer.from(await doc.save()), 'pdf_unreadable');
	});

	it('refuses an encrypted PDF, also one that opens without a password', async () => {
		await refusedAs(OWNER_PASSWORD_PDF, 'pdf_encrypted');
		await refusedAs(await pdfWithEncryptEntry(false), 'pdf_encrypted');
		await refusedAs(await pdfWithEncryptEntry(true), 'pdf_encrypted');
	});

	it('refuses object streams that would inflate past the budget, before pdf-lib inflates them', async () => {
		const eightMegabytes = 8 * 1024 * 1024;
		expect(expectOk(await prepareAttachment(pdfWithObjectStreams(2, eightMegabytes), 'a.pdf', '')).ok).toBe(
			true
		);
		const bomb = pdfWithObjectStreams(Math.ceil(MAX_PDF_INFLATED_BYTES / eightMegabytes) + 1, eightMegabytes);
		expect(bomb.length).toBeLessThan(1024 * 1024);
		await refusedAs(bomb, 'pdf_unreadable');
		// a filter whose output is not checked
		await refusedAs(pdfWithObjectStreams(1, 1024, '/LZWDecode'), 'pdf_unreadable');
	});
});

describe('prepareAttachment: refusals', () => {
	it('refuses an empty upload', async () => {
		expect(await prepareAttachment(new Uint8Array(), 'a.pdf', 'application/pdf')).toEqual({
			ok: false,
			reason: 'empty'
		});
	});

	it('refuses one byte over the limit, before looking at the content', async () => {
		const big = new Uint8Array(MAX_ATTACHMENT_BYTES + 1);
		big.set(MINIMAL_PDF);
		expect(await prepareAttachment(big, 'a.pdf', 'application/pdf')).toEqual({
			ok: false,
			reason: 'too_large'
		});
	});

	it('accepts a PDF of exactly the limit', async () => {
		const exact = Buffer.alloc(MAX_ATTACHMENT_BYTES, 0x20);
		MINIMAL_PDF.copy(exact);
		exact.write('%%EOF\n', MAX_ATTACHMENT_BYTES - 6, 'latin1');
		const cleaned = expectOk(await prepareAttachment(exact, 'a.pdf', ''));
		expect((await PDFDocument.load(cleaned.bytes)).getPageCount()).toBe(1);
	});

	it('refuses a PNG named faktura.pdf as a mismatch', async () => {
		expect(await prepareAttachment(await pngBytes(), 'faktura.pdf', '')).toEqual({
			ok: false,
			reason: 'mismatch'
		});
	});

	it('refuses a PNG claimed as image/jpeg as a mismatch', async () => {
		expect(await prepareAttachment(await pngBytes(), 'sken', 'image/jpeg')).toEqual({
			ok: false,
			reason: 'mismatch'
		});
	});

	it('refuses a JPEG named .PNG whatever the case of the extension', async () => {
		const jpeg = await canvas().jpeg().toBuffer();
		expect(await prepareAttachment(jpeg, 'FOTO.PNG', 'image/jpeg')).toEqual({
			ok: false,
			reason: 'mismatch'
		});
	});

	it('refuses a PDF claimed as some other specific type', async () => {
		expect(await prepareAttachment(MINIMAL_PDF, 'faktura.pdf', 'text/html')).toEqual({
			ok: false,
			reason: 'mismatch'
		});
	});

	it('treats an empty or generic content type as no claim, and accepts known aliases', async () => {
		const png = await pngBytes();
		for (const type of ['', 'application/octet-stream', 'image/x-png', 'IMAGE/PNG; charset=x']) {
			expect(expectOk(await prepareAttachment(png, 'sken.png', type)).mediaType).toBe('image/png');
		}
		const jpeg = await canvas().jpeg().toBuffer();
		for (const name of ['a.jpg', 'a.JPEG', 'a.Jpg']) {
			for (const type of ['image/jpeg', 'image/jpg', 'image/pjpeg']) {
				expect(expectOk(await prepareAttachment(jpeg, name, type)).extension).toBe('jpg');
			}
		}
	});

	it('gives a name without a known extension the real one instead of refusing it', async () => {
		const result = expectOk(await prepareAttachment(await pngBytes(), 'scan_from_phone', ''));
		expect(result.fileName).toBe('scan_from_phone.png');
		const odd = expectOk(await prepareAttachment(MINIMAL_PDF, 'faktura.exe', ''));
		expect(odd.fileName).toBe('faktura.pdf');
	});

	it('refuses plain text, an ELF binary and a Windows EXE renamed to .pdf as unsupported', async () => {
		const text = Buffer.from('Dobrý den, posílám fakturu.\n');
		const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(120)]);
		const exe = Buffer.concat([Buffer.from('MZ\x90\0', 'latin1'), Buffer.alloc(120)]);
		for (const bytes of [text, elf, exe]) {
			expect(await prepareAttachment(bytes, 'faktura.pdf', 'application/pdf')).toEqual({
				ok: false,
				reason: 'unsupported_type'
			});
		}
	});

	it('refuses a GIF and an SVG even though sharp could read them', async () => {
		const gif = await canvas().gif().toBuffer();
		const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>x()</script></svg>');
		expect(await prepareAttachment(gif, 'a.gif', 'image/gif')).toEqual({
			ok: false,
			reason: 'unsupported_type'
		});
		expect(await prepareAttachment(svg, 'a.png', 'image/png')).toEqual({
			ok: false,
			reason: 'unsupported_type'
		});
	});
});

describe('download file names', () => {
	it('strips a Windows fake path, quotes and extension case, keeping Czech letters', async () => {
		const result = expectOk(
			await prepareAttachment(
				await canvas().jpeg().toBuffer(),
				'C:\\fakepath\\Nabídka "Ikea" 2026.JPEG',
				'image/jpeg'
			)
		);
		expect(result.fileName).toBe('Nabídka Ikea 2026.jpg');
	});

	it('keeps only the base name of Unix and traversal paths', () => {
		expect(safeFileName('../../etc/passwd', 'pdf')).toBe('passwd.pdf');
		expect(safeFileName('/home/pracovnice/Dokumenty/smlouva.pdf', 'pdf')).toBe('smlouva.pdf');
		expect(safeFileName('a\\b/c\\d.png', 'png')).toBe('d.png');
	});

	it('removes control and direction-override characters and collapses whitespace', () => {
		expect(safeFileName('fa\u0000k\ttu\r\nra   z\u00a0ledna.pdf', 'pdf')).toBe('fak tu ra z ledna.pdf');
		expect(safeFileName('invoice\u202Efdp.exe', 'pdf')).toBe('invoicefdp.pdf');
		expect(safeFileName("Tom's `list`.pdf", 'pdf')).toBe('Toms list.pdf');
		expect(safeFileName('a<b>c:d|e?f*.png', 'png')).toBe('a b c d e f.png');
	});

	it('replaces the extension with the real one but keeps version numbers', () => {
		expect(safeFileName('faktura.jpeg', 'png')).toBe('faktura.png');
		expect(safeFileName('smlouva verze 1.2', 'pdf')).toBe('smlouva verze 1.2.pdf');
		expect(safeFileName('archiv.tar.gz', 'pdf')).toBe('archiv.tar.pdf');
	});

	it('normalises decomposed Czech letters from macOS to composed ones', () => {
		const decomposed = 'Příloha žádosti.pdf'.normalize('NFD');
		expect(safeFileName(decomposed, 'pdf')).toBe('Příloha žádosti.pdf'.normalize('NFC'));
	});

	it('caps the name at 100 characters without splitting a character', () => {
		const long = safeFileName(`${'ř'.repeat(150)}.pdf`, 'pdf');
		expect(Array.from(long)).toHaveLength(100);
		expect(long).toBe(`${'ř'.repeat(96)}.pdf`);
		const emoji = safeFileName(`${'a'.repeat(94)}😀😀😀.png`, 'png');
		expect(emoji).toBe(`${'a'.repeat(94)}😀😀.png`);
		expect(emoji).not.toMatch(/\p{Cs}/u);
	});

	it('falls back to priloha.<ext> when nothing usable is left', () => {
		expect(safeFileName('', 'pdf')).toBe('priloha.pdf');
		expect(safeFileName('   ', 'jpg')).toBe('priloha.jpg');
		expect(safeFileName('.pdf', 'pdf')).toBe('priloha.pdf');
		expect(safeFileName('C:\\fakepath\\', 'png')).toBe('priloha.png');
		expect(safeFileName('""\u0000', 'webp')).toBe('priloha.webp');
		expect(safeFileName('..', 'pdf')).toBe('priloha.pdf');
		expect(safeFileName('CON.pdf', 'pdf')).toBe('priloha.pdf');
	});

	it('drops leading dots and trailing dots and spaces', () => {
		expect(safeFileName('.bashrc', 'pdf')).toBe('bashrc.pdf');
		expect(safeFileName('...skryté.pdf', 'pdf')).toBe('skryté.pdf');
		expect(safeFileName('konec... .png', 'png')).toBe('konec.png');
	});
});

describe('contentDisposition', () => {
	it('gives an ASCII fallback and the UTF-8 name for a Czech file name', () => {
		expect(contentDisposition('Nabídka Ikea 2026.jpg')).toBe(
			`attachment; filename="Nabidka Ikea 2026.jpg"; filename*=UTF-8''Nab%C3%ADdka%20Ikea%202026.jpg`
		);
		expect(contentDisposition('Účtenka – Žďár.pdf')).toBe(
			`attachment; filename="Uctenka _ Zdar.pdf"; filename*=UTF-8''%C3%9A%C4%8Dtenka%20%E2%80%93%20%C5%BD%C4%8F%C3%A1r.pdf`
		);
	});

	it('cannot be used to break the header or its quoting', () => {
		const value = contentDisposition('a"b\\c\r\nSet-Cookie: x=1\u0000.pdf');
		expect(value).not.toMatch(/\p{Cc}/u);
		expect(value).toBe(
			`attachment; filename="abc Set-Cookie: x=1.pdf"; filename*=UTF-8''abc%20Set-Cookie%3A%20x%3D1.pdf`
		);
	});

	it("percent-encodes the characters RFC 8187 does not allow, such as ' ( ) *", () => {
		expect(contentDisposition("it's (1)*.pdf")).toBe(
			`attachment; filename="it's (1)*.pdf"; filename*=UTF-8''it%27s%20%281%29%2A.pdf`
		);
	});

	it('falls back to priloha for an empty name', () => {
		expect(contentDisposition('')).toBe(`attachment; filename="priloha"; filename*=UTF-8''priloha`);
	});
});
