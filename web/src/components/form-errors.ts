/** Collects a form's errors, one per question (or per message, when it names none), in the order added. */
export function oneErrorPerQuestion<Error extends { field: string | undefined; message: string }>() {
  const errors: Error[] = [];
  const seen = new Set<string>();
  return {
    errors,
    add(error: Error) {
      const key = error.field ?? error.message;
      if (seen.has(key)) return;
      seen.add(key);
      errors.push(error);
    },
  };
}
