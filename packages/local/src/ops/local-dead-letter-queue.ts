import { z } from "zod";
import type { DeadLetterQueue } from "./dead-letter-queue";
import { operationsPath } from "./operations-routes";

const DeadLetters = z.object({
  deadLetters: z.array(z.looseObject({ id: z.string(), subscription: z.string() })),
});

/**
 * The local runtime's dead letters, over its operations routes, as a queue: a received letter is
 * not handed out again until it is released, as an SQS message stays invisible while it is handled.
 */
export function localDeadLetterQueue(options: {
  runtimeUrl: string;
  subscription?: string;
}): DeadLetterQueue {
  const base = `${options.runtimeUrl.replace(/\/$/, "")}${operationsPath}/dead-letters`;
  const handedOut = new Set<string>();
  return {
    name: `local dead letters${options.subscription ? ` of ${options.subscription}` : ""} at ${options.runtimeUrl}`,
    async receive(max) {
      const response = await fetch(base);
      if (!response.ok) throw new Error(`The local runtime answered ${response.status} for its dead letters`);
      const { deadLetters } = DeadLetters.parse(await response.json());
      const waiting = deadLetters.filter(
        (letter) =>
          !handedOut.has(letter.id) &&
          (!options.subscription || letter.subscription === options.subscription),
      );
      const received = waiting.slice(0, max);
      for (const letter of received) handedOut.add(letter.id);
      return received.map((letter) => ({
        handle: letter.id,
        messageId: letter.id,
        body: JSON.stringify(letter),
      }));
    },
    async remove(message) {
      const response = await fetch(`${base}/${encodeURIComponent(message.handle)}`, { method: "DELETE" });
      if (response.status !== 204 && response.status !== 404) {
        throw new Error(
          `The local runtime answered ${response.status} removing dead letter ${message.handle}`,
        );
      }
    },
    async release(message) {
      handedOut.delete(message.handle);
    },
  };
}
