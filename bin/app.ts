import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { AgentbridgeStack } from '../lib/agentbridge-stack.js';

const app = new App();
new AgentbridgeStack(app, 'AgentBridge', {
  description:
    'agentbridge: AutoGen-style agents on Lambda and EventBridge, order saga and lifecycle on Step Functions',
});
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
