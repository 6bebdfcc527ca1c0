/**
 * Runs in the page before the app (Playwright's init script), so it sees everything from the
 * first byte: it records, in epoch milliseconds, when the board first shows every card and every
 * link worker, when each live notice arrives, and when each fetch of the meeting resolves. A
 * function string, as the page evaluates it: nothing from Node is in scope there.
 */
export const probeScript = (token: string, cardCount: number, workerCount: number) => `
(() => {
  sessionStorage.setItem("linkwork.token", ${JSON.stringify(token)});
  const now = () => performance.timeOrigin + performance.now();
  const probe = { firstRender: undefined, notices: [], meetingFetches: [], watch: undefined };
  window.__boardProbe = probe;

  const NativeWebSocket = window.WebSocket;
  window.WebSocket = class extends NativeWebSocket {
    constructor(...parts) {
      super(...parts);
      this.addEventListener("message", () => probe.notices.push(now()));
    }
  };
  const nativeFetch = window.fetch.bind(window);
  window.fetch = async (...parts) => {
    const response = await nativeFetch(...parts);
    const url = String(parts[0] instanceof Request ? parts[0].url : parts[0]);
    if (/\\/api\\/meetings\\/[^/]+$/.test(url)) probe.meetingFetches.push(now());
    return response;
  };

  const check = () => {
    if (probe.firstRender === undefined) {
      const cards = document.querySelectorAll('[data-testid="board-card"]').length;
      const workers = document.querySelectorAll('[data-testid="link-worker-capacity"]').length;
      if (cards >= ${cardCount} && workers >= ${workerCount}) probe.firstRender = performance.now();
    }
    const watch = probe.watch;
    if (watch && watch.seenAt === undefined) {
      if (document.querySelector('[data-column="' + watch.column + '"] [data-item-id="' + watch.itemId + '"]')) {
        watch.seenAt = now();
      }
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
})();
`;

/** What the probe has seen, read back from the page. */
export interface ProbeState {
  firstRender: number | undefined;
  notices: number[];
  meetingFetches: number[];
  watch: { itemId: string; column: string; seenAt: number | undefined } | undefined;
}
