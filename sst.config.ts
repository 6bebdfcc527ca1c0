import { addStacks, configure, type SSTConfig } from "./infra/app";

/**
 * Linkwork on AWS. Run SST from infra/ (`pnpm --filter @linkwork/infra exec sst deploy --stage prod`),
 * where its packages are installed. Stage names: "prod" and "staging" keep their data; any other
 * name (a personal name, "dev", a branch) is disposable.
 */
export default {
  // SST reads this part alone, without the stacks, so it imports nothing.
  config() {
    return { name: "linkwork", region: "eu-west-2" };
  },
  stacks(app) {
    configure(app);
    addStacks(app);
  },
} satisfies SSTConfig;
