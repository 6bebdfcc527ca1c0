import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { pdfString, writePdf } from "../src/message-back/pdf";
import { textWidth, toWinAnsi, wrapText } from "../src/message-back/pdf-text";

const latin1 = (bytes: Uint8Array) => Array.from(bytes, (byte) => String.fromCharCode(byte)).join("");

/** Reads a PDF the way a viewer starts to: from startxref to the table, and each offset to its object. */
function parsed(bytes: Uint8Array) {
  const file = latin1(bytes);
  const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(file)?.[1]);
  expect(file.slice(startxref, startxref + 5)).toBe("xref\n");
  const [, first, count] = /^xref\n(\d+) (\d+)\n/.exec(file.slice(startxref)) ?? [];
  expect(Number(first)).toBe(0);
  const entries = file
    .slice(startxref)
    .split("\n")
    .slice(2, 2 + Number(count));
  expect(entries[0]).toBe("0000000000 65535 f ");
  const offsets = entries.slice(1).map((entry) => {
    expect(entry).toMatch(/^\d{10} 00000 n $/);
    return Number(entry.slice(0, 10));
  });
  offsets.forEach((offset, index) => {
    expect(file.slice(offset).startsWith(`${index + 1} 0 obj\n`)).toBe(true);
  });
  const trailer = file.slice(file.lastIndexOf("trailer"));
  expect(trailer).toContain(`/Size ${Number(count)}`);
  const streams = [...file.matchAll(/<< \/Length (\d+) >>\nstream\n/g)].map((match) => {
    const start = (match.index ?? 0) + match[0].length;
    const length = Number(match[1]);
    expect(file.slice(start + length, start + length + 10)).toBe("\nendstream");
    return file.slice(start, start + length);
  });
  const pageCount = Number(/\/Type \/Pages \/Kids \[[^\]]*\] \/Count (\d+)/.exec(file)?.[1]);
  return { file, streams, pageCount };
}

const block = (text: string) => ({ kind: "text" as const, text });

describe("the PDF writer", () => {
  it("writes a PDF 1.4 file whose cross-reference table points at every object", () => {
    const bytes = writePdf({
      title: "A title",
      footer: "Footer",
      blocks: [
        { kind: "title", text: "Hello" },
        { kind: "field", label: "Code", value: "871731000000106" },
      ],
    });
    const { file, streams, pageCount } = parsed(bytes);
    expect(file.startsWith("%PDF-1.4\n")).toBe(true);
    expect(file.endsWith("%%EOF\n")).toBe(true);
    expect(pageCount).toBe(1);
    expect(streams[0]).toContain("(871731000000106) Tj");
    expect(file).toContain("/BaseFont /Helvetica /Encoding /WinAnsiEncoding");
    expect(file).toContain("/BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding");
    expect(streams[0]).toContain("(Page 1 of 1) Tj");
  });

  it("starts new pages as text fills them, numbering each, and keeps every line inside the margins", () => {
    const long = Array.from({ length: 120 }, (_, index) => `Paragraph ${index} of a long summary.`).join(
      "\n",
    );
    const { streams, pageCount } = parsed(writePdf({ title: "Long", footer: "F", blocks: [block(long)] }));
    expect(pageCount).toBeGreaterThan(1);
    expect(streams).toHaveLength(pageCount);
    expect(streams.at(-1)).toContain(`(Page ${pageCount} of ${pageCount}) Tj`);
    for (const stream of streams) {
      for (const [, x, y] of stream.matchAll(/ Tf ([\d.]+) ([\d.]+) Td/g)) {
        expect(Number(x)).toBeGreaterThanOrEqual(56);
        expect(Number(y)).toBeGreaterThanOrEqual(36);
        expect(Number(y)).toBeLessThanOrEqual(842 - 56);
      }
    }
    const text = streams.join("\n");
    for (const index of [0, 60, 119]) expect(text).toContain(`(Paragraph ${index} of a long summary.) Tj`);
  });

  it("escapes brackets and backslashes, and writes bytes beyond ASCII as octal escapes", () => {
    expect(pdfString("(a) \\ b")).toBe("(\\(a\\) \\\\ b)");
    expect(pdfString(toWinAnsi("Zoë – café").bytes)).toBe("(Zo\\353 \\226 caf\\351)");
  });

  it("transliterates what WinAnsi cannot show and then says the printable page shows names exactly", () => {
    const notice = "The printable page shows every name exactly.";
    const altered = latin1(
      writePdf({
        title: "T",
        footer: "F",
        blocks: [block("Łukasz Nguyễn from Łódź, 李")],
        alteredTextNotice: notice,
      }),
    );
    expect(altered).toContain("(Lukasz Nguyen from L\\363dz, ?) Tj");
    expect(altered).toContain(notice);
    const plain = latin1(
      writePdf({ title: "T", footer: "F", blocks: [block("Zoë O'Brien-Müller")], alteredTextNotice: notice }),
    );
    expect(plain).toContain("(Zo\\353 O'Brien-M\\374ller) Tj");
    expect(plain).not.toContain(notice);
  });
});

describe("WinAnsi text", () => {
  it("keeps what WinAnsi has, curly quotes and the euro included", () => {
    expect(toWinAnsi("“£5” or €5 — fine").altered).toBe(false);
    expect(toWinAnsi("Ørsted ß").bytes).toBe("\xd8rsted \xdf");
  });

  it("turns letters with marks WinAnsi lacks into their base letters, keeping those it has", () => {
    expect(toWinAnsi("Wałęsa, Dvořák, Şahin, Đorđević").bytes).toBe("Walesa, Dvor\xe1k, Sahin, Dordevic");
  });

  it("wraps text so that no line is wider than the column, and loses no word", () => {
    const word = fc.stringMatching(/^[A-Za-z0-9é,.'()-]{1,30}$/);
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 60, max: 480 }),
        (words, width) => {
          const bytes = toWinAnsi(words.join(" ")).bytes;
          const lines = wrapText(bytes, width, 10, false);
          for (const line of lines) expect(textWidth(line, 10, false)).toBeLessThanOrEqual(width);
          expect(lines.join("").replaceAll(" ", "")).toBe(bytes.replaceAll(" ", ""));
        },
      ),
    );
  });
});
