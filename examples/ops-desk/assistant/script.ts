import {
  lastToolResults,
  lastUserText,
  type ModelRequest,
  type ScriptedReply,
  type ScriptedTurn,
} from 'agentbridge/patterns';

/**
 * The assistant's script for the local cloud and the tests (`opsdesk:model=scripted`): no model is called, the
 * script reads the operator's question and plays two turns — the tool call the question asks for, then an
 * answer written from the tool's result. It understands `restart <service>` and `status of <service>`.
 */
export const ASSISTANT_SCRIPT: readonly ScriptedTurn[] = [
  (request) => {
    const question = lastUserText(request);
    const restart = /\brestart\s+([a-z0-9-]+)/i.exec(question);
    if (restart?.[1] !== undefined) {
      return {
        toolCalls: [
          { name: 'run_runbook', input: { runbook: 'restart-service', input: { service: restart[1] } } },
        ],
      };
    }
    const status = /\bstatus of\s+([a-z0-9-]+)/i.exec(question);
    if (status?.[1] !== undefined)
      return { toolCalls: [{ name: 'service_status', input: { service: status[1] } }] };
    return {
      text: 'I can restart a service or report its status: ask "restart <service>" or "status of <service>".',
    };
  },
  (request) => answerFrom(request),
];

function answerFrom(request: ModelRequest): ScriptedReply {
  const [result] = lastToolResults(request);
  const content = result?.content as Record<string, unknown> | null | undefined;
  if (result === undefined) return { text: 'No tool answered.' };
  if (result.isError) return { text: `That failed: ${String(content?.message)}` };
  if (content === null || content === undefined) return { text: 'The fleet has no such service.' };
  if (Array.isArray(content.steps)) {
    const steps = content.steps as { step: string; status: string }[];
    const done = steps.filter((step) => step.status === 'succeeded').map((step) => step.step);
    return content.ok === true
      ? {
          text: `Ran ${String(content.runbook)}: ${done.length} of ${steps.length} steps succeeded (${done.join(', ')}).`,
        }
      : { text: `${String(content.runbook)} stopped: ${JSON.stringify(content.failure)}` };
  }
  return {
    text: `${String(content.service)} runs ${String(content.instances)} of ${String(content.maxInstances)} instances, ${
      content.drained === true ? 'drained' : 'taking traffic'
    }, restarted ${String(content.restarts)} times.`,
  };
}
