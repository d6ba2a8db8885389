import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { SupportTriageStack } from './stack.js';

const app = new App();
// An unacknowledged AwsSolutions finding fails the synth.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
new SupportTriageStack(app, 'SupportTriage');
