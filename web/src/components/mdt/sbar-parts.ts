import type { Sbar } from "@linkwork/core/mdt/schema";

export const sbarParts: readonly { part: keyof Sbar; label: string }[] = [
  { part: "situation", label: "Situation" },
  { part: "background", label: "Background" },
  { part: "assessment", label: "Assessment" },
  { part: "recommendation", label: "Recommendation" },
];
