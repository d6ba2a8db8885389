import { SQSClient } from '@aws-sdk/client-sqs';
import { requiredEnv } from 'agentbridge/aws';
import { agentFunctionWiring, agentHandler } from 'agentbridge/lambda';
import { SqsEventDeadLetters } from 'agentbridge/patterns';
import { DynamoDbItemStore } from 'agentbridge/stores';
import { PAGES_TABLE, PAGING_AGENT, PAGING_DEAD_LETTERS_URL, Page } from '../agents.js';

const wiring = agentFunctionWiring(PAGING_AGENT.agentType);

export const handler = agentHandler(
  PAGING_AGENT,
  {
    pages: new DynamoDbItemStore({
      documentClient: wiring.documentClient,
      tableName: wiring.tableName(PAGES_TABLE),
      table: PAGES_TABLE,
      schema: Page,
    }),
    deadLetters: new SqsEventDeadLetters({
      sqs: new SQSClient({}),
      queueUrl: requiredEnv(process.env, PAGING_DEAD_LETTERS_URL),
    }),
  },
  wiring.deps,
);
