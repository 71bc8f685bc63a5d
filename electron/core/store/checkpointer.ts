/**
 * Checkpoints on a thread of their own. A checkpoint copies the pages
 * changed since the last one from the WAL into the project file and syncs
 * both: 10-20 ms after half a second of coding, a fifth of the time of a
 * large import. Run by the connection that writes, each one held up the
 * request that came next. A second connection, on a worker, does the same
 * copy while the first goes on writing: SQLite lets a checkpoint run beside
 * a writer, and the two share the WAL's index, so that whatever the worker
 * has copied the writer's own checkpoints skip.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** How long closing waits for the worker to close its connection, which must go before the last one. */
const closeWaitMs = 10_000;

// The worker's whole program: plain JavaScript, so that it needs no entry of its own in any build.
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const closed = new Int32Array(workerData.closed);
let db = null;
try {
  const Database = require(workerData.driver);
  db = new Database(workerData.file, { fileMustExist: true, nativeBinding: workerData.nativeBinding });
} catch (error) {
  parentPort.postMessage({ failed: String(error) });
}
parentPort.on('message', (message) => {
  if (message === 'close') {
    try { db?.close(); } finally { Atomics.store(closed, 0, 1); Atomics.notify(closed, 0); }
    return;
  }
  // A full disk or a vanished file: the writer reports it, and the commits are safe in the WAL.
  try { db?.pragma('wal_checkpoint(PASSIVE)'); } catch {}
});
`;

export class Checkpointer {
  private worker: Worker | null = null;
  private failed = false;
  private readonly closed = new Int32Array(new SharedArrayBuffer(4));

  constructor(
    private readonly file: string,
    private readonly nativeBinding: string | undefined,
    /** Checkpoints on the calling thread: what happens when no worker can start. */
    private readonly inPlace: () => void,
  ) {}

  /** A checkpoint soon, on the worker (started the first time). */
  request(): void {
    const worker = this.failed ? null : (this.worker ?? this.start());
    if (worker) worker.postMessage('checkpoint');
    else this.inPlace();
  }

  /** Closes the worker's connection, and waits for it: the project's own connection must be the last to close, to fold the WAL in. */
  close(): void {
    const worker = this.worker;
    this.worker = null;
    if (!worker) return;
    worker.postMessage('close');
    Atomics.wait(this.closed, 0, 0, closeWaitMs);
    void worker.terminate();
  }

  private start(): Worker | null {
    try {
      const worker = new Worker(workerSource, {
        eval: true,
        workerData: { driver: createRequire(import.meta.url).resolve('better-sqlite3'), file: this.file, nativeBinding: this.nativeBinding, closed: this.closed.buffer },
      });
      // Nothing waits on it: a CLI run ends when its work is done.
      worker.unref();
      // It could not open the project, or died: checkpoints go back to the writer's thread.
      const fail = () => {
        this.failed = true;
        if (this.worker === worker) this.worker = null;
        Atomics.store(this.closed, 0, 1);
        void worker.terminate();
      };
      worker.on('message', (message: { failed?: string }) => message.failed !== undefined && fail());
      worker.on('error', fail);
      this.worker = worker;
      return worker;
    } catch {
      this.failed = true;
      return null;
    }
  }
}
