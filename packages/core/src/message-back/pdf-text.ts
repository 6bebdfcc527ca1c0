/**
 * Text for a PDF's standard Helvetica fonts in WinAnsiEncoding: which byte shows each character,
 * what to show instead of one the encoding lacks, and how wide a line is, so lines wrap without
 * an embedded font (which would cost the API bundle hundreds of kilobytes).
 */

/** The characters WinAnsiEncoding puts at 0x80-0x9F, where Latin-1 has control codes. */
const windowsSpecials: Record<string, number> = {
  "€": 0x80,
  "‚": 0x82,
  ƒ: 0x83,
  "„": 0x84,
  "…": 0x85,
  "†": 0x86,
  "‡": 0x87,
  ˆ: 0x88,
  "‰": 0x89,
  Š: 0x8a,
  "‹": 0x8b,
  Œ: 0x8c,
  Ž: 0x8e,
  "\u2018": 0x91,
  "\u2019": 0x92,
  "\u201c": 0x93,
  "\u201d": 0x94,
  "•": 0x95,
  "–": 0x96,
  "—": 0x97,
  "˜": 0x98,
  "™": 0x99,
  š: 0x9a,
  "›": 0x9b,
  œ: 0x9c,
  ž: 0x9e,
  Ÿ: 0x9f,
};

/** Letters that do not decompose into a base letter and a mark, but have a plain one. */
const transliterations: Record<string, string> = {
  ł: "l",
  Ł: "L",
  đ: "d",
  Đ: "D",
  ħ: "h",
  Ħ: "H",
  ı: "i",
  ŀ: "l",
  Ŀ: "L",
  ŧ: "t",
  Ŧ: "T",
  ŋ: "n",
  Ŋ: "N",
  ĸ: "k",
  ſ: "s",
  ə: "e",
  Ə: "E",
  "\u2010": "-",
  "\u2011": "-",
  "\u2212": "-",
  "\u00a0": " ",
  "\u2009": " ",
  "\u202f": " ",
};

/** What stands in for a character no transliteration reaches. */
const replacement = "?";

function winAnsiByte(character: string): number | undefined {
  const code = character.codePointAt(0) ?? 0;
  if ((code >= 0x20 && code <= 0x7e) || (code >= 0xa1 && code <= 0xff)) return code;
  return windowsSpecials[character];
}

export interface EncodedText {
  /** One WinAnsi byte per character, as a string of char codes 0-255. */
  bytes: string;
  /** Whether any character had to be transliterated or replaced. */
  altered: boolean;
}

/**
 * The text as WinAnsi bytes. A character the encoding lacks becomes its base letter (NFKD without
 * the marks: "ő" is "o"), a listed plain letter ("ł" is "l"), or "?"; controls become spaces.
 */
export function toWinAnsi(text: string): EncodedText {
  let bytes = "";
  let altered = false;
  for (const character of text.normalize("NFC")) {
    const byte = winAnsiByte(character);
    if (byte !== undefined) {
      bytes += String.fromCharCode(byte);
      continue;
    }
    const code = character.codePointAt(0) ?? 0;
    if (code < 0x20 || (code >= 0x7f && code < 0xa0 && character !== "\u00a0")) {
      bytes += " ";
      continue;
    }
    altered = true;
    bytes += substituteFor(character);
  }
  return { bytes, altered };
}

function substituteFor(character: string): string {
  const listed = transliterations[character];
  if (listed !== undefined) return listed;
  const decomposed = character.normalize("NFKD").replace(/\p{M}/gu, "");
  let plain = "";
  for (const part of decomposed) {
    const byte = winAnsiByte(part);
    plain += byte !== undefined ? String.fromCharCode(byte) : (transliterations[part] ?? "");
  }
  return plain.length > 0 ? plain : replacement;
}

/** Advance widths (1/1000 em) of the printable ASCII characters, 0x20 to 0x7E. */
const helveticaWidths = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556,
  556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278,
  500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469,
  556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500,
  278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];

const helveticaBoldWidths = [
  278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556,
  556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611, 975, 722, 722, 722, 722, 667, 611, 778, 722, 278,
  556, 722, 611, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584,
  556, 333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, 611, 611, 389, 556,
  333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
];

/** Beyond ASCII, a letter is as wide as its base letter; anything else, a wide letter's width. */
function widthOf(byte: number, bold: boolean): number {
  const widths = bold ? helveticaBoldWidths : helveticaWidths;
  if (byte >= 0x20 && byte <= 0x7e) return widths[byte - 0x20] ?? 556;
  const base = String.fromCharCode(byte).normalize("NFKD").charCodeAt(0);
  if (base >= 0x20 && base <= 0x7e) return widths[base - 0x20] ?? 556;
  return bold ? 1000 : 944;
}

/** The width in points of WinAnsi bytes set at this size. */
export function textWidth(bytes: string, size: number, bold: boolean): number {
  let total = 0;
  for (let index = 0; index < bytes.length; index++) total += widthOf(bytes.charCodeAt(index), bold);
  return (total * size) / 1000;
}

/**
 * Splits WinAnsi bytes into lines no wider than `width`, between words where it can; a word longer
 * than a line is broken inside it.
 */
export function wrapText(bytes: string, width: number, size: number, bold: boolean): string[] {
  const lines: string[] = [];
  for (const paragraph of bytes.split("\n")) {
    let line = "";
    for (const word of paragraph.split(/ +/)) {
      const candidate = line.length > 0 ? `${line} ${word}` : word;
      if (textWidth(candidate, size, bold) <= width) {
        line = candidate;
        continue;
      }
      if (line.length > 0) lines.push(line);
      line = "";
      let rest = word;
      while (textWidth(rest, size, bold) > width) {
        let fits = 1;
        while (fits < rest.length && textWidth(rest.slice(0, fits + 1), size, bold) <= width) fits++;
        lines.push(rest.slice(0, fits));
        rest = rest.slice(fits);
      }
      line = rest;
    }
    lines.push(line);
  }
  return lines;
}
