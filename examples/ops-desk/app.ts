import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { OpsDeskStack } from './stack.js';

const app = new App();
// An unacknowledged AwsSolutions finding fails the synth.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
new OpsDeskStack(app, 'OpsDesk');
