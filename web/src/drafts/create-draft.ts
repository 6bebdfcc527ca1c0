import { createSignal } from "solid-js";
import { createStore, produce, reconcile, unwrap } from "solid-js/store";
import { clearDraft, type DraftAddress, readDraft, writeDraft } from "./draft-storage";

/** A form's values: plain JSON (strings, numbers, booleans, arrays, objects), so they store as they are. */
export type DraftValues = Record<string, unknown>;

/**
 * Takes what was stored where it has the same shape as the form's own starting values, key by
 * key: a draft from an older version of the form, or tampered with, fills only what still fits.
 */
export function restoreByShape<Values extends DraftValues>(
  stored: unknown,
  initial: Values,
): Values | undefined {
  if (typeof stored !== "object" || stored === null || Array.isArray(stored)) return undefined;
  const restored = { ...initial };
  for (const key of Object.keys(initial) as (keyof Values & string)[]) {
    const value = Reflect.get(stored, key);
    const expected = initial[key];
    const fits = Array.isArray(expected)
      ? Array.isArray(value)
      : value !== null && typeof value === typeof expected && !Array.isArray(value);
    if (fits) restored[key] = value;
  }
  return restored;
}

/** A plain copy of values that may be read from a store (whose proxies structuredClone refuses). */
const plainCopy = <Values>(values: Values): Values => JSON.parse(JSON.stringify(values));

/**
 * A form's values that survive a reload: restored from this tab's draft when there is one, saved
 * on every change the user makes (never merely by opening the form, so an untouched form follows
 * the record), and forgotten once the form is sent.
 */
export function createDraft<Values extends DraftValues>(
  address: DraftAddress,
  initial: () => Values,
  restore: (stored: unknown, initial: Values) => Values | undefined = restoreByShape,
) {
  const start = initial();
  const stored = readDraft(address);
  const restoredValues = stored === undefined ? undefined : restore(stored, start);
  const [values, setValues] = createStore<Values>(plainCopy(restoredValues ?? start));
  const [restored, setRestored] = createSignal(restoredValues !== undefined);
  const [touched, setTouched] = createSignal(restoredValues !== undefined);
  const save = () => {
    setTouched(true);
    writeDraft(address, unwrap(values));
  };

  return {
    values,
    /** Whether the form opened with what the user had typed before the page reloaded. */
    restored,
    /** Whether the user has changed anything since the form started (or was last sent). */
    touched,
    set<Key extends keyof Values>(key: Key, value: Values[Key]) {
      setValues(
        produce((draft) => {
          draft[key] = value;
        }),
      );
      save();
    },
    /** Replaces every value, as the user's own change (kept in the draft). */
    setAll(next: Values) {
      setValues(reconcile(plainCopy(next)));
      save();
    },
    /** After a successful send: the draft is gone and the form starts afresh (from `initial` unless given). */
    reset(next: Values = initial()) {
      clearDraft(address);
      setRestored(false);
      setTouched(false);
      setValues(reconcile(plainCopy(next)));
    },
    /** Moves the form onto newer values without counting it as the user's change (nothing is saved). */
    rebase(change: Partial<Values>) {
      setValues(
        produce((draft) => {
          Object.assign(draft, change);
        }),
      );
      if (readDraft(address) !== undefined) writeDraft(address, unwrap(values));
    },
  };
}

export type Draft<Values extends DraftValues> = ReturnType<typeof createDraft<Values>>;
