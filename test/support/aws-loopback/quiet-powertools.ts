/** The offline Powertools live with the local system, which runs agent functions too. */
export { quietPowertools } from '../../../local/lambda/quiet-powertools.js';
