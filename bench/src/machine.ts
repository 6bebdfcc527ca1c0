import { availableParallelism, cpus, loadavg, totalmem } from "node:os";

/** What the figures were measured on: they mean little without it. */
export function describeMachine(loadAtStart: string): Array<[string, string]> {
  const model = cpus()[0]?.model.trim() ?? "unknown CPU";
  return [
    ["cores", `${availableParallelism()} (${model})`],
    ["memory", `${Math.round(totalmem() / 2 ** 30)} GiB`],
    ["node", process.version],
    ["platform", `${process.platform} ${process.arch}`],
    ["load average", `${loadAtStart} at start, ${loadAverage()} at end (1, 5, 15 min)`],
  ];
}

/** Other work on the machine skews every figure; the load averages show how busy it was. */
export function loadAverage(): string {
  return loadavg()
    .map((load) => load.toFixed(2))
    .join(" ");
}

export function describeSettings(settings: Array<[string, string | number]>): string {
  const width = Math.max(...settings.map(([name]) => name.length));
  return settings.map(([name, value]) => `  ${name.padEnd(width)}  ${value}`).join("\n");
}
