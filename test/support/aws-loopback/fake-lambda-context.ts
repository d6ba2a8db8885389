/** The Lambda context lives with the local system, which invokes agent functions too. */
export { fakeLambdaContext } from '../../../local/lambda/fake-lambda-context.js';
