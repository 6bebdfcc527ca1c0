import WebSocket from "ws";
import { eventually } from "../local/eventually";

export interface BoardNotice {
  type: string;
  meetingId: string;
  at: string;
  reason: string;
}

/** A board's WebSocket as a test holds it: every frame it received, and ways to wait for one. */
export interface BoardSocket {
  received: BoardNotice[];
  /** Waits (with a deadline) for a notice that matches, received since the socket opened. */
  notice(matches: (notice: BoardNotice) => boolean, what: string): Promise<BoardNotice>;
  send(message: unknown): void;
  close(): Promise<void>;
}

/** Opens a WebSocket at a ticket's URL; rejects with the HTTP status when the server refuses it. */
export function openBoardSocket(url: string): Promise<BoardSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    const received: BoardNotice[] = [];
    socket.on("message", (data) => received.push(JSON.parse(data.toString()) as BoardNotice));
    socket.once("unexpected-response", (_request, response) => {
      reject(new RefusedConnection(response.statusCode ?? 0));
      socket.terminate();
    });
    socket.once("error", reject);
    socket.once("open", () =>
      resolve({
        received,
        notice: (matches, what) =>
          eventually(async () => received.find(matches), { timeoutMs: 10_000, intervalMs: 20, what }),
        send: (message) => socket.send(JSON.stringify(message)),
        close: () =>
          new Promise<void>((closed) => {
            if (socket.readyState === socket.CLOSED) return closed();
            socket.once("close", () => closed());
            socket.close();
          }),
      }),
    );
  });
}

export class RefusedConnection extends Error {
  constructor(readonly status: number) {
    super(`The server refused the WebSocket with ${status}`);
  }
}
