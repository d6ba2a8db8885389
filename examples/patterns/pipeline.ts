import { pipeline, transformationStage, validationStage } from 'agentbridge/patterns';
import { InMemoryPipelineRunStore } from 'agentbridge/stores';

type Report = { title: string; severity: number };
const rules = [
  { name: 'title', check: (r: Report) => (r.title.trim() ? undefined : 'the title is empty') },
  { name: 'severity', check: (r: Report) => ([1, 2, 3, 4].includes(r.severity) ? undefined : 'not 1-4') },
];
const trim = { name: 'trim', apply: (r: Report) => ({ ...r, title: r.title.trim() }) };
const intake = pipeline<Report>('intake')
  .stage(validationStage('validate', rules))
  .stage(transformationStage('normalise', [trim]))
  .build({ runs: new InMemoryPipelineRunStore() }); // DynamoDbPipelineRunStore on Lambda
const report = { title: ' Disk full ', severity: 2 };
const { output, records } = await intake.run('report-1', report);
console.log(output, records.map((record) => `${record.stage}:${record.success}`).join(' '));
console.log('replayed:', (await intake.run('report-1', report)).replayed);
await intake.run('report-2', { title: ' ', severity: 9 }).catch((error: Error) => console.log(error.message));
