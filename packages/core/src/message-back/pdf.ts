import { textWidth, toWinAnsi, wrapText } from "./pdf-text";

/**
 * A small PDF 1.4 writer for documents of headed sections of text: A4 pages, the standard
 * Helvetica and Helvetica-Bold fonts in WinAnsiEncoding (nothing embedded), lines wrapped to the
 * page, new pages as they fill, and a correct cross-reference table. Pure: blocks in, bytes out.
 */

export type PdfBlock =
  | { kind: "title"; text: string }
  | { kind: "heading"; text: string }
  | { kind: "text"; text: string; bold?: boolean }
  | { kind: "field"; label: string; value: string }
  | { kind: "bullet"; text: string };

export interface PdfDocument {
  title: string;
  /** Shown at the foot of every page with its number, like a reference. */
  footer: string;
  blocks: PdfBlock[];
  /** Said at the end when a character had to be transliterated or replaced. */
  alteredTextNotice?: string;
}

const pageWidth = 595;
const pageHeight = 842;
const margin = 56;
const bottom = 64;
const labelWidth = 150;
const bulletIndent = 14;
/** Room kept below a heading for the first lines of what follows it, so it never ends a page. */
const keptLineHeight = 20;

interface Placed {
  x: number;
  y: number;
  size: number;
  bold: boolean;
  bytes: string;
}

interface Style {
  size: number;
  bold: boolean;
  leading: number;
  gapBefore: number;
}

const styles = {
  title: { size: 16, bold: true, leading: 20, gapBefore: 0 },
  heading: { size: 12, bold: true, leading: 16, gapBefore: 14 },
  text: { size: 10, bold: false, leading: 13.5, gapBefore: 4 },
  field: { size: 10, bold: false, leading: 13.5, gapBefore: 3 },
} satisfies Record<string, Style>;

class Layout {
  readonly pages: Placed[][] = [[]];
  private y = pageHeight - margin;
  altered = false;

  private get page(): Placed[] {
    return this.pages[this.pages.length - 1] ?? [];
  }

  private room(height: number) {
    if (this.y - height >= bottom) return;
    this.pages.push([]);
    this.y = pageHeight - margin;
  }

  private encode(text: string): string[] {
    return text.split(/\r?\n/).map((paragraph) => {
      const encoded = toWinAnsi(paragraph);
      if (encoded.altered) this.altered = true;
      return encoded.bytes;
    });
  }

  private wrapped(text: string, width: number, style: Style): string[] {
    return this.encode(text).flatMap((paragraph) => wrapText(paragraph, width, style.size, style.bold));
  }

  /** Lines in one column; a heading keeps at least its first following line with it. */
  lines(text: string, style: Style, x = margin, keepWithNext = 0) {
    const lines = this.wrapped(text, pageWidth - margin - x, style);
    this.y -= style.gapBefore;
    this.room(style.leading * lines.length + keepWithNext * keptLineHeight);
    for (const bytes of lines) {
      this.room(style.leading);
      this.y -= style.leading;
      this.page.push({ x, y: this.y, size: style.size, bold: style.bold, bytes });
    }
  }

  bullet(text: string) {
    const style = styles.text;
    const lines = this.wrapped(text, pageWidth - 2 * margin - bulletIndent, style);
    this.y -= style.gapBefore;
    lines.forEach((bytes, index) => {
      this.room(style.leading);
      this.y -= style.leading;
      if (index === 0) this.page.push({ x: margin, y: this.y, size: style.size, bold: false, bytes: "\x95" });
      this.page.push({ x: margin + bulletIndent, y: this.y, size: style.size, bold: false, bytes });
    });
  }

  /** A bold label in the left column beside its value, the two wrapped side by side. */
  field(label: string, value: string) {
    const style = styles.field;
    const labels = this.wrapped(label, labelWidth - 10, { ...style, bold: true });
    const values = this.wrapped(value, pageWidth - 2 * margin - labelWidth, style);
    this.y -= style.gapBefore;
    const rows = Math.max(labels.length, values.length);
    for (let row = 0; row < rows; row++) {
      this.room(style.leading);
      this.y -= style.leading;
      const labelBytes = labels[row];
      const valueBytes = values[row];
      if (labelBytes)
        this.page.push({ x: margin, y: this.y, size: style.size, bold: true, bytes: labelBytes });
      if (valueBytes) {
        this.page.push({
          x: margin + labelWidth,
          y: this.y,
          size: style.size,
          bold: false,
          bytes: valueBytes,
        });
      }
    }
  }
}

function layOut(document: PdfDocument): { pages: Placed[][]; footer: string } {
  const layout = new Layout();
  for (const block of document.blocks) {
    switch (block.kind) {
      case "title":
        layout.lines(block.text, styles.title);
        break;
      case "heading":
        layout.lines(block.text, styles.heading, margin, 2);
        break;
      case "text":
        layout.lines(block.text, { ...styles.text, bold: block.bold ?? false });
        break;
      case "field":
        layout.field(block.label, block.value);
        break;
      case "bullet":
        layout.bullet(block.text);
        break;
    }
  }
  if (layout.altered && document.alteredTextNotice) {
    layout.lines(document.alteredTextNotice, { ...styles.text, gapBefore: 14, bold: true });
  }
  const footer = toWinAnsi(document.footer);
  return { pages: layout.pages, footer: footer.bytes };
}

/** A PDF literal string: backslash and brackets escaped, bytes beyond ASCII as octal escapes. */
export function pdfString(bytes: string): string {
  let escaped = "";
  for (let index = 0; index < bytes.length; index++) {
    const code = bytes.charCodeAt(index);
    const character = bytes[index] ?? "";
    if (character === "\\" || character === "(" || character === ")") escaped += `\\${character}`;
    else if (code < 0x20 || code > 0x7e) escaped += `\\${code.toString(8).padStart(3, "0")}`;
    else escaped += character;
  }
  return `(${escaped})`;
}

const number = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(2));

function contentStream(placed: Placed[], footer: string, pageNumber: number, pageCount: number): string {
  const commands = placed.map(
    (line) =>
      `BT /${line.bold ? "F2" : "F1"} ${number(line.size)} Tf ${number(line.x)} ${number(line.y)} Td ${pdfString(line.bytes)} Tj ET`,
  );
  const pageLabel = toWinAnsi(`Page ${pageNumber} of ${pageCount}`).bytes;
  const pageLabelX = pageWidth - margin - textWidth(pageLabel, 8, false);
  commands.push(`BT /F1 8 Tf ${margin} 36 Td ${pdfString(footer)} Tj ET`);
  commands.push(`BT /F1 8 Tf ${number(pageLabelX)} 36 Td ${pdfString(pageLabel)} Tj ET`);
  return commands.join("\n");
}

/** The document as the bytes of a PDF file. */
export function writePdf(document: PdfDocument): Uint8Array<ArrayBuffer> {
  const { pages, footer } = layOut(document);
  const objects: string[] = [];
  const add = (body: string) => objects.push(body);
  const fontObject = 3;
  const firstPageObject = 6;
  const pageObjects = pages.map((_, index) => firstPageObject + index * 2);
  add("<< /Type /Catalog /Pages 2 0 R >>");
  add(`<< /Type /Pages /Kids [${pageObjects.map((id) => `${id} 0 R`).join(" ")}] /Count ${pages.length} >>`);
  add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
  add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>");
  add(`<< /Title ${pdfString(toWinAnsi(document.title).bytes)} /Producer (Linkwork) >>`);
  pages.forEach((placed, index) => {
    const stream = contentStream(placed, footer, index + 1, pages.length);
    add(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${pageWidth} ${pageHeight}] ` +
        `/Resources << /Font << /F1 ${fontObject} 0 R /F2 ${fontObject + 1} 0 R >> >> ` +
        `/Contents ${firstPageObject + index * 2 + 1} 0 R >>`,
    );
    add(`<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`);
  });
  // The second line's bytes above 127 tell transfer tools the file is binary, as the standard advises.
  let file = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n";
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(file.length);
    file += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xrefOffset = file.length;
  file += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) file += `${String(offset).padStart(10, "0")} 00000 n \n`;
  file += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 5 0 R >>\nstartxref\n${xrefOffset}\n%%EOF\n`;
  const bytes = new Uint8Array(file.length);
  for (let index = 0; index < file.length; index++) bytes[index] = file.charCodeAt(index);
  return bytes;
}
