/** `npm run torture [-- --kills N]`: the crash test at full size (1,000 kills by default). */
import { parseArgs } from 'node:util';
import { torture } from './run';

const { values } = parseArgs({ options: { kills: { type: 'string', default: '1000' } } });
const report = await torture(Number(values.kills), { log: (line) => process.stdout.write(`${line}\n`) });
process.stdout.write(`\n${JSON.stringify(report, null, 2)}\n`);
process.exitCode = report.failures.length ? 1 : 0;
