import { describeRuntimeConformance } from '../../../conformance/runtime-conformance.js';
import { createAwsLoopbackHarness } from '../../../support/aws-loopback/aws-loopback-harness.js';

describeRuntimeConformance('aws runtime (loopback)', () => createAwsLoopbackHarness());
