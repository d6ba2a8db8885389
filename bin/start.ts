import '../local/polyfills.js';
import { isDemoError } from '../local/demo/demo-error.js';
import { demoScenario } from '../local/demo/demo-orders.js';
import { openTarget } from '../local/demo/demo-targets.js';
import { formatDemoReport } from '../local/demo/format-demo-report.js';
import { parseStartArgs, START_USAGE } from '../local/demo/parse-start-args.js';
import { runDemo } from '../local/demo/run-demo.js';
import { textStyle, wantsColour } from '../local/demo/text-style.js';

// `npm start`: the whole order system in this process, a scenario of orders through it, a trace and a summary.
// Exit codes: 0 every order ended as expected, 1 one did not, 2 bad arguments or a target that cannot start.
try {
  const args = parseStartArgs(process.argv.slice(2));
  if (args.help) {
    process.stdout.write(`${START_USAGE}\n`);
  } else {
    const style = textStyle(wantsColour(process.stdout, process.env));
    const target = await openTarget(args.target);
    try {
      // On the local cloud every function's first invocation is a cold start in a worker thread.
      const report = await runDemo(target, demoScenario(), {
        deadlineMs: target.name === 'local-cloud' ? 60_000 : 10_000,
      });
      process.stdout.write(`${formatDemoReport(report, style).join('\n')}\n`);
      process.exitCode = report.summary.mismatches.length === 0 ? 0 : 1;
    } finally {
      await target.close();
    }
  }
} catch (error) {
  if (!isDemoError(error)) throw error;
  process.stderr.write(`npm start: ${error.message}\n`);
  process.exitCode = 2;
}
