import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const repositoryRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** The README, the notes in docs/ and the READMEs they link to: what a reader of the repository opens. */
function documents(): string[] {
  const docs = readdirSync(join(repositoryRoot, "docs"))
    .filter((name) => name.endsWith(".md"))
    .map((name) => join("docs", name));
  return ["README.md", "bench/README.md", ...docs];
}

/** Markdown links and images that are not web addresses or anchors on the same page. */
function fileLinks(document: string): string[] {
  const text = readFileSync(join(repositoryRoot, document), "utf8");
  return [...text.matchAll(/!?\[[^\]]*\]\(([^)\s]+)[^)]*\)/g)]
    .map((match) => match[1] ?? "")
    .filter((target) => !/^[a-z]+:/i.test(target) && !target.startsWith("#"));
}

describe("the README and docs/", () => {
  it("stand alone: every link to a file points inside this repository, at a file that exists", () => {
    const broken = documents().flatMap((document) =>
      fileLinks(document)
        .map((target) => {
          const path = resolve(repositoryRoot, dirname(document), (target.split("#")[0] ?? "") || ".");
          const outside = relative(repositoryRoot, path).startsWith("..") || target.startsWith("/");
          if (outside) return `${document}: ${target} is outside the repository`;
          return existsSync(path) ? undefined : `${document}: ${target} does not exist`;
        })
        .filter((problem) => problem !== undefined),
    );
    expect(broken).toEqual([]);
  });

  it("keep the architecture decisions in docs/, linked from the README", () => {
    expect(fileLinks("README.md")).toContain("docs/architecture.md");
    expect(readFileSync(join(repositoryRoot, "docs/architecture.md"), "utf8")).toMatch(
      /^# Linkwork architecture/,
    );
  });
});
