// A small worker_threads pool for the CLI: at most `size` tasks run at once, one per worker, and the caller
// waits for a free slot before it takes the next input (so a huge directory is never queued whole).

import { Worker } from "node:worker_threads";
import type { FileResult } from "./clean-file.js";
import type { FileTask } from "./process-file.js";

type Result = FileResult | { file: string; error: string };

/** Runs file tasks on `size` workers; `run` resolves when a slot is free, results go to `onResult`. */
export class WorkerPool {
  private readonly idle: Worker[] = [];
  private readonly all: Worker[] = [];
  private readonly waiting: (() => void)[] = [];
  private readonly pending = new Map<number, Worker>();
  private nextId = 0;
  private failure: Error | undefined;

  constructor(size: number, workerUrl: URL, private readonly onResult: (result: Result) => void) {
    for (let index = 0; index < size; index++) {
      const worker = new Worker(workerUrl);
      worker.on("message", ({ id, result }: { id: number; result: Result }) => {
        this.pending.delete(id);
        this.onResult(result);
        this.release(worker);
      });
      worker.on("error", (error) => {
        this.failure = error;
        this.waiting.splice(0).forEach((wake) => wake());
      });
      this.all.push(worker);
      this.idle.push(worker);
    }
  }

  /** Starts a task as soon as a worker is free; resolves once it has started. */
  async run(task: FileTask): Promise<void> {
    while (this.idle.length === 0 && !this.failure) await new Promise<void>((wake) => this.waiting.push(wake));
    if (this.failure) throw this.failure;
    const worker = this.idle.pop()!;
    const id = this.nextId++;
    this.pending.set(id, worker);
    worker.postMessage({ id, task });
  }

  /** Waits for every started task, then stops the workers. */
  async close(): Promise<void> {
    while (this.pending.size > 0 && !this.failure) await new Promise<void>((wake) => this.waiting.push(wake));
    await Promise.all(this.all.map((worker) => worker.terminate()));
    if (this.failure) throw this.failure;
  }

  private release(worker: Worker): void {
    this.idle.push(worker);
    this.waiting.splice(0).forEach((wake) => wake());
  }
}
