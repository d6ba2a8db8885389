/**
 * aws-local-stepfunctions 3 calls `Promise.withResolvers` (Node 22+). This project supports Node 20,
 * so the offline Step Functions engine gets the same three-line shim wherever it runs.
 */
import '../../local/polyfills.js';
