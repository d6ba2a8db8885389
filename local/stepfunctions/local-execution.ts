export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';

/** DescribeExecution's answer (the fields the local engine knows). */
export interface ExecutionDescription {
  readonly executionArn: string;
  readonly stateMachineArn: string;
  readonly name: string;
  readonly status: ExecutionStatus;
  readonly startDate: Date;
  readonly stopDate?: Date;
  /** JSON text, as the API returns it. */
  readonly input: string;
  readonly output?: string;
  readonly error?: string;
  readonly cause?: string;
}

/** One entry of an execution's history (state entered / exited / failed / retried / caught, execution end). */
export interface ExecutionHistoryEvent {
  readonly type: string;
  readonly timestamp: number;
  readonly stateName?: string;
  /** The state's ASL type (`Task`, `Choice`, `Wait`, …), for state events. */
  readonly stateType?: string;
  /** JSON text: the execution's input (ExecutionStarted) or the state's (StateEntered, StateFailed). */
  readonly input?: string;
  /** JSON text: the state's (StateExited) or the execution's (ExecutionSucceeded) output. */
  readonly output?: string;
  readonly error?: string;
  readonly cause?: string;
}

/**
 * One local execution: its status and history, and whether it is parked (waiting for a task token), which is
 * how tests and `npm start` know the next trigger may be sent.
 */
export class LocalExecution {
  readonly executionArn: string;
  readonly stateMachineArn: string;
  readonly name: string;
  readonly input: string;
  readonly startDate: Date;
  readonly history: ExecutionHistoryEvent[] = [];
  #status: ExecutionStatus = 'RUNNING';
  #stopDate: Date | undefined;
  #output: string | undefined;
  #error: string | undefined;
  #cause: string | undefined;
  #parked = 0;
  #listeners: Array<() => void> = [];

  constructor(fields: {
    executionArn: string;
    stateMachineArn: string;
    name: string;
    input: string;
    startDate: Date;
  }) {
    this.executionArn = fields.executionArn;
    this.stateMachineArn = fields.stateMachineArn;
    this.name = fields.name;
    this.input = fields.input;
    this.startDate = fields.startDate;
  }

  get status(): ExecutionStatus {
    return this.#status;
  }

  /** Parked: running, and waiting for at least one callback (a task token). */
  get parked(): boolean {
    return this.#status === 'RUNNING' && this.#parked > 0;
  }

  describe(): ExecutionDescription {
    return {
      executionArn: this.executionArn,
      stateMachineArn: this.stateMachineArn,
      name: this.name,
      status: this.#status,
      startDate: this.startDate,
      input: this.input,
      ...(this.#stopDate === undefined ? {} : { stopDate: this.#stopDate }),
      ...(this.#output === undefined ? {} : { output: this.#output }),
      ...(this.#error === undefined ? {} : { error: this.#error }),
      ...(this.#cause === undefined ? {} : { cause: this.#cause }),
    };
  }

  park(): void {
    this.#parked += 1;
    this.#notify();
  }

  unpark(): void {
    this.#parked -= 1;
  }

  finish(
    status: Exclude<ExecutionStatus, 'RUNNING'>,
    at: Date,
    result: { output?: string; error?: string; cause?: string },
  ): void {
    this.#status = status;
    this.#stopDate = at;
    this.#output = result.output;
    this.#error = result.error;
    this.#cause = result.cause;
    this.#notify();
  }

  /** Resolves once the execution has ended. */
  whenDone(): Promise<ExecutionDescription> {
    return this.#when(() => this.#status !== 'RUNNING');
  }

  /** Resolves once the execution is parked on a callback, or has ended. */
  whenParkedOrDone(): Promise<ExecutionDescription> {
    return this.#when(() => this.#status !== 'RUNNING' || this.#parked > 0);
  }

  #when(ready: () => boolean): Promise<ExecutionDescription> {
    if (ready()) return Promise.resolve(this.describe());
    return new Promise((resolve) => {
      const listener = (): void => {
        if (!ready()) return;
        this.#listeners = this.#listeners.filter((other) => other !== listener);
        resolve(this.describe());
      };
      this.#listeners.push(listener);
    });
  }

  #notify(): void {
    for (const listener of [...this.#listeners]) listener();
  }
}
