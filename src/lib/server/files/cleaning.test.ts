import { crc32, deflateSync } from 'node:zlib';
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

describe('prepareAttachment: PDFs', () => {
	it('keeps a valid PDF byte for byte', async () => {
		const result = expectOk(await prepareAttachment(MINIMAL_PDF, 'faktura.pdf', 'application/pdf'));
		expect(result.mediaType).toBe('application/pdf');
		expect(result.extension).toBe('pdf');
		expect(result.fileName).toBe('faktura.pdf');
		expect(result.bytes.equals(MINIMAL_PDF)).toBe(true);
	});

	it('accepts trailing whitespace after %%EOF', async () => {
		const padded = Buffer.concat([MINIMAL_PDF, Buffer.from('\r\n\n  \n')]);
		expect(expectOk(await prepareAttachment(padded, 'a.pdf', '')).bytes.equals(padded)).toBe(true);
	});

	it('refuses a PDF without %%EOF near its end', async () => {
		const cut = MINIMAL_PDF.subarray(0, MINIMAL_PDF.indexOf('%%EOF'));
		expect(await prepareAttachment(cut, 'faktura.pdf', 'application/pdf')).toEqual({
			ok: false,
			reason: 'unreadable'
		});
		const eofFarFromEnd = Buffer.concat([MINIMAL_PDF, Buffer.alloc(2048, 0x41)]);
		expect(await prepareAttachment(eofFarFromEnd, 'faktura.pdf', '')).toEqual({
			ok: false,
			reason: 'unreadable'
		});
	});

	it('returns a copy that later changes to the input cannot touch', async () => {
		const input = Buffer.from(MINIMAL_PDF);
		const result = expectOk(await prepareAttachment(input, 'a.pdf', ''));
		input.fill(0);
		expect(result.bytes.equals(MINIMAL_PDF)).toBe(true);
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
		expect(expectOk(await prepareAttachment(exact, 'a.pdf', '')).bytes.length).toBe(MAX_ATTACHMENT_BYTES);
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
