// The index runner of the desktop and remote extension hosts: files on disk are stat'ed, read and indexed by a
// worker thread (dist/index-worker.js); the extension host only takes in the results. Files of other schemes
// (virtual workspaces) and a worker that cannot start fall back to the chunked runner.
import { Worker } from 'node:worker_threads';
import * as vscode from 'vscode';
import type { FileStamp, IndexedFile } from '../../core/workspace';
import { log } from '../common/log';
import { ChunkedIndexRunner } from './chunked-runner';
import type { WorkerFile, WorkerReply, WorkerRequest } from './index-protocol';
import type { IndexRunner, IndexTarget } from './index-runner';

/** The worker ends after this long without a job (a new job starts it again). */
const IDLE_MS = 60_000;

interface Job {
  onReply(reply: WorkerReply): void;
  fail(error: Error): void;
}

class WorkerIndexRunner implements IndexRunner {
  readonly kind = 'worker' as const;
  private worker: Worker | undefined;
  private readonly jobs = new Map<number, Job>();
  private nextJob = 1;
  private idle: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;
  private broken = false;
  private readonly fallback = new ChunkedIndexRunner();

  constructor(private readonly script: string) {}

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.script, { name: 'kamerstuk-index' });
    worker.on('message', (reply: WorkerReply) => this.jobs.get(reply.job)?.onReply(reply));
    const fail = (error: Error) => {
      if (this.worker === worker) this.worker = undefined;
      for (const job of [...this.jobs.values()]) job.fail(error);
      this.jobs.clear();
    };
    worker.on('error', (e) => {
      log().warn(`index worker: ${e.message}`);
      fail(e);
    });
    worker.on('exit', (code) => fail(new Error(`the index worker exited (${code})`)));
    this.worker = worker;
    return worker;
  }

  private onDisk(files: IndexTarget[]): { disk: WorkerFile[]; other: IndexTarget[] } {
    const disk: WorkerFile[] = [];
    const other: IndexTarget[] = [];
    for (const f of files) {
      if (f.uri.scheme === 'file' && !this.broken) disk.push({ path: f.path, fsPath: f.uri.fsPath });
      else other.push(f);
    }
    return { disk, other };
  }

  /** Sends one request and calls `onReply` for each reply until it returns true (the job is over). */
  private run(make: (job: number) => WorkerRequest, onReply: (reply: WorkerReply) => boolean, token: vscode.CancellationToken): Promise<void> {
    // Disposed or already cancelled: no thread is started (it would outlive the extension).
    if (this.disposed || token.isCancellationRequested) return Promise.resolve();
    clearTimeout(this.idle);
    const job = this.nextJob++;
    return new Promise<void>((resolve, reject) => {
      let worker: Worker;
      try {
        worker = this.start();
      } catch (e) {
        reject(e instanceof Error ? e : new Error(String(e)));
        return;
      }
      const end = () => {
        this.jobs.delete(job);
        cancel.dispose();
        if (!this.jobs.size && !this.disposed) this.idle = setTimeout(() => this.stop(), IDLE_MS);
      };
      const cancel = token.onCancellationRequested(() => {
        worker.postMessage({ type: 'cancel', job } satisfies WorkerRequest);
        end();
        resolve();
      });
      this.jobs.set(job, {
        onReply: (reply) => {
          if (reply.type === 'error') {
            end();
            reject(new Error(reply.message));
          } else if (onReply(reply)) {
            end();
            resolve();
          }
        },
        fail: (error) => {
          end();
          reject(error);
        },
      });
      worker.postMessage(make(job));
    });
  }

  /** Runs the worker's part; if the worker fails, its files go to the chunked runner from then on. */
  private async withFallback<T>(
    files: IndexTarget[],
    onWorker: (disk: WorkerFile[]) => Promise<T>,
    onOther: (other: IndexTarget[]) => Promise<T>,
  ): Promise<T[]> {
    const { disk, other } = this.onDisk(files);
    const results: T[] = [];
    if (disk.length) {
      try {
        results.push(await onWorker(disk));
      } catch (e) {
        log().warn(`index worker failed, indexing on the extension host instead: ${e instanceof Error ? e.message : String(e)}`);
        this.broken = true;
        other.push(...files.filter((f) => f.uri.scheme === 'file'));
      }
    }
    if (other.length) results.push(await onOther(other));
    return results;
  }

  async stamps(files: IndexTarget[], token: vscode.CancellationToken): Promise<FileStamp[]> {
    const parts = await this.withFallback(
      files,
      async (disk) => {
        let out: FileStamp[] = [];
        await this.run(
          (job) => ({ type: 'stat', job, files: disk }),
          (reply) => (reply.type === 'stamps' ? ((out = reply.stamps), true) : false),
          token,
        );
        return out;
      },
      (other) => this.fallback.stamps(other, token),
    );
    return parts.flat();
  }

  async index(files: IndexTarget[], onBatch: (files: IndexedFile[]) => void, token: vscode.CancellationToken): Promise<void> {
    await this.withFallback(
      files,
      (disk) =>
        this.run(
          (job) => ({ type: 'index', job, files: disk }),
          (reply) => {
            if (reply.type === 'batch') onBatch(reply.files);
            return reply.type === 'done';
          },
          token,
        ),
      (other) => this.fallback.index(other, onBatch, token),
    );
  }

  private stop(): void {
    const worker = this.worker;
    this.worker = undefined;
    void worker?.terminate();
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.idle);
    for (const job of [...this.jobs.values()]) job.fail(new Error('disposed'));
    this.jobs.clear();
    this.stop();
  }
}

export function createIndexRunner(extensionUri: vscode.Uri): IndexRunner {
  if (extensionUri.scheme !== 'file') return new ChunkedIndexRunner();
  return new WorkerIndexRunner(vscode.Uri.joinPath(extensionUri, 'dist', 'index-worker.js').fsPath);
}
