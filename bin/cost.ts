/**
 * `npm run cost [-- --json]`: the bill per million delivered orders by service and the capacity at the
 * default quotas, from the template (cdk.out, or a synthesis without bundling when it is stale) and a
 * scripted run of the order system measured on DynamoDB Local (needs Java, as `npm test` does).
 */
import { execFileSync } from 'node:child_process';
import '../local/polyfills.js';
import { costTemplate } from '../local/cost/cost-template.js';
import { costJsonLines, formatCostReport } from '../local/cost/format-cost-report.js';
import { orderBill, orderRates } from '../local/cost/order-bill.js';
import { quotaCapacity } from '../local/cost/quota-capacity.js';
import { scriptedOrderRun } from '../local/cost/scripted-order-run.js';
import { templateCostInputs } from '../local/cost/template-cost-inputs.js';

const json = process.argv.includes('--json');
const { template, from } = costTemplate();
const inputs = templateCostInputs(template);
const run = await scriptedOrderRun({
  writesIdempotency: (agentType) =>
    inputs.functions.some((fn) => fn.agentType === agentType && fn.writesIdempotency),
});
const rates = orderRates(run, inputs);
const lines = orderBill(rates, inputs);
const capacity = quotaCapacity(rates, inputs, run);
let commit = 'unknown';
try {
  commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
} catch {
  // Not a git checkout: the report still stands, without the commit.
}
process.stdout.write(
  json
    ? costJsonLines(lines, capacity)
    : formatCostReport(lines, rates, capacity, {
        orders: run.orders,
        templateFrom: from,
        commit,
        mismatches: run.mismatches.length,
      }),
);
process.exit(0);
