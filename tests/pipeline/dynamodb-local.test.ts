import { mkdirSync, mkdtempSync, readFileSync, statSync } from "node:fs";
import { connect as connectTcp } from "node:net";
import { networkInterfaces, tmpdir } from "node:os";
import { join } from "node:path";
import { ensurePrivateDirectory } from "@linkwork/local/data-directory";
import { startDynamoDbLocal } from "@linkwork/local/dynamodb";
import { describe, expect, it } from "vitest";
import { processesMentioning } from "../local/cli-process";

/** The addresses the kernel has a listening TCP socket on for this port (Linux: /proc/net/tcp{,6}). */
function listeningAddresses(port: number): string[] {
  const addresses: string[] = [];
  for (const file of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    for (const line of readFileSync(file, "utf8").split("\n").slice(1)) {
      const [, local, , state] = line.trim().split(/\s+/);
      if (!local || state !== "0A") continue;
      const [address = "", portHex = ""] = local.split(":");
      if (Number.parseInt(portHex, 16) === port) addresses.push(decodeAddress(address));
    }
  }
  return addresses;
}

/** /proc writes addresses as 32-bit words in host (little-endian) order. */
function decodeAddress(hex: string): string {
  const words = hex.match(/.{8}/g) ?? [];
  const bytes = words.flatMap((word) =>
    (word.match(/../g) ?? []).reverse().map((byte) => Number.parseInt(byte, 16)),
  );
  const isMappedIpv4 =
    bytes.length === 16 &&
    bytes.slice(0, 10).every((byte) => byte === 0) &&
    bytes[10] === 255 &&
    bytes[11] === 255;
  if (bytes.length === 4) return bytes.join(".");
  if (isMappedIpv4) return bytes.slice(12).join(".");
  const groups = [];
  for (let index = 0; index < 16; index += 2)
    groups.push((((bytes[index] ?? 0) << 8) | (bytes[index + 1] ?? 0)).toString(16));
  return groups.join(":");
}

/** An address of this machine that other machines could reach, if it has one. */
function nonLoopbackAddress(): string | undefined {
  return Object.values(networkInterfaces())
    .flat()
    .find((candidate) => candidate && !candidate.internal && candidate.family === "IPv4")?.address;
}

function connectOutcome(host: string, port: number): Promise<"connected" | string> {
  return new Promise((resolve) => {
    const socket = connectTcp({ host, port, timeout: 2_000 });
    socket.once("connect", () => {
      socket.destroy();
      resolve("connected");
    });
    socket.once("timeout", () => {
      socket.destroy();
      resolve("timed out");
    });
    socket.once("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

const modeOf = (path: string) => statSync(path).mode & 0o777;

describe("DynamoDB Local", () => {
  it("refuses a data folder another DynamoDB Local is using, and stops leaving no process", async () => {
    const dataDirectory = mkdtempSync(join(tmpdir(), "linkwork-dynamodb-"));
    const first = await startDynamoDbLocal({ dataDirectory });
    try {
      expect(processesMentioning(`-dbPath ${dataDirectory}`)).toEqual([first.pid]);
      await expect(startDynamoDbLocal({ dataDirectory })).rejects.toMatchObject({
        code: "dynamodb_failed",
        message: expect.stringContaining(`process ${first.pid}`),
      });
    } finally {
      await first.stop();
    }
    expect(processesMentioning(`-dbPath ${dataDirectory}`)).toEqual([]);
  }, 120_000);

  it("listens on 127.0.0.1 only, and keeps an existing data folder to its owner", async () => {
    const dataDirectory = join(mkdtempSync(join(tmpdir(), "linkwork-dynamodb-")), "dynamodb");
    mkdirSync(dataDirectory, { mode: 0o755 });
    const dynamodb = await startDynamoDbLocal({ dataDirectory });
    try {
      expect(listeningAddresses(dynamodb.port)).toEqual(["127.0.0.1"]);
      expect(await connectOutcome("127.0.0.1", dynamodb.port)).toBe("connected");
      const outside = nonLoopbackAddress();
      if (outside) expect(await connectOutcome(outside, dynamodb.port)).toBe("ECONNREFUSED");
      expect(modeOf(dataDirectory)).toBe(0o700);
    } finally {
      await dynamodb.stop();
    }
  }, 120_000);
});

describe("the local data folder", () => {
  it("is created readable only by its owner, parents included", () => {
    const root = mkdtempSync(join(tmpdir(), "linkwork-data-"));
    const data = join(root, ".data");
    ensurePrivateDirectory(join(data, "dynamodb"));
    expect(modeOf(data)).toBe(0o700);
    expect(modeOf(join(data, "dynamodb"))).toBe(0o700);
  });

  it("is tightened when it already exists open to others", () => {
    const data = join(mkdtempSync(join(tmpdir(), "linkwork-data-")), ".data");
    mkdirSync(data, { mode: 0o777 });
    ensurePrivateDirectory(data);
    expect(modeOf(data)).toBe(0o700);
  });
});
